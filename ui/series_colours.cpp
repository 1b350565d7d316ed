#include "series_colours.h"

namespace uegr::studio {

QColor seriesColour(int index) {
    static const QColor colours[] = {QColor(78, 121, 167),  QColor(242, 142, 43),  QColor(225, 87, 89),
                                     QColor(118, 183, 178), QColor(89, 161, 79),   QColor(237, 201, 72),
                                     QColor(176, 122, 161), QColor(255, 157, 167), QColor(156, 117, 95),
                                     QColor(186, 176, 172)};
    return colours[index % 10];
}

}  // namespace uegr::studio
