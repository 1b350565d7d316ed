#include "export_folder.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace uegr::studio {
namespace {

const QString kExportFolderKey = QStringLiteral("exportFolder");

}  // namespace

QString exportFolder() {
    const QString folder = QSettings().value(kExportFolderKey).toString();
    return !folder.isEmpty() && QFileInfo(folder).isDir() ? folder : QDir::homePath();
}

void rememberExportFolder(const QString& chosen, bool isFolder) {
    if (chosen.isEmpty()) return;
    QSettings().setValue(kExportFolderKey, isFolder ? chosen : QFileInfo(chosen).absolutePath());
}

QString exportPath(const QString& fileName) {
    return QDir(exportFolder()).filePath(fileName);
}

}  // namespace uegr::studio
