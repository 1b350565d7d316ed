#pragma once
// Exports of a run's files: its model bundle (model/) and its metrics as CSV. Each returns an
// empty string on success, else a message for the user. Nothing half-written is left behind:
// the bundle is copied into a temporary sibling folder and renamed into place, the CSV is
// written through QSaveFile.
#include <QString>

namespace uegr::studio {

// Copies RUN/model/ to `destination`, which must not exist yet.
QString exportModelBundle(const QString& runDir, const QString& destination);

// `<parent>/<run name>-model`, with "-2", "-3", ... when that exists.
QString suggestedBundleFolder(const QString& parent, const QString& runDir);

// RUN/metrics.jsonl as the table metricsCsv() describes.
QString exportMetricsCsv(const QString& runDir, const QString& path);

}  // namespace uegr::studio
