#pragma once
// Colours for token attributions. Signed scale: blue (the token speaks against the explained
// class) through white to red (it speaks for it); unsigned scale: white to red by magnitude.
// Gamma shapes the ramp: intensity = (|score| / scale)^gamma, so gamma < 1 makes weak tokens
// visible and gamma > 1 keeps only the strongest ones coloured.
#include <QColor>
#include <QPixmap>
#include <QSize>

namespace uegr::studio {

double saliencyIntensity(double score, double scale, double gamma);  // in [0, 1]
QColor saliencyColour(double score, double scale, bool signedScale, double gamma);
QColor saliencyTextColour(const QColor& background);  // black or white, whichever reads better

// The colour ramp as a horizontal bar: -scale … 0 … +scale (signed) or 0 … scale.
QPixmap saliencyLegendBar(bool signedScale, double gamma, QSize size);

}  // namespace uegr::studio
