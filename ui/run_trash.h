#pragma once
// Deleting a run moves its folder to the desktop's trash (QFile::moveToTrash), so it can be put
// back: by the Runs page's Undo, or from the trash by hand.
#include <QString>

namespace uegr::studio {

struct TrashedRun {
    QString originalPath;
    QString pathInTrash;
};

// Returns an empty string and fills *trashed, or says why the folder is still where it was
// (no trash on this system or volume, no permission).
QString moveRunToTrash(const QString& runDir, TrashedRun* trashed);

// Moves the folder back to its original path. Refused, with the reason, when that path is taken
// again or the folder is no longer in the trash.
QString restoreRunFromTrash(const TrashedRun& trashed);

}  // namespace uegr::studio
