#pragma once
// Parameter saliency per element (UEGR-METHOD.md step 6), from the gradient before clipping.
#include <torch/torch.h>

#include <string>

namespace uegr {

enum class SaliencyKind { Taylor, Fisher, Gradient };  // |θ ⊙ g|, g², |g|

SaliencyKind parseSaliencyKind(const std::string& name);  // throws ConfigError on "uegr.saliency"

torch::Tensor elementSaliency(SaliencyKind kind, const torch::Tensor& parameter, const torch::Tensor& gradient);

}  // namespace uegr
