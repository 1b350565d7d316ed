#include "confusion_matrix_view.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <algorithm>

namespace uegr::studio {
namespace {

constexpr int kMargin = 6;
constexpr int kMinCell = 28;
constexpr int kMaxCell = 72;
const QColor kEmpty(255, 255, 255);
const QColor kFull(31, 119, 180);  // the first series colour, so the matrix matches the plots

QColor blend(double share) {
    const auto mix = [share](int from, int to) { return static_cast<int>(from + share * (to - from) + 0.5); };
    return QColor(mix(kEmpty.red(), kFull.red()), mix(kEmpty.green(), kFull.green()),
                  mix(kEmpty.blue(), kFull.blue()));
}

}  // namespace

ConfusionMatrixView::ConfusionMatrixView(QWidget* parent) : QWidget(parent) {
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void ConfusionMatrixView::setConfusion(const LabelledConfusion& confusion) {
    confusion_ = confusion;
    updateGeometry();
    update();
}

QString ConfusionMatrixView::labelName(int index) const {
    return QString::fromStdString(confusion_.labels[static_cast<std::size_t>(index)]);
}

double ConfusionMatrixView::rowShare(int trueLabel, int predicted) const {
    const auto& row = confusion_.matrix.counts[static_cast<std::size_t>(trueLabel)];
    std::int64_t total = 0;
    for (std::int64_t count : row) total += count;
    if (total == 0) return 0.0;
    return static_cast<double>(row[static_cast<std::size_t>(predicted)]) / static_cast<double>(total);
}

int ConfusionMatrixView::rowLabelWidth() const {
    int widest = fontMetrics().horizontalAdvance(tr("True"));
    for (int k = 0; k < labelCount(); ++k)
        widest = std::max(widest, fontMetrics().horizontalAdvance(labelName(k)));
    return widest + 2 * kMargin;
}

int ConfusionMatrixView::columnLabelHeight() const {
    return 2 * fontMetrics().height() + 2 * kMargin;  // axis title, then the label names
}

int ConfusionMatrixView::cellSize() const {
    if (labelCount() == 0) return 0;
    const int available =
        std::min(width() - rowLabelWidth() - kMargin, height() - columnLabelHeight() - kMargin) /
        labelCount();
    return std::clamp(available, kMinCell, kMaxCell);
}

QRect ConfusionMatrixView::cellRect(int trueLabel, int predicted) const {
    const int size = cellSize();
    return QRect(rowLabelWidth() + predicted * size, columnLabelHeight() + trueLabel * size, size, size);
}

std::optional<std::pair<int, int>> ConfusionMatrixView::cellAt(const QPoint& position) const {
    const int size = cellSize();
    if (size == 0) return std::nullopt;
    const int column = (position.x() - rowLabelWidth());
    const int row = (position.y() - columnLabelHeight());
    if (column < 0 || row < 0 || column >= size * labelCount() || row >= size * labelCount())
        return std::nullopt;
    return std::make_pair(row / size, column / size);
}

QColor ConfusionMatrixView::cellColour(int trueLabel, int predicted) const {
    return blend(rowShare(trueLabel, predicted));
}

QString ConfusionMatrixView::cellToolTip(int trueLabel, int predicted) const {
    const std::int64_t count =
        confusion_.matrix.counts[static_cast<std::size_t>(trueLabel)][static_cast<std::size_t>(predicted)];
    return tr("True: %1\nPredicted: %2\nCount: %3\nShare of true %1: %4 %")
        .arg(labelName(trueLabel), labelName(predicted))
        .arg(count)
        .arg(QString::number(100.0 * rowShare(trueLabel, predicted), 'f', 1));
}

QSize ConfusionMatrixView::sizeHint() const {
    const int side = std::max(1, labelCount()) * 48;
    return {rowLabelWidth() + side + kMargin, columnLabelHeight() + side + kMargin};
}

QSize ConfusionMatrixView::minimumSizeHint() const {
    const int side = std::max(1, labelCount()) * kMinCell;
    return {rowLabelWidth() + side + kMargin, columnLabelHeight() + side + kMargin};
}

void ConfusionMatrixView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    if (labelCount() == 0) return;
    paintLabels(painter);
    for (int row = 0; row < labelCount(); ++row)
        for (int column = 0; column < labelCount(); ++column) {
            const QRect cell = cellRect(row, column);
            painter.fillRect(cell, cellColour(row, column));
            painter.setPen(palette().color(QPalette::Mid));
            painter.drawRect(cell.adjusted(0, 0, -1, -1));
            // White text on the darker half of the scale, so the count stays readable.
            painter.setPen(rowShare(row, column) > 0.5 ? Qt::white : Qt::black);
            painter.drawText(cell, Qt::AlignCenter,
                             QString::number(confusion_.matrix.counts[static_cast<std::size_t>(row)]
                                                                     [static_cast<std::size_t>(column)]));
        }
}

void ConfusionMatrixView::paintLabels(QPainter& painter) const {
    painter.setPen(palette().color(QPalette::WindowText));
    const int size = cellSize();
    const int lineHeight = fontMetrics().height();
    const QRect grid(rowLabelWidth(), columnLabelHeight(), size * labelCount(), size * labelCount());
    painter.drawText(QRect(grid.left(), kMargin, grid.width(), lineHeight), Qt::AlignCenter, tr("Predicted"));
    painter.drawText(QRect(kMargin, kMargin + lineHeight, rowLabelWidth() - 2 * kMargin, lineHeight),
                     Qt::AlignLeft | Qt::AlignVCenter, tr("True"));
    for (int k = 0; k < labelCount(); ++k) {
        const QRect column = cellRect(0, k);
        painter.drawText(QRect(column.left(), kMargin + lineHeight, size, lineHeight), Qt::AlignCenter,
                         fontMetrics().elidedText(labelName(k), Qt::ElideRight, size));
        const QRect row = cellRect(k, 0);
        painter.drawText(QRect(kMargin, row.top(), rowLabelWidth() - 2 * kMargin, size),
                         Qt::AlignRight | Qt::AlignVCenter, labelName(k));
    }
}

bool ConfusionMatrixView::event(QEvent* event) {
    if (event->type() != QEvent::ToolTip) return QWidget::event(event);
    auto* help = static_cast<QHelpEvent*>(event);
    if (const auto cell = cellAt(help->pos()))
        QToolTip::showText(help->globalPos(), cellToolTip(cell->first, cell->second), this,
                           cellRect(cell->first, cell->second));
    else
        QToolTip::hideText();
    return true;
}

void ConfusionMatrixView::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton)
        if (const auto cell = cellAt(event->position().toPoint()))
            Q_EMIT cellClicked(cell->first, cell->second);
    QWidget::mouseReleaseEvent(event);
}

}  // namespace uegr::studio
