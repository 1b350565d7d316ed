#pragma once
// The learning-rate schedule: linear warm-up over the first warmupRatio of the steps, then
// linear decay to 0 at the last step.
#include <algorithm>
#include <cmath>
#include <cstdint>

namespace uegr {

// Rate for 1-based optimizer step `step` of `totalSteps`.
inline double scheduledLearningRate(double peak, std::int64_t step, std::int64_t totalSteps, double warmupRatio) {
    const auto warmup = static_cast<std::int64_t>(std::floor(warmupRatio * static_cast<double>(totalSteps)));
    if (step <= warmup && warmup > 0) return peak * static_cast<double>(step) / static_cast<double>(warmup);
    const std::int64_t decaySteps = std::max<std::int64_t>(totalSteps - warmup, 1);
    return peak * std::max(0.0, static_cast<double>(totalSteps - step + 1) / static_cast<double>(decaySteps));
}

}  // namespace uegr
