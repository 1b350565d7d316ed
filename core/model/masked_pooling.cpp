#include "model/masked_pooling.h"

#include <limits>

namespace uegr {

torch::Tensor maskedMeanPool(const torch::Tensor& values, const torch::Tensor& mask) {
    const torch::Tensor weights = mask.to(values.dtype()).unsqueeze(-1);  // [B, T, 1]
    const torch::Tensor counts = weights.sum(1).clamp_min(1.0);           // [B, 1]
    return (values * weights).sum(1) / counts;
}

torch::Tensor maskedMaxPool(const torch::Tensor& values, const torch::Tensor& mask) {
    const torch::Tensor valid = mask.to(torch::kBool).unsqueeze(-1);  // [B, T, 1]
    const torch::Tensor filled =
        values.masked_fill(valid.logical_not(), -std::numeric_limits<double>::infinity());
    const torch::Tensor maxima = std::get<0>(filled.max(1));  // [B, D]
    const torch::Tensor hasTokens = valid.any(1);             // [B, 1]
    return torch::where(hasTokens, maxima, torch::zeros_like(maxima));
}

}  // namespace uegr
