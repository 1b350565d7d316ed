#pragma once
// Word-level diff of an original text and its adversarial version, for the Robustness page's
// examples browser: both texts are cut into the attack's tokens (segmentWords), the longest
// common subsequence of the token texts is kept, and every token outside it is marked changed.
// Gaps (spacing) are never marked.
#include <QColor>
#include <QString>
#include <QVector>

#include "robustness_results.h"

namespace uegr::studio {

struct DiffSegment {
    QString text;
    bool isToken = false;
    bool changed = false;
};

struct WordDiff {
    QVector<DiffSegment> original, adversarial;
    int changedOriginal = 0, changedAdversarial = 0;  // tokens marked in each text
};

WordDiff diffWords(const QVector<WordSegment>& original, const QVector<WordSegment>& adversarial);
WordDiff diffWords(const QString& original, const QString& adversarial);

// The segments as HTML, changed tokens on a `highlight` background in bold.
QString diffHtml(const QVector<DiffSegment>& segments, const QColor& highlight);

}  // namespace uegr::studio
