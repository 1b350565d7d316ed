#pragma once
// Where the export dialogs (plots, metrics, reports, model bundles, robustness tables) start: the
// folder of the last export, kept in the settings across sessions, else the home folder.
#include <QString>

namespace uegr::studio {

QString exportFolder();

// `chosen` is the file or folder the user picked; nothing is remembered for an empty one.
void rememberExportFolder(const QString& chosen, bool isFolder);

// exportFolder()/fileName, the suggested path of a file to export.
QString exportPath(const QString& fileName);

}  // namespace uegr::studio
