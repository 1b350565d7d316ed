#pragma once
// The per-class view of one or more evaluations (say a run's best dev and test results): a
// chooser between them, the confusion matrix and a table of
// precision, recall, F1 and support per label (eval/metrics.h defines them). Clicking a cell of
// the matrix selects its true label's row in the table.
#include <QString>
#include <QWidget>
#include <vector>

#include "eval/labelled_confusion.h"

class QComboBox;
class QLabel;
class QStackedWidget;
class QTableWidget;

namespace uegr::studio {

class ConfusionMatrixView;

struct NamedConfusion {
    QString name;  // what the chooser shows, e.g. "Best dev (step 40)"
    LabelledConfusion confusion;
};

class ClassReportPanel : public QWidget {
    Q_OBJECT
public:
    explicit ClassReportPanel(QWidget* parent = nullptr);

    // Reports with an empty confusion are left out; none left shows `emptyText`.
    void setReports(const std::vector<NamedConfusion>& reports, const QString& emptyText);

    QComboBox* reportChooser() const { return chooser_; }
    ConfusionMatrixView* matrixView() const { return matrix_; }
    QTableWidget* scoresTable() const { return scores_; }
    QString emptyText() const;
    bool hasReport() const;

    enum Column { Label, Precision, Recall, F1, Support, ColumnCount };

private:
    void display(int index);
    void fillScores(const LabelledConfusion& confusion);

    std::vector<NamedConfusion> reports_;
    QComboBox* chooser_;
    ConfusionMatrixView* matrix_;
    QTableWidget* scores_;
    QLabel* empty_;
    QStackedWidget* stack_;
};

}  // namespace uegr::studio
