#pragma once
// The most negative finite value of a floating-point tensor type: attention masks fill blocked
// scores with it (not -inf, so a row of padding only gets a uniform, ignored distribution). It
// must be the value of the scores' own type: float's lowest overflows bfloat16 under autocast.
#include <c10/util/BFloat16.h>
#include <c10/util/Half.h>
#include <torch/torch.h>

#include <limits>

namespace uegr {

inline double lowestFinite(torch::ScalarType type) {
    switch (type) {
        case torch::kBFloat16:
            return static_cast<double>(std::numeric_limits<c10::BFloat16>::lowest());
        case torch::kHalf:
            return static_cast<double>(std::numeric_limits<c10::Half>::lowest());
        default:
            return std::numeric_limits<float>::lowest();
    }
}

}  // namespace uegr
