#include "live_plot.h"

#include <QSaveFile>
#include <QTextStream>

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
    clearGraphs();
    following_ = true;
}

void LivePlot::refresh() {
    if (following_) rescaleAxes(true);
    replot(QCustomPlot::rpQueuedReplot);
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
