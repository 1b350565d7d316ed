#pragma once
#include <string>
#include <vector>

#include "model/text_classifier.h"
#include "util/error.h"

namespace uegr {

// forwardEmbedded takes one rate per dropout site; a mismatch is a programming error that
// would otherwise silently drop the wrong layers.
inline void requireOneRatePerSite(const std::vector<DropoutSite>& sites, const std::vector<double>& rates) {
    if (rates.size() != sites.size())
        throw Error("forwardEmbedded: " + std::to_string(rates.size()) + " dropout rates for " +
                    std::to_string(sites.size()) + " dropout sites");
    for (double rate : rates)
        if (!(rate >= 0.0 && rate < 1.0))
            throw Error("forwardEmbedded: dropout rate " + std::to_string(rate) + " outside [0, 1)");
}

}  // namespace uegr
