#include "model/random_draws.h"

namespace uegr {
namespace {

thread_local RandomDraws* installedDraws = nullptr;

}  // namespace

ScopedRandomDraws::ScopedRandomDraws(RandomDraws& draws) : previous_(installedDraws) {
    installedDraws = &draws;
}

ScopedRandomDraws::~ScopedRandomDraws() {
    installedDraws = previous_;
}

RandomDraws* injectedRandomDraws() {
    return installedDraws;
}

torch::Tensor siteDropout(const torch::Tensor& input, double rate, bool training) {
    if (installedDraws == nullptr || !training || rate == 0.0) return torch::dropout(input, rate, training);
    return input * (installedDraws->dropoutKeepMask(input, rate) / (1.0 - rate));
}

}  // namespace uegr
