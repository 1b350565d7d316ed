#include "export_run.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QTemporaryDir>

#include "report/metrics_csv.h"
#include "train/run_reader.h"

namespace uegr::studio {
namespace {

// Copies the files and sub-folders of `source` into the existing folder `target`.
QString copyTree(const QString& source, const QString& target) {
    const QDir sourceDir(source);
    QDirIterator entries(source, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden,
                         QDirIterator::Subdirectories);
    while (entries.hasNext()) {
        const QString path = entries.next();
        const QString copy = QDir(target).filePath(sourceDir.relativeFilePath(path));
        if (entries.fileInfo().isDir()) {
            if (!QDir().mkpath(copy))
                return QObject::tr("Cannot create %1.").arg(QDir::toNativeSeparators(copy));
        } else if (!QFile::copy(path, copy)) {
            return QObject::tr("Cannot copy %1 to %2.")
                .arg(QDir::toNativeSeparators(path), QDir::toNativeSeparators(copy));
        }
    }
    return {};
}

}  // namespace

QString exportModelBundle(const QString& runDir, const QString& destination) {
    const QString model = QDir(runDir).filePath(QStringLiteral("model"));
    if (!QFileInfo(QDir(model).filePath(QStringLiteral("config.json"))).isFile())
        return QObject::tr(
                   "%1 has no model bundle yet: a run writes it at its first evaluation or when it finishes.")
            .arg(QDir::toNativeSeparators(runDir));
    const QFileInfo target(destination);
    if (target.exists()) return QObject::tr("%1 already exists.").arg(QDir::toNativeSeparators(destination));
    if (!QDir().mkpath(target.absolutePath()))
        return QObject::tr("Cannot create %1.").arg(QDir::toNativeSeparators(target.absolutePath()));

    // A sibling on the same file system, so the final rename is atomic.
    QTemporaryDir staging(target.absolutePath() + QStringLiteral("/.") + target.fileName() +
                          QStringLiteral("-XXXXXX"));
    if (!staging.isValid())
        return QObject::tr("Cannot write to %1.").arg(QDir::toNativeSeparators(target.absolutePath()));
    const QString error = copyTree(model, staging.path());
    if (!error.isEmpty()) return error;
    if (!QDir().rename(staging.path(), target.absoluteFilePath()))
        return QObject::tr("Cannot rename %1 to %2.")
            .arg(QDir::toNativeSeparators(staging.path()), QDir::toNativeSeparators(destination));
    staging.setAutoRemove(false);
    return {};
}

QString suggestedBundleFolder(const QString& parent, const QString& runDir) {
    const QString base =
        QDir(parent).filePath(QFileInfo(QDir::cleanPath(runDir)).fileName() + QStringLiteral("-model"));
    QString candidate = base;
    for (int suffix = 2; QFileInfo::exists(candidate); ++suffix)
        candidate = base + QLatin1Char('-') + QString::number(suffix);
    return candidate;
}

QString exportMetricsCsv(const QString& runDir, const QString& path) {
    std::string csv;
    try {
        csv =
            metricsCsv(readMetricsLog(QDir(runDir).filePath(QStringLiteral("metrics.jsonl")).toStdString()));
    } catch (const std::exception& error) {
        return QString::fromStdString(error.what());
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QObject::tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    file.write(csv.data(), static_cast<qint64>(csv.size()));
    if (!file.commit())
        return QObject::tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    return {};
}

}  // namespace uegr::studio
