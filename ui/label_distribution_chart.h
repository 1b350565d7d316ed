#pragma once
// Bar chart of how many rows carry each label.
#include <QStringList>
#include <QVector>
#include "qcustomplot_include.h"

namespace uegr::studio {

class LabelDistributionChart : public QCustomPlot {
    Q_OBJECT
public:
    explicit LabelDistributionChart(QWidget* parent = nullptr);

    void setCounts(const QStringList& labels, const QVector<double>& counts);
    QCPBars* bars() const { return bars_; }

private:
    QCPBars* bars_;
};

}  // namespace uegr::studio
