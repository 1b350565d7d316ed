#pragma once
// The runs of a workspace as a table: name, method, model type, dataset, best dev accuracy,
// steps, status and date. A folder that cannot be read stays in the table as a row whose
// status is "unreadable" and whose tooltip says why.
#include <QAbstractTableModel>
#include <QDateTime>
#include <QString>
#include <vector>

#include "train/run_reader.h"

namespace uegr::studio {

struct RunRow {
    RunOverview overview;
    QDateTime date;  // when the run was created (its config.json was written)
    bool readable() const { return overview.error.empty(); }
};

// Both block on file I/O: call them off the GUI thread for big workspaces.
RunRow readRunRow(const QString& runDir);
std::vector<RunRow> scanRunsWorkspace(const QString& workspace);

class RunsTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Method, Model, Dataset, BestDevAccuracy, Steps, Status, Date, ColumnCount };
    static constexpr int SortRole = Qt::UserRole;  // numbers and dates as such, for sorting

    explicit RunsTableModel(QObject* parent = nullptr);

    void setRuns(std::vector<RunRow> runs);
    const RunRow& run(int row) const { return runs_.at(static_cast<std::size_t>(row)); }
    int rowOf(const QString& runDir) const;  // -1 when not listed
    int unreadableCount() const;

    // The run this studio is training right now shows as running whatever its files say.
    void setActiveRun(const QString& runDir);
    RunStatus status(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString statusText(int row) const;

    std::vector<RunRow> runs_;
    QString activeRun_;
};

}  // namespace uegr::studio
