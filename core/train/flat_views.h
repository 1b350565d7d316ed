#pragma once
// Tensors kept as consecutive pieces of one flat tensor (the optimizer's bucket state, the
// engine's saliency and masks), so that work on all of them is a few kernels, not a few each.
#include <torch/torch.h>

#include <vector>

namespace uegr {

// Views of consecutive pieces of the 1-D `flat`, each shaped like the tensor of `likes` in the
// same position: the inverse of concatenating their flattened forms.
std::vector<torch::Tensor> flatViews(const torch::Tensor& flat, const std::vector<torch::Tensor>& likes);

}  // namespace uegr
