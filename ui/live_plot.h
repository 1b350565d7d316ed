#pragma once
// A QCustomPlot for live training curves, set up as docs/PERFORMANCE.md ("Live plot")
// explains: raster rendering, addData() for new points, one rpQueuedReplot per batch, pen
// width 1 and no antialiasing for the dense series. Click a legend entry to hide or show its
// series; drag to pan, wheel to zoom (which stops following new data until resetView()). The
// legend sits above the axis rect, never over a curve; hovering shows a crosshair with the
// values under the mouse (plot_crosshair.h); the context menu switches the y axes between
// linear and logarithmic.
#include <QHash>
#include <QSet>
#include <QString>
#include <QVector>
#include "qcustomplot_include.h"

class QAction;

namespace uegr::studio {

class PlotCrosshair;

class LivePlot : public QCustomPlot {
    Q_OBJECT
public:
    LivePlot(const QString& xLabel, const QString& yLabel, QWidget* parent = nullptr);

    // For keys that count (steps): ticks only at whole numbers, never between two steps. False
    // restores QCustomPlot's ticks, for fractional keys (epochs, seconds).
    void setWholeNumberKeys(bool wholeNumbers = true);

    int addSeries(const QString& name, const QColor& color);  // returns the series' index
    // A faint copy behind `series` (raw values under a smoothed curve): no legend entry of its
    // own, named "<name> (raw)", shown and hidden together with `series`.
    int addBackgroundSeries(int series);
    // A sparse series (a few points, e.g. one per robustness check): dashed, with a marker per point.
    int addSparseSeries(const QString& name, const QColor& color);
    // Moves `series` and its faint copy to the right-hand y axis, labelled `label`: for a term
    // too small to read on the scale of the others.
    void moveToRightAxis(int series, const QString& label);
    int seriesIndex(const QString& name) const;  // -1 when unknown
    int seriesCount() const { return graphCount(); }
    void addPoint(int series, double key, double value) { graph(series)->addData(key, value); }
    void setSeries(int series, const QVector<double>& keys, const QVector<double>& values);
    void clearSeries();  // removes every series

    void refresh();    // one queued replot; rescales first while following new data
    void resetView();  // fit all visible data and follow new data again
    // Fits the axes to the visible data, with a margin of 5% above and below the values so
    // curves at the edge stay visible. A lone point or a constant series gets a small range
    // around its value (QCustomPlot would keep the previous range's width), and a series of
    // one point gets a marker, since a line needs two. The legend shows only when it lists a series.
    // On a logarithmic axis only positive values count (QCustomPlot does not draw the others).
    void fitView();
    bool following() const { return following_; }

    // Both y axes logarithmic or linear; also the checkable "Logarithmic y axis" action of the
    // context menu.
    void setLogarithmicY(bool logarithmic);
    bool logarithmicY() const { return yAxis->scaleType() == QCPAxis::stLogarithmic; }
    PlotCrosshair* crosshair() const { return crosshair_; }

    bool exportPng(const QString& path);
    bool exportPdf(const QString& path);
    bool exportCsv(const QString& path) const;  // long format: series,x,y

protected:
    void contextMenuEvent(QContextMenuEvent* event) override;

private:
    void placeLegendAbove();
    void toggleSeries(QCPAbstractLegendItem* item);
    void markLonePoints();

    bool following_ = true;
    QAction* logarithmicY_;
    PlotCrosshair* crosshair_;
    QHash<QCPAbstractPlottable*, QCPGraph*> background_;  // foreground -> its faint copy
    QSet<QCPGraph*> markedLonePoints_;                    // marker added by markLonePoints()
};

}  // namespace uegr::studio
