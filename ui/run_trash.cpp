#include "run_trash.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace uegr::studio {
namespace {

class TrashStrings {
    Q_DECLARE_TR_FUNCTIONS(uegr::studio::RunTrash)
};

// A freedesktop.org trash keeps Trash/files/NAME with its record Trash/info/NAME.trashinfo;
// once the folder is back, the record would list a ghost in the file manager's trash.
void removeTrashRecord(const QString& pathInTrash) {
    const QFileInfo trashed(pathInTrash);
    QDir trash = trashed.dir();
    if (trash.dirName() != QStringLiteral("files") || !trash.cdUp()) return;
    QFile::remove(trash.filePath(QStringLiteral("info/%1.trashinfo").arg(trashed.fileName())));
}

}  // namespace

QString moveRunToTrash(const QString& runDir, TrashedRun* trashed) {
    const QString original = QDir::cleanPath(QDir(runDir).absolutePath());
    if (!QFileInfo(original).isDir())
        return TrashStrings::tr("%1 no longer exists.").arg(QDir::toNativeSeparators(original));
    // Qt's freedesktop.org trash lives in GenericDataLocation but does not create that folder;
    // without it, Qt 6.4 moves the folder into a "files" folder under the current directory.
    QDir().mkpath(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation));
    QString pathInTrash;
    if (!QFile::moveToTrash(original, &pathInTrash))
        return TrashStrings::tr("Cannot move %1 to the trash; it was left where it is.")
            .arg(QDir::toNativeSeparators(original));
    *trashed = {original, pathInTrash};
    return {};
}

QString restoreRunFromTrash(const TrashedRun& trashed) {
    if (QFileInfo::exists(trashed.originalPath))
        return TrashStrings::tr("Cannot put the run back: %1 exists again. It is still in the trash at %2.")
            .arg(QDir::toNativeSeparators(trashed.originalPath),
                 QDir::toNativeSeparators(trashed.pathInTrash));
    if (!QFileInfo(trashed.pathInTrash).isDir())
        return TrashStrings::tr("Cannot put the run back: %1 is no longer in the trash.")
            .arg(QDir::toNativeSeparators(trashed.pathInTrash));
    if (!QDir().rename(trashed.pathInTrash, trashed.originalPath))
        return TrashStrings::tr("Cannot move %1 back to %2.")
            .arg(QDir::toNativeSeparators(trashed.pathInTrash),
                 QDir::toNativeSeparators(trashed.originalPath));
    removeTrashRecord(trashed.pathInTrash);
    return {};
}

}  // namespace uegr::studio
