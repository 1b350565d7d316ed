#pragma once
// The Dataset page: opens a CSV/TSV/JSONL file on a background thread, maps its columns
// (guessed from the header, or chosen in ColumnMappingDialog), and shows the label
// distribution, token statistics and every rejected row as FILE:LINE: reason.
#include <QFutureWatcher>
#include <QWidget>
#include <memory>

#include "data/statistics.h"
#include "data/table_reader.h"

class QLabel;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QTableView;

namespace uegr::studio {

class LabelDistributionChart;
class RawTableModel;

class DatasetPage : public QWidget {
    Q_OBJECT
public:
    explicit DatasetPage(QWidget* parent = nullptr);
    ~DatasetPage() override;

    // Reads the file in the background; loaded() or loadFailed() follows. A file whose header
    // has no obvious text and label columns opens the mapping dialog.
    void openDataset(const QString& path);
    void chooseDataset();  // file dialog
    void editMapping();    // mapping dialog for the open file

    QString fileName() const { return fileName_; }
    QString formatName() const;
    const ColumnMapping& mapping() const { return mapping_; }
    const DatasetStatistics& statistics() const { return statistics_; }
    QStringList problems() const;  // FILE:LINE: reason, one per rejected row

Q_SIGNALS:
    void loaded(const QString& path);
    void loadFailed(const QString& message);

private:
    struct ReadResult;
    struct Analysis;
    void tableRead();
    void analyse();
    void analysed();
    void showProblems(const std::vector<SkippedRow>& rows, const QString& fatal);
    void jumpToProblem(QListWidgetItem* item);  // selects the problem's row in the preview

    QString fileName_;
    ColumnMapping mapping_;
    DatasetStatistics statistics_;
    RawTableModel* model_;
    QFutureWatcher<std::shared_ptr<const ReadResult>>* reader_;
    QFutureWatcher<std::shared_ptr<const Analysis>>* analyser_;
    QPushButton* mappingButton_;
    QLabel* fileLabel_;
    QLabel* summary_;
    LabelDistributionChart* chart_;
    QListWidget* problems_;
    QTableView* preview_;
};

}  // namespace uegr::studio
