#include "word_diff.h"

#include <algorithm>
#include <vector>

namespace uegr::studio {
namespace {

QVector<DiffSegment> toDiffSegments(const QVector<WordSegment>& segments) {
    QVector<DiffSegment> out;
    out.reserve(segments.size());
    for (const WordSegment& segment : segments) out.push_back({segment.text, segment.isToken, false});
    return out;
}

QVector<int> tokenPositions(const QVector<DiffSegment>& segments) {
    QVector<int> positions;
    for (int i = 0; i < segments.size(); ++i)
        if (segments[i].isToken) positions << i;
    return positions;
}

}  // namespace

WordDiff diffWords(const QVector<WordSegment>& original, const QVector<WordSegment>& adversarial) {
    WordDiff diff{toDiffSegments(original), toDiffSegments(adversarial)};
    const QVector<int> a = tokenPositions(diff.original);
    const QVector<int> b = tokenPositions(diff.adversarial);
    const auto n = static_cast<std::size_t>(a.size());
    const auto m = static_cast<std::size_t>(b.size());
    // common[i][j]: LCS length of the token suffixes a[i..] and b[j..].
    std::vector<std::vector<int>> common(n + 1, std::vector<int>(m + 1, 0));
    for (std::size_t i = n; i-- > 0;)
        for (std::size_t j = m; j-- > 0;)
            common[i][j] = diff.original[a[i]].text == diff.adversarial[b[j]].text
                               ? common[i + 1][j + 1] + 1
                               : std::max(common[i + 1][j], common[i][j + 1]);
    for (DiffSegment& segment : diff.original) segment.changed = segment.isToken;
    for (DiffSegment& segment : diff.adversarial) segment.changed = segment.isToken;
    std::size_t i = 0, j = 0;
    while (i < n && j < m) {
        if (diff.original[a[i]].text == diff.adversarial[b[j]].text &&
            common[i][j] == common[i + 1][j + 1] + 1) {
            diff.original[a[i]].changed = false;
            diff.adversarial[b[j]].changed = false;
            ++i;
            ++j;
        } else if (common[i + 1][j] >= common[i][j + 1]) {
            ++i;
        } else {
            ++j;
        }
    }
    diff.changedOriginal = static_cast<int>(n) - common[0][0];
    diff.changedAdversarial = static_cast<int>(m) - common[0][0];
    return diff;
}

WordDiff diffWords(const QString& original, const QString& adversarial) {
    return diffWords(segmentWords(original), segmentWords(adversarial));
}

QString diffHtml(const QVector<DiffSegment>& segments, const QColor& highlight) {
    QString html;
    for (const DiffSegment& segment : segments) {
        const QString text = segment.text.toHtmlEscaped();
        html += segment.changed ? QStringLiteral("<span style=\"background-color:%1\"><b>%2</b></span>")
                                      .arg(highlight.name(), text)
                                : text;
    }
    return html;
}

}  // namespace uegr::studio
