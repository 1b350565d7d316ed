#include "train/parameter_mask.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <sstream>

#include "train/flat_views.h"

namespace uegr {

namespace {

std::string lowercased(std::string text) {
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

// The k-th smallest element (1-based) as a 0-d tensor. On the CPU std::nth_element on a copy
// is several times faster than torch's kthvalue, which also tracks the indices it moves.
torch::Tensor kthSmallest(const torch::Tensor& values, std::int64_t k) {
    if (!values.device().is_cpu() || values.scalar_type() != torch::kFloat)
        return std::get<0>(values.kthvalue(k));
    const torch::Tensor flat = values.contiguous();
    std::vector<float> copy(flat.data_ptr<float>(), flat.data_ptr<float>() + flat.numel());
    const auto kth = copy.begin() + (k - 1);
    std::nth_element(copy.begin(), kth, copy.end());
    return torch::tensor(*kth, values.options());
}

}  // namespace

bool isMaskExempt(const std::string& parameterName, const std::string& layer,
                  const std::vector<std::string>& exemptWords) {
    std::vector<std::string> components{lowercased(layer)};
    std::istringstream names(lowercased(parameterName));
    std::string component;
    while (std::getline(names, component, '.')) components.push_back(component);
    for (const auto& word : exemptWords) {
        const std::string needle = lowercased(word);
        if (needle.empty()) continue;
        for (const auto& candidate : components)
            if (candidate.find(needle) != std::string::npos) return true;
    }
    return false;
}

torch::Tensor keepTopElements(const torch::Tensor& flatSaliency, std::int64_t k) {
    const torch::NoGradGuard noGrad;
    const std::int64_t count = flatSaliency.numel();
    if (k <= 0) return torch::zeros(flatSaliency.sizes(), flatSaliency.options().dtype(torch::kBool));
    if (k >= count) return flatSaliency > 0;
    // The k-th largest value splits the elements; found by selection, O(N), not a sort. The
    // tie count stays a device tensor: no host round trip in the middle of a GPU step.
    const torch::Tensor threshold = kthSmallest(flatSaliency, count - k + 1);
    torch::Tensor kept = flatSaliency > threshold;
    const torch::Tensor missing = k - kept.sum();
    const torch::Tensor tied = flatSaliency == threshold;
    kept.logical_or_(tied.logical_and(tied.cumsum(0) <= missing));
    return kept.logical_and_(flatSaliency > 0);
}

torch::Tensor keepTopShare(const torch::Tensor& flatSaliency, const std::vector<torch::Tensor>& pieces,
                           double keepRatio, bool global) {
    const torch::NoGradGuard noGrad;
    const auto keepCount = [keepRatio](std::int64_t total) {
        return static_cast<std::int64_t>(std::floor(keepRatio * static_cast<double>(total)));
    };
    if (global) return keepTopElements(flatSaliency, keepCount(flatSaliency.numel()));
    std::vector<torch::Tensor> kept;
    for (const torch::Tensor& piece : flatViews(flatSaliency, pieces))
        kept.push_back(keepTopElements(piece.reshape(-1), keepCount(piece.numel())));
    return kept.empty() ? torch::zeros({0}, flatSaliency.options().dtype(torch::kBool)) : torch::cat(kept);
}

std::vector<torch::Tensor> selectKeptElements(const std::vector<torch::Tensor>& saliency, double keepRatio,
                                              bool global) {
    if (saliency.empty()) return {};
    const torch::NoGradGuard noGrad;
    std::vector<torch::Tensor> flat;
    for (const auto& tensor : saliency) flat.push_back(tensor.reshape(-1));
    return flatViews(keepTopShare(torch::cat(flat), saliency, keepRatio, global), saliency);
}

}  // namespace uegr
