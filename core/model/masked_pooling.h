#pragma once
// Pooling over the time axis that ignores padding, so appending padding never changes a
// model's output.
#include <torch/torch.h>

namespace uegr {

// values [B, T, D], mask [B, T] bool (true on real tokens) -> [B, D]. A sequence without any
// real token pools to zeros.
torch::Tensor maskedMeanPool(const torch::Tensor& values, const torch::Tensor& mask);
torch::Tensor maskedMaxPool(const torch::Tensor& values, const torch::Tensor& mask);

}  // namespace uegr
