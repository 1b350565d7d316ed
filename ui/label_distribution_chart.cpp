#include "label_distribution_chart.h"

#include <algorithm>

namespace uegr::studio {

LabelDistributionChart::LabelDistributionChart(QWidget* parent)
    : QCustomPlot(parent), bars_(new QCPBars(xAxis, yAxis)) {
    bars_->setWidth(0.7);
    bars_->setPen(QPen(QColor(31, 78, 121), 1));
    bars_->setBrush(QColor(74, 144, 217));
    yAxis->setLabel(tr("Rows"));
    xAxis->setTickLabelRotation(30);
    setMinimumHeight(180);
}

void LabelDistributionChart::setCounts(const QStringList& labels, const QVector<double>& counts) {
    QVector<double> keys(labels.size());
    for (int i = 0; i < keys.size(); ++i) keys[i] = i + 1;
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    ticker->addTicks(keys, labels);
    xAxis->setTicker(ticker);
    xAxis->setRange(0.3, labels.size() + 0.7);
    bars_->setData(keys, counts, true);
    const double highest = counts.isEmpty() ? 1.0 : *std::max_element(counts.begin(), counts.end());
    yAxis->setRange(0, std::max(1.0, highest * 1.1));
    replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace uegr::studio
