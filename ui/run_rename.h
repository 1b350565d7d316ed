#pragma once
// Renaming a run: its folder is renamed inside its workspace. The name must be a plain folder
// name; the checks give one-line reasons a person can act on.
#include <QString>

namespace uegr::studio {

// Why `name` (already trimmed) cannot name a run folder; empty when it can.
QString runNameProblem(const QString& name);

// Renames runDir to <its parent>/<newName, trimmed>. Returns an empty string and sets *renamed to
// the new folder, or says why nothing was renamed (bad name, name taken, the rename failed).
QString renameRunFolder(const QString& runDir, const QString& newName, QString* renamed);

}  // namespace uegr::studio
