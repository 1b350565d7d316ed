#pragma once
// The Robustness page's examples browser for one run and one attack: the attacked examples
// (status, true label, prediction and its probability before and after, perturbed words,
// queries) and, for the selected one, the original and adversarial texts with the changed words
// highlighted (word_diff.h). Right-click an example to open it in the saliency explorer.
#include <QString>
#include <QWidget>

#include "robustness_results.h"

class QComboBox;
class QLabel;
class QTextBrowser;
class QTreeWidget;

namespace uegr::studio {

class RobustnessExamplesView : public QWidget {
    Q_OBJECT
public:
    explicit RobustnessExamplesView(QWidget* parent = nullptr);

    void setResult(const RunAttackResult& result);  // needs its records
    void clear();

    int exampleCount() const;  // rows shown (after the status filter)
    void selectExample(int row);
    int recordOf(int row) const;  // index into result().records; -1 when out of range
    int currentRecord() const;    // of the selected row; -1 when none
    const RunAttackResult& result() const { return result_; }
    QTreeWidget* list() const { return list_; }
    QTextBrowser* textView() const { return text_; }

    // "Open in saliency explorer" for the example at `row`: the adversarial text, or the original.
    void openInSaliency(int row, bool adversarial);

Q_SIGNALS:
    void openInSaliencyRequested(const QString& runDir, const QString& text);

private:
    void fillList();
    void showSelected();
    void showContextMenu(const QPoint& position);
    QString labelName(int label) const;
    QString prediction(int label, const QVector<double>& probabilities) const;

    RunAttackResult result_;
    QComboBox* filter_;
    QLabel* summary_;
    QTreeWidget* list_;
    QTextBrowser* text_;
};

}  // namespace uegr::studio
