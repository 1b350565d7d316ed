#include "train/js_divergence.h"

#include <cmath>

#include "train/precision_scope.h"
#include "util/error.h"

namespace uegr {
namespace {

// exp(-100) is far below float precision of any probability that matters; flooring keeps
// 0 · log 0 terms at exactly 0 instead of NaN.
constexpr double kLogFloor = -100.0;

torch::Tensor flooredLogSoftmax(const torch::Tensor& logits) {
    return torch::log_softmax(fullPrecision(logits), /*dim=*/-1).clamp_min(kLogFloor);
}

// Σ_c P (log P − log Q), mean over the batch.
torch::Tensor klFromLogs(const torch::Tensor& logP, const torch::Tensor& logQ) {
    return (logP.exp() * (logP - logQ)).sum(-1).mean();
}

}  // namespace

torch::Tensor jsDivergence(const std::vector<torch::Tensor>& logits) {
    if (logits.empty()) throw Error("jsDivergence needs at least one distribution");
    const auto passes = static_cast<double>(logits.size());
    std::vector<torch::Tensor> logProbs;
    logProbs.reserve(logits.size());
    for (const auto& z : logits) logProbs.push_back(flooredLogSoftmax(z));
    const torch::Tensor stacked = torch::stack(logProbs);  // [K, B, C]
    const torch::Tensor logMixture = (torch::logsumexp(stacked, /*dim=*/0) - std::log(passes)).clamp_min(kLogFloor);
    // (1/K) Σ_k mean_b Σ_c P_k (log P_k − log M), written as one reduction over [K, B, C].
    return (stacked.exp() * (stacked - logMixture.unsqueeze(0))).sum(-1).mean();
}

torch::Tensor symmetricKl(const torch::Tensor& logitsP, const torch::Tensor& logitsQ) {
    const torch::Tensor logP = flooredLogSoftmax(logitsP);
    const torch::Tensor logQ = flooredLogSoftmax(logitsQ);
    return 0.5 * (klFromLogs(logP, logQ) + klFromLogs(logQ, logP));
}

}  // namespace uegr
