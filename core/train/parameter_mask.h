#pragma once
// Which parameter elements UEGR updates (docs/METHOD.md, step 7): the top keep_ratio fraction
// of the eligible elements by saliency, ranked across all eligible tensors or per tensor.
#include <torch/torch.h>

#include <cstdint>
#include <string>
#include <vector>

namespace uegr {

// True when the parameter's layer (TextClassifierImpl::parameterLayers) or some dot-separated
// component of its name contains one of `exemptWords`, ignoring case: "blocks.0.attn_norm.weight"
// is exempt under "norm", "convs.1.bias" under "bias", a pretrained model's
// "bert.encoder.layer.0.output.LayerNorm.weight" under "norm", and its "classifier.weight" and
// "bert.pooler.dense.weight" under "head" because they form the "head" layer.
bool isMaskExempt(const std::string& parameterName, const std::string& layer,
                  const std::vector<std::string>& exemptWords);

// Bool mask of the top k elements of a 1-D tensor: exactly k kept (ties at the threshold go
// to the lowest indices), except that elements with zero saliency are never kept.
torch::Tensor keepTopElements(const torch::Tensor& flatSaliency, std::int64_t k);

// The flat bool mask over `flatSaliency`, the concatenated saliency of the tensors `pieces`
// (only their sizes matter), keeping floor(keepRatio · N) elements, N counted over all of them
// (`global`) or within each piece.
torch::Tensor keepTopShare(const torch::Tensor& flatSaliency, const std::vector<torch::Tensor>& pieces,
                           double keepRatio, bool global);

// The same for separate tensors: bool masks shaped like each input.
std::vector<torch::Tensor> selectKeptElements(const std::vector<torch::Tensor>& saliency, double keepRatio,
                                              bool global);

}  // namespace uegr
