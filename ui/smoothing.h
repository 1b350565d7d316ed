#pragma once
// Debiased exponential moving average, as TensorBoard smooths loss curves: s_t = b s_{t-1} +
// (1 - b) x_t with s_0 = 0, divided by (1 - b^t) so the first points are not pulled to zero.
#include <QVector>

namespace uegr::studio {

class DebiasedEma {
public:
    explicit DebiasedEma(double beta) : beta_(beta) {}
    double add(double value);  // the smoothed value after `value`

private:
    double beta_;
    double average_ = 0;
    double betaPower_ = 1;
};

QVector<double> debiasedEma(const QVector<double>& values, double beta);

}  // namespace uegr::studio
