#include "live_plot.h"

#include <QSaveFile>
#include <QTextStream>
#include <algorithm>
#include <cmath>
#include <optional>

namespace uegr::studio {
LivePlot::LivePlot(const QString& xLabel, const QString& yLabel, QWidget* parent) : QCustomPlot(parent) {
    setNotAntialiasedElements(QCP::aeAll);
    setNoAntialiasingOnDrag(true);
    xAxis->setLabel(xLabel);
    yAxis->setLabel(yLabel);
    legend->setVisible(true);
    legend->setSelectableParts(QCPLegend::spItems);
    axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
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

void LivePlot::setWholeNumberKeys() {
    xAxis->setTicker(QSharedPointer<QCPAxisTicker>(new WholeNumberTicker));
    xAxis->setNumberFormat(QStringLiteral("f"));
    xAxis->setNumberPrecision(0);
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
    following_ = true;
}

void LivePlot::refresh() {
    if (following_) fitView();
    replot(QCustomPlot::rpQueuedReplot);
}

namespace {

// A range that shows `value` clearly without pretending to a spread the data does not have.
QCPRange aroundValue(double value) {
    const double halfWidth = std::max(std::abs(value) * 0.1, 0.05);
    return QCPRange(value - halfWidth, value + halfWidth);
}

// The range of the visible data along keys or values; nullopt when there is none.
template <typename RangeOf>
std::optional<QCPRange> visibleDataRange(const QCustomPlot& plot, RangeOf rangeOf) {
    std::optional<QCPRange> range;
    for (int i = 0; i < plot.graphCount(); ++i) {
        bool found = false;
        const QCPRange graphRange = rangeOf(*plot.graph(i), found);
        if (!plot.graph(i)->visible() || !found) continue;
        if (range)
            range->expand(graphRange);
        else
            range = graphRange;
    }
    return range;
}

void fitDegenerateAxis(QCPAxis& axis, const std::optional<QCPRange>& data) {
    if (data && data->size() == 0) axis.setRange(aroundValue(data->lower));
}

}  // namespace

void LivePlot::fitView() {
    legend->setVisible(legend->itemCount() > 0);
    markLonePoints();
    rescaleAxes(true);
    fitDegenerateAxis(*xAxis, visibleDataRange(*this, [](const QCPGraph& graph, bool& found) {
                          return graph.getKeyRange(found);
                      }));
    fitDegenerateAxis(*yAxis, visibleDataRange(*this, [](const QCPGraph& graph, bool& found) {
                          return graph.getValueRange(found);
                      }));
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
