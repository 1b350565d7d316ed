#pragma once
// Where the studio keeps its runs: a workspace folder (default AppDataLocation/runs, changeable
// on the Runs page) that new GUI runs are created in, and the recently opened runs. Both
// persist in QSettings.
#include <QString>
#include <QStringList>

namespace uegr::studio {

QString defaultRunsWorkspace();
QString runsWorkspace();
void setRunsWorkspace(const QString& folder);

constexpr int kMaxRecentRuns = 10;
QStringList recentRuns();                  // newest first
void addRecentRun(const QString& runDir);  // moves it to the front, keeps kMaxRecentRuns
void replaceRecentRun(const QString& from, const QString& to);  // a renamed run keeps its place

// Creates <workspace>/<YYYYmmdd-HHMMSS>-<method>, adding "-2", "-3", ... when that exists,
// the same naming the CLI uses under runs/. Returns the new folder, or an empty string when
// it cannot be created.
QString createRunFolder(const QString& workspace, const QString& method);

}  // namespace uegr::studio
