#pragma once
// The hover readout of a plot: a vertical line at the mouse's x and a label with, for each
// visible series in the legend, the value of its data point nearest to that x. Both live on a
// buffered layer of their own, so following the mouse redraws them and not the dense series.
// Hidden when the mouse leaves the plot.
#include <QObject>
#include <QPointer>
#include <QString>

#include "qcustomplot_include.h"

namespace uegr::studio {

class PlotCrosshair : public QObject {
    Q_OBJECT
public:
    explicit PlotCrosshair(QCustomPlot* plot);

    bool isShown() const;
    QString text() const;  // the label's text; empty while hidden

    void showAt(double pixelX);
    void hide();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QString readout(double key) const;
    void placeLabel(double pixelX);

    QCustomPlot* plot_;
    // Owned by the plot, which deletes it before this child object: events during the plot's
    // destruction find it gone.
    QPointer<QCPLayer> layer_;
    QCPItemStraightLine* line_;
    QCPItemText* label_;
};

// The data point of `graph` whose key is nearest to `key` (binary search on the sorted keys);
// the graph's end when it has no data.
QCPGraphDataContainer::const_iterator nearestPoint(const QCPGraph& graph, double key);

}  // namespace uegr::studio
