#include "plot_crosshair.h"

#include <QEvent>
#include <QMouseEvent>
#include <cmath>

namespace uegr::studio {

QCPGraphDataContainer::const_iterator nearestPoint(const QCPGraph& graph, double key) {
    const QSharedPointer<QCPGraphDataContainer> data = graph.data();
    auto before = data->findBegin(key, true);  // the last point below key, or the first
    if (before == data->constEnd()) return before;
    auto after = before + 1;
    if (after != data->constEnd() && std::abs(after->key - key) < std::abs(before->key - key)) return after;
    return before;
}

PlotCrosshair::PlotCrosshair(QCustomPlot* plot)
    : QObject(plot), plot_(plot), layer_(nullptr), line_(nullptr), label_(nullptr) {
    const QString name = QStringLiteral("crosshair");
    plot_->addLayer(name, plot_->layer(QStringLiteral("legend")), QCustomPlot::limAbove);
    layer_ = plot_->layer(name);
    layer_->setMode(QCPLayer::lmBuffered);
    line_ = new QCPItemStraightLine(plot_);
    line_->setLayer(layer_);
    line_->setPen(QPen(QColor(0, 0, 0, 120), 1, Qt::DashLine));
    line_->setSelectable(false);
    // Across the whole axis rect; plot coordinates would fail on a logarithmic y axis.
    for (QCPItemPosition* end : {line_->point1, line_->point2})
        end->setTypeY(QCPItemPosition::ptAxisRectRatio);
    label_ = new QCPItemText(plot_);
    label_->setLayer(layer_);
    label_->setSelectable(false);
    label_->setClipToAxisRect(false);
    label_->position->setType(QCPItemPosition::ptAbsolute);
    label_->setTextAlignment(Qt::AlignLeft);
    label_->setPadding(QMargins(4, 2, 4, 2));
    label_->setBrush(QColor(255, 255, 255, 220));
    label_->setPen(QPen(QColor(0, 0, 0, 80)));
    hide();
    plot_->setMouseTracking(true);
    plot_->installEventFilter(this);
}

bool PlotCrosshair::isShown() const {
    return layer_ && layer_->visible();
}

QString PlotCrosshair::text() const {
    return isShown() ? label_->text() : QString();
}

bool PlotCrosshair::eventFilter(QObject* watched, QEvent* event) {
    if (watched == plot_ && layer_) {
        if (event->type() == QEvent::MouseMove) {
            const QPointF position = static_cast<QMouseEvent*>(event)->position();
            if (plot_->axisRect()->rect().contains(position.toPoint()))
                showAt(position.x());
            else
                hide();
        } else if (event->type() == QEvent::Leave) {
            hide();
        }
    }
    return QObject::eventFilter(watched, event);
}

void PlotCrosshair::showAt(double pixelX) {
    const double key = plot_->xAxis->pixelToCoord(pixelX);
    line_->point1->setCoords(key, 0);
    line_->point2->setCoords(key, 1);
    label_->setText(readout(key));
    placeLabel(pixelX);
    layer_->setVisible(true);
    layer_->replot();
}

void PlotCrosshair::hide() {
    if (!isShown()) return;
    layer_->setVisible(false);
    layer_->replot();
}

QString PlotCrosshair::readout(double key) const {
    QStringList lines{QStringLiteral("%1: %2").arg(plot_->xAxis->label(), QString::number(key, 'g', 6))};
    for (int i = 0; i < plot_->graphCount(); ++i) {
        const QCPGraph& graph = *plot_->graph(i);
        if (!graph.visible() || !plot_->legend->hasItemWithPlottable(&graph)) continue;
        const auto point = nearestPoint(graph, key);
        if (point == graph.data()->constEnd()) continue;
        lines << QStringLiteral("%1: %2").arg(graph.name(), QString::number(point->value, 'g', 6));
    }
    return lines.join(QLatin1Char('\n'));
}

// Beside the line, on whichever side has room, at the top of the axis rect.
void PlotCrosshair::placeLabel(double pixelX) {
    const QRect area = plot_->axisRect()->rect();
    const bool leftHalf = pixelX < area.center().x();
    label_->setPositionAlignment(Qt::AlignTop | (leftHalf ? Qt::AlignLeft : Qt::AlignRight));
    label_->position->setCoords(pixelX + (leftHalf ? 6 : -6), area.top() + 4);
}

}  // namespace uegr::studio
