#pragma once
// Parameter saliency per element (docs/METHOD.md, step 6), from the gradient before clipping.
#include <torch/torch.h>

#include <string>
#include <vector>

namespace uegr {

enum class SaliencyKind { Taylor, Fisher, Gradient };  // |θ ⊙ g|, g², |g|

SaliencyKind parseSaliencyKind(const std::string& name);  // throws ConfigError on "uegr.saliency"

torch::Tensor elementSaliency(SaliencyKind kind, const torch::Tensor& parameter,
                              const torch::Tensor& gradient);

// The saliency of several parameters as one flat tensor, their elements in order (a parameter
// without a gradient counts as zero): a few kernels for all of them instead of a few each.
torch::Tensor flatSaliency(SaliencyKind kind, const std::vector<torch::Tensor>& parameters);

// Σ of each parameter's saliency as one tensor [n] on their device, with multi-tensor kernels
// and no saliency tensors materialised.
torch::Tensor saliencySums(SaliencyKind kind, const std::vector<torch::Tensor>& parameters);

}  // namespace uegr
