#include "run_rename.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <algorithm>

namespace uegr::studio {
namespace {

class RenameStrings {
    Q_DECLARE_TR_FUNCTIONS(uegr::studio::RunRename)
};

// Most file systems allow 255 bytes per name.
constexpr int kMaxNameBytes = 255;

bool hasControlCharacter(const QString& name) {
    return std::any_of(name.begin(), name.end(),
                       [](QChar c) { return c.category() == QChar::Other_Control; });
}

}  // namespace

QString runNameProblem(const QString& name) {
    if (name.isEmpty()) return RenameStrings::tr("The new name is empty.");
    if (name.contains(QLatin1Char('/')) || name.contains(QLatin1Char('\\')))
        return RenameStrings::tr("A run name cannot contain / or \\.");
    if (name.startsWith(QLatin1Char('.')))
        return RenameStrings::tr("A run name cannot start with a dot (that would hide the folder).");
    // The engine removes leftovers with this marker in their names (docs/RELIABILITY.md).
    if (name.contains(QStringLiteral(".tmp-")))
        return RenameStrings::tr("A run name cannot contain \".tmp-\": it marks temporary files.");
    if (hasControlCharacter(name)) return RenameStrings::tr("A run name cannot contain control characters.");
    if (name.toUtf8().size() > kMaxNameBytes)
        return RenameStrings::tr("The new name is too long (at most %1 bytes).").arg(kMaxNameBytes);
    return {};
}

QString renameRunFolder(const QString& runDir, const QString& newName, QString* renamed) {
    const QString name = newName.trimmed();
    const QString problem = runNameProblem(name);
    if (!problem.isEmpty()) return problem;
    const QFileInfo run(QDir::cleanPath(runDir));
    if (!run.isDir())
        return RenameStrings::tr("%1 no longer exists.").arg(QDir::toNativeSeparators(run.filePath()));
    const QString target = run.dir().filePath(name);
    if (QFileInfo::exists(target))
        return RenameStrings::tr("%1 already exists; choose another name.")
            .arg(QDir::toNativeSeparators(target));
    if (!QDir().rename(run.filePath(), target))
        return RenameStrings::tr("Cannot rename %1 to %2.")
            .arg(QDir::toNativeSeparators(run.filePath()), QDir::toNativeSeparators(target));
    *renamed = target;
    return {};
}

}  // namespace uegr::studio
