#include "attack/text_segments.h"

#include <algorithm>
#include <limits>
#include <numeric>

#include "attack/stop_words.h"
#include "text/tokenizer.h"
#include "text/vocabulary.h"
#include "util/utf8.h"

namespace uegr {
namespace {

bool isAsciiAlphanumeric(char32_t c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Punctuation and symbols are single-character tokens; a single non-ASCII character is left
// alone because without Unicode tables it cannot be told apart from a symbol.
bool isWordToken(const std::string& token) {
    const std::vector<char32_t> points = codePoints(token);
    return points.size() > 1 || (points.size() == 1 && isAsciiAlphanumeric(points[0]));
}

}  // namespace

std::vector<char32_t> codePoints(const std::string& text) {
    std::vector<char32_t> points;
    for (std::size_t position = 0; position < text.size();) {
        char32_t point = utf8::kReplacement;
        const std::size_t length = utf8::decode(text, position, point);
        points.push_back(length == 0 ? utf8::kReplacement : point);
        position += length == 0 ? 1 : length;
    }
    return points;
}

std::string fromCodePoints(const std::vector<char32_t>& points) {
    std::string text;
    for (const char32_t point : points) utf8::append(text, point);
    return text;
}

std::vector<TextSegment> segmentText(const std::string& text) {
    std::vector<TextSegment> segments;
    const std::vector<std::string> tokens = tokenize(text, false);
    std::size_t cursor = 0;
    for (std::size_t index = 0; index < tokens.size(); ++index) {
        const std::size_t position = text.find(tokens[index], cursor);
        if (position == std::string::npos) continue;  // normalised by the tokenizer: not editable
        if (position > cursor)
            segments.push_back(TextSegment{text.substr(cursor, position - cursor), false, false, 0});
        segments.push_back(TextSegment{tokens[index], true, isWordToken(tokens[index]), index});
        cursor = position + tokens[index].size();
    }
    if (cursor < text.size()) segments.push_back(TextSegment{text.substr(cursor), false, false, 0});
    return segments;
}

std::string renderText(const std::vector<TextSegment>& segments, std::size_t replaced,
                       const std::string& replacement) {
    std::string text;
    for (std::size_t i = 0; i < segments.size(); ++i) text += i == replaced ? replacement : segments[i].text;
    return text;
}

std::size_t countWords(const std::vector<TextSegment>& segments) {
    return static_cast<std::size_t>(std::count_if(segments.begin(), segments.end(),
                                                  [](const TextSegment& segment) { return segment.isWord; }));
}

std::vector<std::size_t> attackableWords(const std::vector<TextSegment>& segments,
                                         const std::vector<std::int64_t>& ids, bool hasPair) {
    std::size_t textLength = ids.size();
    if (hasPair)
        textLength =
            static_cast<std::size_t>(std::find(ids.begin(), ids.end(), Vocabulary::kSep) - ids.begin());
    std::vector<std::size_t> words;
    for (std::size_t i = 0; i < segments.size(); ++i)
        if (segments[i].isWord && segments[i].tokenIndex < textLength && !isStopWord(segments[i].text))
            words.push_back(i);
    return words;
}

std::vector<std::size_t> rankByLeaveOneOut(CandidateScorer& scorer, const std::vector<TextSegment>& segments,
                                           const std::vector<std::size_t>& words,
                                           const std::vector<std::int64_t>& ids, int label,
                                           double labelProbability, std::int64_t budget,
                                           std::vector<double>& importance) {
    const std::size_t scored =
        std::min(words.size(), static_cast<std::size_t>(std::max<std::int64_t>(0, budget)));
    std::vector<std::vector<std::int64_t>> leaveOneOut;
    for (std::size_t k = 0; k < scored; ++k) {
        std::vector<std::int64_t> masked = ids;
        masked[segments[words[k]].tokenIndex] = Vocabulary::kUnk;
        leaveOneOut.push_back(std::move(masked));
    }
    const std::vector<std::vector<double>> scores = scorer.score(leaveOneOut);
    importance.assign(words.size(), -std::numeric_limits<double>::infinity());
    for (std::size_t k = 0; k < scored; ++k)
        importance[k] = labelProbability - scores[k][static_cast<std::size_t>(label)];
    std::vector<std::size_t> order(words.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return importance[a] > importance[b]; });
    return order;
}

}  // namespace uegr
