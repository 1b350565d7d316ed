#include "smoothing.h"

namespace uegr::studio {

double DebiasedEma::add(double value) {
    average_ = beta_ * average_ + (1 - beta_) * value;
    betaPower_ *= beta_;
    return betaPower_ < 1 ? average_ / (1 - betaPower_) : value;  // beta = 1 would divide by zero
}

QVector<double> debiasedEma(const QVector<double>& values, double beta) {
    DebiasedEma ema(beta);
    QVector<double> smoothed;
    smoothed.reserve(values.size());
    for (double value : values) smoothed << ema.add(value);
    return smoothed;
}

}  // namespace uegr::studio
