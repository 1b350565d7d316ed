#include "live_plot.h"

#include <QAction>
#include <QContextMenuEvent>
#include <QMenu>
#include <QSaveFile>
#include <QTextStream>
#include <algorithm>
#include <cmath>
#include <optional>

#include "plot_crosshair.h"

namespace uegr::studio {
LivePlot::LivePlot(const QString& xLabel, const QString& yLabel, QWidget* parent)
    : QCustomPlot(parent), logarithmicY_(new QAction(tr("Logarithmic y axis"), this)), crosshair_(nullptr) {
    setNotAntialiasedElements(QCP::aeAll);
    setNoAntialiasingOnDrag(true);
    xAxis->setLabel(xLabel);
    yAxis->setLabel(yLabel);
    legend->setVisible(true);
    legend->setSelectableParts(QCPLegend::spItems);
    placeLegendAbove();
    logarithmicY_->setObjectName(QStringLiteral("logarithmicY"));
    logarithmicY_->setCheckable(true);
    connect(logarithmicY_, &QAction::triggered, this, &LivePlot::setLogarithmicY);
    crosshair_ = new PlotCrosshair(this);
    setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    connect(this, &QCustomPlot::legendClick, this,
            [this](QCPLegend*, QCPAbstractLegendItem* item, QMouseEvent*) { toggleSeries(item); });
    // Any manual pan or zoom stops the view from jumping to new data.
    connect(this, &QCustomPlot::mousePress, this, [this] { following_ = false; });
    connect(this, &QCustomPlot::mouseWheel, this, [this] { following_ = false; });
    setMinimumHeight(200);
}

namespace {

// QCustomPlot's own tick spacing, but at least 1.
class WholeNumberTicker : public QCPAxisTicker {
protected:
    double getTickStep(const QCPRange& range) override {
        return std::max(1.0, QCPAxisTicker::getTickStep(range));
    }
};

}  // namespace

void LivePlot::placeLegendAbove() {
    axisRect()->insetLayout()->take(legend);
    plotLayout()->insertRow(0);
    plotLayout()->addElement(0, 0, legend);
    plotLayout()->setRowStretchFactor(0, 0.001);  // only the height the legend needs
    legend->setFillOrder(QCPLegend::foColumnsFirst);
    legend->setWrap(6);
}

void LivePlot::setWholeNumberKeys(bool wholeNumbers) {
    xAxis->setTicker(QSharedPointer<QCPAxisTicker>(wholeNumbers ? new WholeNumberTicker : new QCPAxisTicker));
    xAxis->setNumberFormat(wholeNumbers ? QStringLiteral("f") : QStringLiteral("gb"));
    xAxis->setNumberPrecision(wholeNumbers ? 0 : 6);
}

void LivePlot::setLogarithmicY(bool logarithmic) {
    for (QCPAxis* axis : {yAxis, yAxis2}) {
        axis->setScaleType(logarithmic ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
        axis->setTicker(
            QSharedPointer<QCPAxisTicker>(logarithmic ? new QCPAxisTickerLog : new QCPAxisTicker));
    }
    logarithmicY_->setChecked(logarithmic);
    fitView();
    replot(QCustomPlot::rpQueuedReplot);
}

void LivePlot::contextMenuEvent(QContextMenuEvent* event) {
    auto* menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addAction(logarithmicY_);
    menu->popup(event->globalPos());
}

int LivePlot::addSeries(const QString& name, const QColor& color) {
    QCPGraph* series = addGraph();
    series->setName(name);
    series->setPen(QPen(color, 1));
    return graphCount() - 1;
}

int LivePlot::addSparseSeries(const QString& name, const QColor& color) {
    const int index = addSeries(name, color);
    QPen pen(color, 1, Qt::DashLine);
    graph(index)->setPen(pen);
    graph(index)->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, color, color, 6));
    return index;
}

int LivePlot::addBackgroundSeries(int series) {
    QCPGraph* foreground = graph(series);
    QCPGraph* faint = addGraph();
    faint->setName(tr("%1 (raw)").arg(foreground->name()));
    QColor colour = foreground->pen().color();
    colour.setAlpha(60);
    faint->setPen(QPen(colour, 1));
    faint->removeFromLegend();
    background_.insert(foreground, faint);
    return graphCount() - 1;
}

void LivePlot::moveToRightAxis(int series, const QString& label) {
    QCPGraph* foreground = graph(series);
    foreground->setValueAxis(yAxis2);
    if (QCPGraph* faint = background_.value(foreground)) faint->setValueAxis(yAxis2);
    yAxis2->setLabel(label);
    yAxis2->setVisible(true);
    axisRect()->setRangeDragAxes({xAxis}, {yAxis, yAxis2});
    axisRect()->setRangeZoomAxes({xAxis}, {yAxis, yAxis2});
}

int LivePlot::seriesIndex(const QString& name) const {
    for (int i = 0; i < graphCount(); ++i)
        if (graph(i)->name() == name) return i;
    return -1;
}

void LivePlot::setSeries(int series, const QVector<double>& keys, const QVector<double>& values) {
    graph(series)->setData(keys, values, true);
}

