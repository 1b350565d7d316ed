#pragma once
// The embedding-space adversary of docs/METHOD.md step 2: δ ← Π_ε(δ + α · s · g/‖g‖₂), with
// every norm taken per example over its non-padding positions. s = ‖e‖₂ of the example
// (relative scale) or 1 (absolute, the FreeLB convention); ε = adv_max_norm · s (0: unbounded).
#include <torch/torch.h>

#include <functional>

#include "config/run_config.h"

namespace uegr {

struct AdversaryOptions {
    int steps = 1;
    double stepSize = 0.05;
    double maxNorm = 0.0;
    bool relativeScale = true;
    bool uniformInit = false;
    double initMagnitude = 0.0;

    static AdversaryOptions fromConfig(const UegrConfig& config);
};

// Per-example L2 norm over the positions where `attentionMask` [B, T] is true: [B, T, E] -> [B].
torch::Tensor maskedExampleNorms(const torch::Tensor& values, const torch::Tensor& attentionMask);

class EmbeddingAdversary {
public:
    // CE(f(e + δ), y) for perturbed embeddings e + δ.
    using LossFunction = std::function<torch::Tensor(const torch::Tensor& perturbedEmbeddings)>;

    explicit EmbeddingAdversary(AdversaryOptions options) : options_(options) {}

    // Runs the search and returns δ, detached, zero on padding. `embeddings` is e (detached
    // inside). `cleanGradient`, when defined, is ∂CE(f(e), y)/∂e from the clean pass: with zero
    // init it is the first g, which saves one forward and backward pass.
    torch::Tensor search(const torch::Tensor& embeddings, const torch::Tensor& attentionMask,
                         const LossFunction& loss, const torch::Tensor& cleanGradient = {}) const;

    // One ascent step and projection, exposed for tests: returns the new δ.
    torch::Tensor ascend(const torch::Tensor& delta, const torch::Tensor& gradient, const torch::Tensor& scale,
                         const torch::Tensor& paddingMask) const;

    const AdversaryOptions& options() const { return options_; }

private:
    AdversaryOptions options_;
};

}  // namespace uegr
