#pragma once
// The runs of a workspace as a table: name, method, model type, dataset, best dev accuracy,
// steps, status, date, the user's tags and notes, and then one column per config key whose value
// differs between the runs listed (the hyper-parameters the runs were compared on). A folder
// that cannot be read stays in the table as a row whose status is "unreadable" and whose
// tooltip says why.
#include <QAbstractTableModel>
#include <QDateTime>
#include <QString>
#include <string>
#include <vector>

#include "config/config_diff.h"
#include "run_annotations.h"
#include "train/run_reader.h"

namespace uegr::studio {

struct RunRow {
    RunOverview overview;
    QDateTime date;              // when the run was created (its config.json was written)
    FlatConfig config;           // config.json, flattened; empty when it cannot be read
    RunAnnotations annotations;  // annotations.json
    QString annotationsError;    // annotations.json is damaged: shown, never overwritten
    bool readable() const { return overview.error.empty(); }
};

// Both block on file I/O: call them off the GUI thread for big workspaces.
RunRow readRunRow(const QString& runDir);
std::vector<RunRow> scanRunsWorkspace(const QString& workspace);

class RunsTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    // After FixedColumnCount come the hyper-parameter columns, one per hyperparameterKeys() entry.
    enum Column {
        Name,
        Method,
        Model,
        Dataset,
        BestDevAccuracy,
        Steps,
        Status,
        Date,
        Tags,
        Notes,
        FixedColumnCount
    };
    static constexpr int SortRole = Qt::UserRole;  // numbers and dates as such, for sorting

    explicit RunsTableModel(QObject* parent = nullptr);

    void setRuns(std::vector<RunRow> runs);  // recomputes the hyper-parameter columns
    const std::vector<RunRow>& runs() const { return runs_; }
    const RunRow& run(int row) const { return runs_.at(static_cast<std::size_t>(row)); }
    int rowOf(const QString& runDir) const;  // -1 when not listed
    int unreadableCount() const;

    // The config keys shown as columns: those whose values differ between the readable runs.
    const std::vector<std::string>& hyperparameterKeys() const { return hyperparameterKeys_; }
    int columnOfKey(const std::string& key) const;  // -1 when the key is not a column

    // Writes the run's annotations.json and shows the new tags and notes; returns an empty
    // string or why nothing changed.
    QString setAnnotations(int row, const RunAnnotations& annotations);

    // The run this studio is training right now shows as running whatever its files say.
    void setActiveRun(const QString& runDir);
    RunStatus status(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void annotationsFailed(const QString& message);  // an edit in the Tags column was not saved

private:
    QString statusText(int row) const;
    QVariant overviewData(const RunRow& entry, int column, bool sorting) const;
    QVariant annotationData(const RunRow& entry, int column, int role) const;
    QVariant hyperparameterData(const RunRow& entry, int column, int role) const;

    std::vector<RunRow> runs_;
    std::vector<std::string> hyperparameterKeys_;
    QString activeRun_;
};

}  // namespace uegr::studio