void LivePlot::clearSeries() {
    background_.clear();
    markedLonePoints_.clear();
    clearGraphs();
    yAxis2->setVisible(false);
    following_ = true;
}

void LivePlot::refresh() {
    if (following_) fitView();
    replot(QCustomPlot::rpQueuedReplot);
}

namespace {

constexpr double kValueMargin = 0.05;  // of the value range, above and below

// A range that shows `value` clearly without pretending to a spread the data does not have.
QCPRange aroundValue(double value, bool logarithmic) {
    if (logarithmic) return QCPRange(value / 1.25, value * 1.25);
    const double halfWidth = std::max(std::abs(value) * 0.1, 0.05);
    return QCPRange(value - halfWidth, value + halfWidth);
}

// The range of the visible data of the graphs that `belongs` accepts, along keys or values;
// nullopt when there is none.
template <typename Belongs, typename RangeOf>
std::optional<QCPRange> visibleDataRange(const QCustomPlot& plot, Belongs belongs, RangeOf rangeOf) {
    std::optional<QCPRange> range;
    for (int i = 0; i < plot.graphCount(); ++i) {
        const QCPGraph& graph = *plot.graph(i);
        if (!graph.visible() || !belongs(graph)) continue;
        bool found = false;
        const QCPRange graphRange = rangeOf(graph, found);
        if (!found) continue;
        if (range)
            range->expand(graphRange);
        else
            range = graphRange;
    }
    return range;
}

// `range` grown by `margin` of its size on both sides; on a logarithmic axis by that share of
// its decades, so the margins look the same.
QCPRange withMargin(const QCPRange& range, double margin, bool logarithmic) {
    if (logarithmic) {
        const double factor = std::pow(range.upper / range.lower, margin);
        return QCPRange(range.lower / factor, range.upper * factor);
    }
    return QCPRange(range.lower - range.size() * margin, range.upper + range.size() * margin);
}

void fitAxis(QCPAxis& axis, std::optional<QCPRange> data, double margin) {
    if (!data) return;
    const bool logarithmic = axis.scaleType() == QCPAxis::stLogarithmic;
    axis.setRange(data->size() == 0 ? aroundValue(data->lower, logarithmic)
                                    : withMargin(*data, margin, logarithmic));
}

}  // namespace

void LivePlot::fitView() {
    legend->setVisible(legend->itemCount() > 0);
    markLonePoints();
    fitAxis(*xAxis,
            visibleDataRange(
                *this, [](const QCPGraph&) { return true; },
                [](const QCPGraph& graph, bool& found) { return graph.getKeyRange(found); }),
            0);
    for (QCPAxis* axis : {yAxis, yAxis2}) {
        const QCP::SignDomain sign =
            axis->scaleType() == QCPAxis::stLogarithmic ? QCP::sdPositive : QCP::sdBoth;
        fitAxis(*axis,
                visibleDataRange(
                    *this, [axis](const QCPGraph& graph) { return graph.valueAxis() == axis; },
                    [sign](const QCPGraph& graph, bool& found) { return graph.getValueRange(found, sign); }),
                kValueMargin);
    }
}

void LivePlot::markLonePoints() {
    for (int i = 0; i < graphCount(); ++i) {
        QCPGraph* series = graph(i);
        if (series->dataCount() == 1 && series->scatterStyle().isNone()) {
            series->setScatterStyle(
                QCPScatterStyle(QCPScatterStyle::ssDisc, series->pen().color(), series->pen().color(), 7));
            markedLonePoints_.insert(series);
        } else if (series->dataCount() > 1 && markedLonePoints_.remove(series)) {
            series->setScatterStyle(QCPScatterStyle());
        }
    }
}

void LivePlot::resetView() {
    following_ = true;
    refresh();
}

void LivePlot::toggleSeries(QCPAbstractLegendItem* item) {
    auto* entry = qobject_cast<QCPPlottableLegendItem*>(item);
    if (!entry) return;
    QCPAbstractPlottable* series = entry->plottable();
    const bool visible = !series->visible();
    series->setVisible(visible);
    if (QCPGraph* faint = background_.value(series)) faint->setVisible(visible);
    QFont font = entry->font();
    font.setStrikeOut(!visible);
    entry->setFont(font);
    replot(QCustomPlot::rpQueuedReplot);
}

bool LivePlot::exportPng(const QString& path) {
    return savePng(path, 0, 0, 2.0);
}

bool LivePlot::exportPdf(const QString& path) {
    return savePdf(path);
}

bool LivePlot::exportCsv(const QString& path) const {
    QSaveFile file(path);  // a failed write keeps the previous file
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) return false;
    QTextStream out(&file);
    out << "series," << xAxis->label() << "," << yAxis->label() << "\n";
    for (int i = 0; i < graphCount(); ++i) {
        QString name = graph(i)->name();
        name.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        for (auto point = graph(i)->data()->constBegin(); point != graph(i)->data()->constEnd(); ++point)
            out << '"' << name << "\"," << QString::number(point->key, 'g', 10) << ','
                << QString::number(point->value, 'g', 10) << "\n";
    }
    out.flush();
    return out.status() == QTextStream::Ok && file.commit();
}

}  // namespace uegr::studio
