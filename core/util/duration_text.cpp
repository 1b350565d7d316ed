#include "util/duration_text.h"

#include <cstdio>

namespace uegr {

std::string formatDuration(double seconds) {
    const auto total = static_cast<long long>(seconds > 0 ? seconds + 0.5 : 0);
    char text[32];
    if (total >= 3600)
        std::snprintf(text, sizeof text, "%lld:%02lld:%02lld", total / 3600, total / 60 % 60, total % 60);
    else
        std::snprintf(text, sizeof text, "%lld:%02lld", total / 60, total % 60);
    return text;
}

}  // namespace uegr
