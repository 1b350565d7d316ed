#pragma once
// The Runs page's per-example predictions: runs the selected run's model over its dev or test
// split in the background (cancellable, with progress) and lists text, true label, predicted
// label and confidence, filterable by outcome, true label and text. Double-clicking a row opens
// its text in the saliency explorer.
#include <QFutureWatcher>
#include <QWidget>

#include "example_predictions.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableView;

namespace uegr::studio {

class PredictionFilter;
class PredictionTableModel;

class PredictionPanel : public QWidget {
    Q_OBJECT
public:
    explicit PredictionPanel(QWidget* parent = nullptr);
    ~PredictionPanel() override;  // cancels a running job and waits for it

    void setRun(const QString& runDir);  // empty: none; another run clears the table
    QString run() const { return runDir_; }
    void start();  // predicts the chosen split of the run
    void cancel();
    bool isRunning() const { return watcher_.isRunning(); }

    QComboBox* splitChooser() const { return split_; }
    QPushButton* startButton() const { return start_; }
    QPushButton* cancelButton() const { return cancel_; }
    QComboBox* outcomeFilter() const { return outcome_; }
    QComboBox* labelFilter() const { return label_; }
    QLineEdit* textFilter() const { return text_; }
    QTableView* table() const { return table_; }
    QProgressBar* progressBar() const { return progress_; }
    PredictionTableModel* model() const { return model_; }
    QString message() const;

Q_SIGNALS:
    void finished();  // a job ended: predictions shown, an error, or cancelled
    void openInSaliencyRequested(const QString& runDir, const QString& text);

private:
    void jobFinished();
    void showPredictions(ExamplePredictions predictions);
    void updateControls();
    void openRow(const QModelIndex& index);

    QString runDir_;
    QComboBox* split_;
    QPushButton* start_;
    QPushButton* cancel_;
    QProgressBar* progress_;
    QComboBox* outcome_;
    QComboBox* label_;
    QLineEdit* text_;
    QTableView* table_;
    QLabel* message_;
    PredictionTableModel* model_;
    PredictionFilter* filter_;
    QFutureWatcher<ExamplePredictions> watcher_;
};

}  // namespace uegr::studio
