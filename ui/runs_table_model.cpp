#include "runs_table_model.h"

#include <QBrush>
#include <QDir>
#include <QFileInfo>
#include <QLocale>

#include <algorithm>

#include "util/atomic_file.h"
#include "util/json_text.h"

namespace uegr::studio {
namespace {

// The run's own folder: it differs for every run, and the Run column already names it.
const std::string kRunFolderKey = "output.dir";

QString cleanPath(const QString& path) {
    return QDir::cleanPath(QDir(path).absolutePath());
}

FlatConfig readFlatConfig(const QString& runDir) {
    const std::string path = QDir(runDir).filePath(QStringLiteral("config.json")).toStdString();
    try {
        return flattenConfig(parseJsonText(readFile(path), path));
    } catch (const std::exception&) {
        return {};  // readRunOverview reports the same problem as the row's error
    }
}

QString firstLine(const QString& text) {
    const qsizetype end = text.indexOf(QLatin1Char('\n'));
    return end < 0 ? text : text.left(end) + QStringLiteral(" …");
}

}  // namespace

RunRow readRunRow(const QString& runDir) {
    RunRow row;
    row.overview = readRunOverview(QDir::toNativeSeparators(cleanPath(runDir)).toStdString());
    const QFileInfo config(QDir(runDir).filePath(QStringLiteral("config.json")));
    row.date = (config.exists() ? config : QFileInfo(runDir)).lastModified();
    if (!row.readable()) return row;
    row.config = readFlatConfig(runDir);
    row.annotations = readRunAnnotations(runDir, &row.annotationsError);
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
    std::vector<const FlatConfig*> configs;
    for (const RunRow& entry : runs_)
        if (entry.readable()) configs.push_back(&entry.config);
    hyperparameterKeys_ = keysThatDiffer(configs);
    hyperparameterKeys_.erase(
        std::remove(hyperparameterKeys_.begin(), hyperparameterKeys_.end(), kRunFolderKey),
        hyperparameterKeys_.end());
    endResetModel();
}

int RunsTableModel::columnOfKey(const std::string& key) const {
    const auto found = std::find(hyperparameterKeys_.begin(), hyperparameterKeys_.end(), key);
    return found == hyperparameterKeys_.end()
               ? -1
               : FixedColumnCount + static_cast<int>(found - hyperparameterKeys_.begin());
}

QString RunsTableModel::setAnnotations(int row, const RunAnnotations& annotations) {
    RunRow& entry = runs_.at(static_cast<std::size_t>(row));
    if (!entry.annotationsError.isEmpty()) return entry.annotationsError;  // keep what the file holds
    const QString error = writeRunAnnotations(QString::fromStdString(entry.overview.dir), annotations);
    if (!error.isEmpty()) return error;
    entry.annotations = annotations;
    Q_EMIT dataChanged(index(row, Tags), index(row, Notes));
    return {};
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
    return parent.isValid() ? 0 : FixedColumnCount + static_cast<int>(hyperparameterKeys_.size());
}

QVariant RunsTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid()) return {};
    const RunRow& entry = run(index.row());
    const int column = index.column();
    if (!entry.readable()) {
        if (role == Qt::ToolTipRole) return QString::fromStdString(entry.overview.error);
        if (role == Qt::ForegroundRole) return QBrush(Qt::red);
    }
    if (column == Tags || column == Notes) return annotationData(entry, column, role);
    if (column >= FixedColumnCount) return hyperparameterData(entry, column, role);
    if (role == Qt::ToolTipRole) return QDir::toNativeSeparators(QString::fromStdString(entry.overview.dir));
    if (role == Qt::TextAlignmentRole && (column == BestDevAccuracy || column == Steps))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != SortRole) return {};
    if (column == Status) return statusText(index.row());
    return overviewData(entry, column, role == SortRole);
}

QVariant RunsTableModel::overviewData(const RunRow& entry, int column, bool sorting) const {
    const RunOverview& run = entry.overview;
    switch (column) {
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
        case Date:
            return sorting ? QVariant(entry.date)
                           : QVariant(QLocale().toString(entry.date, QLocale::ShortFormat));
    }
    return {};
}

QVariant RunsTableModel::annotationData(const RunRow& entry, int column, int role) const {
    const bool damaged = !entry.annotationsError.isEmpty();
    if (damaged && role == Qt::ToolTipRole) return entry.annotationsError;
    if (damaged && role == Qt::ForegroundRole) return QBrush(Qt::red);
    if (damaged && role == Qt::DisplayRole) return tr("damaged");
    const bool tags = column == Tags;
    switch (role) {
        case Qt::DisplayRole:
            return tags ? tagsText(entry.annotations.tags) : firstLine(entry.annotations.notes);
        case Qt::EditRole:
        case SortRole:
            return tags ? tagsText(entry.annotations.tags) : entry.annotations.notes;
        case Qt::ToolTipRole:
            if (tags) return tr("Tags, separated by commas. Double-click to edit.");
            return entry.annotations.notes.isEmpty() ? tr("No notes. Edit them with Notes….")
                                                     : entry.annotations.notes;
    }
    return {};
}

QVariant RunsTableModel::hyperparameterData(const RunRow& entry, int column, int role) const {
    const std::string& key = hyperparameterKeys_.at(static_cast<std::size_t>(column - FixedColumnCount));
    const auto found = entry.config.find(key);
    const bool present = found != entry.config.end();
    const QString text = present ? QString::fromStdString(configValueText(found->second)) : QString();
    const bool number = present && found->second.is_number();
    switch (role) {
        case Qt::DisplayRole:
            return present ? text : QStringLiteral("—");
        case SortRole:
            if (!present) return {};
            return number ? QVariant(found->second.get<double>()) : QVariant(text);
        case Qt::ToolTipRole:
            return present ? QStringLiteral("%1 = %2").arg(QString::fromStdString(key), text)
                           : tr("%1 is not in this run's config.json").arg(QString::fromStdString(key));
        case Qt::TextAlignmentRole:
            if (number) return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

bool RunsTableModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (!index.isValid() || index.column() != Tags || role != Qt::EditRole) return false;
    RunAnnotations annotations = run(index.row()).annotations;
    annotations.tags = parseTags(value.toString());
    const QString error = setAnnotations(index.row(), annotations);
    if (error.isEmpty()) return true;
    Q_EMIT annotationsFailed(error);
    return false;
}

Qt::ItemFlags RunsTableModel::flags(const QModelIndex& index) const {
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == Tags && run(index.row()).readable() &&
        run(index.row()).annotationsError.isEmpty())
        flags |= Qt::ItemIsEditable;
    return flags;
}

QVariant RunsTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal) return {};
    if (section >= FixedColumnCount && section < columnCount()) {
        const QString key = QString::fromStdString(
            hyperparameterKeys_.at(static_cast<std::size_t>(section - FixedColumnCount)));
        if (role == Qt::ToolTipRole)
            return tr("The config key %1, whose value differs between the runs.").arg(key);
        return role == Qt::DisplayRole ? QVariant(key) : QVariant();
    }
    if (role != Qt::DisplayRole) return {};
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
        case Tags:
            return tr("Tags");
        case Notes:
            return tr("Notes");
    }
    return {};
}

}  // namespace uegr::studio
