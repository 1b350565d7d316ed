#pragma once
// training.precision: while a PrecisionScope for "bf16" lives, LibTorch's autocast runs the
// forward passes (and so their backward) in bfloat16 on the scope's device type. Parameters,
// gradients, optimizer state and saliency stay fp32: autocast casts per operation and keeps
// the weights themselves untouched. "fp32" does nothing.
#include <torch/torch.h>

#include <string>

namespace uegr {

class PrecisionScope {
public:
    PrecisionScope(const std::string& precision, const torch::Device& device);
    ~PrecisionScope();
    PrecisionScope(const PrecisionScope&) = delete;
    PrecisionScope& operator=(const PrecisionScope&) = delete;

private:
    bool active_ = false;
    torch::DeviceType deviceType_;
    bool wasEnabled_ = false;
    at::ScalarType previousType_ = at::kFloat;
};

// Logits of a lower-precision forward pass as fp32, so that losses and divergences are computed
// at full precision (a no-op for fp32 logits; fp64 logits stay fp64, which the float64 golden
// test of the step relies on).
inline torch::Tensor fullPrecision(const torch::Tensor& logits) {
    const bool reduced = logits.scalar_type() == torch::kBFloat16 || logits.scalar_type() == torch::kHalf;
    return reduced ? logits.to(torch::kFloat) : logits;
}

}  // namespace uegr
