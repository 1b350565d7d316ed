#pragma once
// The colours of plot series, the same on every page and in the report: Tableau 10, which stays
// distinguishable for colour-blind readers. Index i gets the i-th colour, repeating after ten.
#include <QColor>

namespace uegr::studio {

QColor seriesColour(int index);

}  // namespace uegr::studio
