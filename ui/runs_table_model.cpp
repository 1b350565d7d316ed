#include "runs_table_model.h"

#include <QBrush>
#include <QDir>
#include <QFileInfo>
#include <QLocale>

#include <algorithm>

namespace uegr::studio {
namespace {

QString cleanPath(const QString& path) {
    return QDir::cleanPath(QDir(path).absolutePath());
}

}  // namespace

RunRow readRunRow(const QString& runDir) {
    RunRow row;
    row.overview = readRunOverview(QDir::toNativeSeparators(cleanPath(runDir)).toStdString());
    const QFileInfo config(QDir(runDir).filePath(QStringLiteral("config.json")));
    row.date = (config.exists() ? config : QFileInfo(runDir)).lastModified();
    return row;
}

std::vector<RunRow> scanRunsWorkspace(const QString& workspace) {
    std::vector<RunRow> rows;
    for (const std::string& dir : listRunDirectories(workspace.toStdString()))
        rows.push_back(readRunRow(QString::fromStdString(dir)));
    return rows;
}

RunsTableModel::RunsTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void RunsTableModel::setRuns(std::vector<RunRow> runs) {
    beginResetModel();
    runs_ = std::move(runs);
    endResetModel();
}

int RunsTableModel::rowOf(const QString& runDir) const {
    const QString wanted = cleanPath(runDir);
    for (std::size_t i = 0; i < runs_.size(); ++i)
        if (cleanPath(QString::fromStdString(runs_[i].overview.dir)) == wanted) return static_cast<int>(i);
    return -1;
}

int RunsTableModel::unreadableCount() const {
    return static_cast<int>(
        std::count_if(runs_.begin(), runs_.end(), [](const RunRow& run) { return !run.readable(); }));
}

void RunsTableModel::setActiveRun(const QString& runDir) {
    const int previous = activeRun_.isEmpty() ? -1 : rowOf(activeRun_);
    activeRun_ = runDir.isEmpty() ? QString() : cleanPath(runDir);
    for (const int row : {previous, activeRun_.isEmpty() ? -1 : rowOf(activeRun_)})
        if (row >= 0) Q_EMIT dataChanged(index(row, Status), index(row, Status));
}

RunStatus RunsTableModel::status(int row) const {
    const RunRow& entry = run(row);
    if (!activeRun_.isEmpty() && cleanPath(QString::fromStdString(entry.overview.dir)) == activeRun_)
        return RunStatus::Running;
    return entry.overview.status;
}

QString RunsTableModel::statusText(int row) const {
    if (!run(row).readable()) return tr("unreadable");
    switch (status(row)) {
        case RunStatus::Finished:
            return tr("finished");
        case RunStatus::Stopped:
            return tr("stopped");
        case RunStatus::Failed:
            return tr("failed");
        case RunStatus::Running:
            return tr("running");
    }
    return {};
}

int RunsTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(runs_.size());
}

int RunsTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunsTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid()) return {};
    const RunRow& entry = run(index.row());
    const RunOverview& run = entry.overview;
    if (role == Qt::ToolTipRole) {
        return entry.readable() ? QDir::toNativeSeparators(QString::fromStdString(run.dir))
                                : QString::fromStdString(run.error);
    }
    if (role == Qt::ForegroundRole && !entry.readable()) return QBrush(Qt::red);
    if (role == Qt::TextAlignmentRole && (index.column() == BestDevAccuracy || index.column() == Steps))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != SortRole) return {};
    const bool sorting = role == SortRole;
    switch (index.column()) {
        case Name:
            return QString::fromStdString(run.name);
        case Method:
            return QString::fromStdString(run.method);
        case Model:
            return QString::fromStdString(run.modelType);
        case Dataset:
            return QString::fromStdString(run.dataset);
        case BestDevAccuracy:
            if (!run.hasBestDev) return sorting ? QVariant(-1.0) : QVariant(QStringLiteral("—"));
            return sorting ? QVariant(run.bestDev.accuracy)
                           : QVariant(QString::number(run.bestDev.accuracy, 'f', 4));
        case Steps:
            if (sorting) return QVariant::fromValue<qlonglong>(run.steps);
            return run.totalSteps > 0 && run.steps < run.totalSteps
                       ? QStringLiteral("%1 / %2").arg(run.steps).arg(run.totalSteps)
                       : QString::number(run.steps);
        case Status:
            return statusText(index.row());
        case Date:
            return sorting ? QVariant(entry.date)
                           : QVariant(QLocale().toString(entry.date, QLocale::ShortFormat));
    }
    return {};
}

QVariant RunsTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
        case Name:
            return tr("Run");
        case Method:
            return tr("Method");
        case Model:
            return tr("Model");
        case Dataset:
            return tr("Dataset");
        case BestDevAccuracy:
            return tr("Best dev accuracy");
        case Steps:
            return tr("Steps");
        case Status:
            return tr("Status");
        case Date:
            return tr("Date");
    }
    return {};
}

}  // namespace uegr::studio
