#pragma once
// A run's tags and notes, which the user edits on the Runs page. They live in
// <run>/annotations.json, apart from config.json and summary.json, which the engine owns:
//   {"tags": ["baseline", "sweep-3"], "notes": "free text"}
// and are written atomically (QSaveFile), so an edit never leaves a half-written file.
#include <QString>
#include <QStringList>

namespace uegr::studio {

inline constexpr char kAnnotationsFile[] = "annotations.json";

struct RunAnnotations {
    QStringList tags;
    QString notes;
};

// A missing file is no annotations and no error; a damaged one sets *error (one line naming the
// file) and gives no annotations.
RunAnnotations readRunAnnotations(const QString& runDir, QString* error);
// Returns an empty string, or why the file could not be written (the old file stays).
QString writeRunAnnotations(const QString& runDir, const RunAnnotations& annotations);

// "a, b ,,a" -> {"a", "b"}: trimmed, without empty or repeated tags, in the order typed.
QStringList parseTags(const QString& text);
QString tagsText(const QStringList& tags);  // {"a", "b"} -> "a, b"

}  // namespace uegr::studio
