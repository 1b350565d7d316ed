#include "runs_workspace.h"

#include <QDateTime>
#include <QDir>
#include <QSettings>
#include <QStandardPaths>

namespace uegr::studio {
namespace {

const QString kWorkspaceKey = QStringLiteral("runs/workspace");
const QString kRecentKey = QStringLiteral("runs/recent");

}  // namespace

QString defaultRunsWorkspace() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/runs");
}

QString runsWorkspace() {
    return QSettings().value(kWorkspaceKey, defaultRunsWorkspace()).toString();
}

void setRunsWorkspace(const QString& folder) {
    QSettings().setValue(kWorkspaceKey, QDir::cleanPath(folder));
}

QStringList recentRuns() {
    return QSettings().value(kRecentKey).toStringList();
}

void addRecentRun(const QString& runDir) {
    const QString cleaned = QDir::cleanPath(QDir(runDir).absolutePath());
    QStringList runs = recentRuns();
    runs.removeAll(cleaned);
    runs.prepend(cleaned);
    while (runs.size() > kMaxRecentRuns) runs.removeLast();
    QSettings().setValue(kRecentKey, runs);
}

void replaceRecentRun(const QString& from, const QString& to) {
    QStringList runs = recentRuns();
    const qsizetype index = runs.indexOf(QDir::cleanPath(QDir(from).absolutePath()));
    if (index < 0) return;
    runs[index] = QDir::cleanPath(QDir(to).absolutePath());
    QSettings().setValue(kRecentKey, runs);
}

QString createRunFolder(const QString& workspace, const QString& method) {
    QDir root(workspace);
    if (!root.mkpath(QStringLiteral("."))) return {};
    const QString base =
        QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")) + QLatin1Char('-') + method;
    QString name = base;
    // mkdir fails when the folder exists, so two runs started in the same second still differ.
    for (int suffix = 2; !root.mkdir(name); ++suffix) {
        if (suffix > 1000) return {};
        name = base + QLatin1Char('-') + QString::number(suffix);
    }
    return root.absoluteFilePath(name);
}

}  // namespace uegr::studio
