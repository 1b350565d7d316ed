#include "documentation_menu.h"

#include <QCoreApplication>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QUrl>

#include "util/install_paths.h"

namespace uegr::studio {
namespace {

void openDocument(const QString& relativePath, QWidget* parent) {
    const QString path =
        QDir(QString::fromStdString(documentationDirectory().string())).filePath(relativePath);
    if (QFileInfo(path).isFile() && QDesktopServices::openUrl(QUrl::fromLocalFile(path))) return;
    auto* box = new QMessageBox(
        QMessageBox::Warning, QCoreApplication::translate("uegr::studio::DocumentationMenu", "Documentation"),
        QCoreApplication::translate("uegr::studio::DocumentationMenu",
                                    "Cannot open %1: it is not installed, or no "
                                    "program opens it.")
            .arg(QDir::toNativeSeparators(path)),
        QMessageBox::Ok, parent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

}  // namespace

void addDocumentationActions(QMenu& menu, QWidget* parent) {
    const struct {
        const char* title;
        const char* path;
    } documents[] = {
        {QT_TRANSLATE_NOOP("uegr::studio::DocumentationMenu", "&User Guide"), "README.md"},
        {QT_TRANSLATE_NOOP("uegr::studio::DocumentationMenu", "The UEGR &Method"), "docs/METHOD.md"},
        {QT_TRANSLATE_NOOP("uegr::studio::DocumentationMenu", "&Configuration Keys"), "docs/CONFIG.md"},
    };
    for (const auto& document : documents) {
        const QString path = QString::fromLatin1(document.path);
        menu.addAction(QCoreApplication::translate("uegr::studio::DocumentationMenu", document.title), parent,
                       [path, parent] { openDocument(path, parent); });
    }
}

}  // namespace uegr::studio
