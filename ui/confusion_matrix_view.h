#pragma once
// A confusion matrix drawn as a grid: rows are true labels, columns predicted labels, each cell
// coloured by its share of its row (so classes of any size compare) and showing its count, the
// label names on both axes. Hovering a cell shows its count and share; clicking it emits
// cellClicked. Shows data only: the evaluation happens elsewhere.
#include <QWidget>
#include <optional>
#include <utility>

#include "eval/labelled_confusion.h"

namespace uegr::studio {

class ConfusionMatrixView : public QWidget {
    Q_OBJECT
public:
    explicit ConfusionMatrixView(QWidget* parent = nullptr);

    void setConfusion(const LabelledConfusion& confusion);  // an empty one clears the view
    const LabelledConfusion& confusion() const { return confusion_; }

    // Share of row `trueLabel` predicted as `predicted`; 0 in a row without examples.
    double rowShare(int trueLabel, int predicted) const;
    QRect cellRect(int trueLabel, int predicted) const;
    // (true label, predicted label) under `position`, if it is on a cell.
    std::optional<std::pair<int, int>> cellAt(const QPoint& position) const;
    QColor cellColour(int trueLabel, int predicted) const;
    QString cellToolTip(int trueLabel, int predicted) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void cellClicked(int trueLabel, int predicted);

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    int labelCount() const { return static_cast<int>(confusion_.labels.size()); }
    QString labelName(int index) const;
    int rowLabelWidth() const;
    int columnLabelHeight() const;
    int cellSize() const;
    void paintLabels(QPainter& painter) const;

    LabelledConfusion confusion_;
};

}  // namespace uegr::studio
