#pragma once
// `uegr-studio --report RUN --out FILE` (and so `uegr report`): the run's report, exactly as the
// Runs page exports it, written without showing a window, for servers and scripts.
#include <QString>

namespace uegr::studio {

// Writes the report of runDir to outPath, PDF or HTML by its extension. Returns the process exit
// status: 0, 2 for bad input (not a run folder, unknown extension), 1 when writing fails; on
// failure one line goes to stderr.
int writeReportHeadless(const QString& runDir, const QString& outPath);

}  // namespace uegr::studio
