#include "saliency_colours.h"

#include <QPainter>
#include <algorithm>
#include <cmath>

namespace uegr::studio {
namespace {

const QColor kPositive(214, 39, 40);
const QColor kNegative(31, 119, 180);

QColor blendFromWhite(const QColor& target, double amount) {
    const auto channel = [amount](int value) {
        return static_cast<int>(std::lround(255 + (value - 255) * amount));
    };
    return QColor(channel(target.red()), channel(target.green()), channel(target.blue()));
}

}  // namespace

double saliencyIntensity(double score, double scale, double gamma) {
    if (!(scale > 0) || !std::isfinite(score)) return 0;
    return std::pow(std::min(1.0, std::abs(score) / scale), gamma);
}

QColor saliencyColour(double score, double scale, bool signedScale, double gamma) {
    const double intensity = saliencyIntensity(score, scale, gamma);
    return blendFromWhite(signedScale && score < 0 ? kNegative : kPositive, intensity);
}

QColor saliencyTextColour(const QColor& background) {
    const double luminance =
        0.299 * background.red() + 0.587 * background.green() + 0.114 * background.blue();
    return luminance < 140 ? QColor(Qt::white) : QColor(Qt::black);
}

QPixmap saliencyLegendBar(bool signedScale, double gamma, QSize size) {
    QPixmap pixmap(size);
    QPainter painter(&pixmap);
    const int width = std::max(1, size.width());
    for (int x = 0; x < width; ++x) {
        const double position = width > 1 ? static_cast<double>(x) / (width - 1) : 1.0;
        const double score = signedScale ? 2 * position - 1 : position;
        painter.setPen(saliencyColour(score, 1.0, signedScale, gamma));
        painter.drawLine(x, 0, x, size.height() - 1);
    }
    painter.setPen(QColor(128, 128, 128));
    painter.drawRect(0, 0, size.width() - 1, size.height() - 1);
    return pixmap;
}

}  // namespace uegr::studio
