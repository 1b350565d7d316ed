#pragma once
// The Dataset page: opens a CSV/TSV/JSONL file on a background thread, maps its columns
// (guessed from the header, or chosen in ColumnMappingDialog), and shows the label
// distribution, token statistics and every rejected row as FILE:LINE: reason. A file in
// Latin-1 or Windows-1252 is decoded into a UTF-8 copy, which is what training then reads.
// A file without usable rows or with fewer than two labels is refused (loadFailed).
#include <QFutureWatcher>
#include <QWidget>
#include <memory>

#include "data/statistics.h"
#include "data/table_reader.h"
#include "text_encoding.h"

class QComboBox;
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
    void setEncoding(TextEncoding encoding);  // reopens the open file in that encoding
    TextEncoding encoding() const;
    void chooseDataset();  // file dialog
    void editMapping();    // mapping dialog for the open file

    QString fileName() const { return fileName_; }
    // The file training reads: fileName(), or its UTF-8 copy when the file is in another encoding.
    QString trainingFile() const { return trainingFile_; }
    QString formatName() const;
    const ColumnMapping& mapping() const { return mapping_; }
    const DatasetStatistics& statistics() const { return statistics_; }
    QStringList problems() const;  // FILE:LINE: reason, one per rejected row

Q_SIGNALS:
    void loaded(const QString& trainingFile);
    void loadFailed(const QString& message);

private:
    struct ReadResult;
    struct Analysis;
    void tableRead();
    void analyse();
    void analysed();
    void showProblems(const std::vector<SkippedRow>& rows, const QString& fatal);
    void fitPreviewColumns();
    QString unusableReason() const;  // empty when the rows can train a classifier
    void refuse(const QString& summary, const QString& reason);
    void jumpToProblem(QListWidgetItem* item);  // selects the problem's row in the preview

    QString fileName_;
    QString trainingFile_;
    ColumnMapping mapping_;
    DatasetStatistics statistics_;
    RawTableModel* model_;
    QFutureWatcher<std::shared_ptr<const ReadResult>>* reader_;
    QFutureWatcher<std::shared_ptr<const Analysis>>* analyser_;
    QPushButton* mappingButton_;
    QComboBox* encoding_;
    QLabel* fileLabel_;
    QLabel* summary_;
    LabelDistributionChart* chart_;
    QListWidget* problems_;
    QTableView* preview_;
};

}  // namespace uegr::studio
