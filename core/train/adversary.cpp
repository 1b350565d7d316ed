#include "train/adversary.h"

#include "model/random_draws.h"

namespace uegr {
namespace {

// Guards the division by ‖g‖ and ‖δ‖ of an all-zero tensor (an example whose loss is flat).
constexpr double kTinyNorm = 1e-12;

torch::Tensor asColumn(const torch::Tensor& perExample) { return perExample.view({-1, 1, 1}); }

}  // namespace

AdversaryOptions AdversaryOptions::fromConfig(const UegrConfig& config) {
    AdversaryOptions options;
    options.steps = config.advSteps;
    options.stepSize = config.advStepSize;
    options.maxNorm = config.advMaxNorm;
    options.relativeScale = config.advScale != "absolute";
    options.uniformInit = config.advInit == "uniform";
    options.initMagnitude = config.advInitMag;
    return options;
}

torch::Tensor maskedExampleNorms(const torch::Tensor& values, const torch::Tensor& attentionMask) {
    const torch::Tensor masked = values * attentionMask.unsqueeze(-1).to(values.dtype());
    return masked.pow(2).sum({1, 2}).sqrt();
}

torch::Tensor EmbeddingAdversary::ascend(const torch::Tensor& delta, const torch::Tensor& gradient,
                                         const torch::Tensor& scale, const torch::Tensor& paddingMask) const {
    const torch::Tensor maskedGradient = gradient * paddingMask;
    const torch::Tensor gradientNorm = maskedGradient.pow(2).sum({1, 2}).sqrt().clamp_min(kTinyNorm);
    torch::Tensor next = delta + maskedGradient * asColumn(options_.stepSize * scale / gradientNorm);
    if (options_.maxNorm > 0) {
        const torch::Tensor radius = options_.maxNorm * scale;
        const torch::Tensor norm = next.pow(2).sum({1, 2}).sqrt();
        const torch::Tensor shrink = (radius / norm.clamp_min(kTinyNorm)).clamp_max(1.0);
        next = next * asColumn(shrink);
    }
    return next * paddingMask;
}

torch::Tensor EmbeddingAdversary::search(const torch::Tensor& embeddings, const torch::Tensor& attentionMask,
                                         const LossFunction& loss, const torch::Tensor& cleanGradient) const {
    const torch::NoGradGuard noGrad;
    const torch::Tensor e = embeddings.detach();
    const torch::Tensor paddingMask = attentionMask.unsqueeze(-1).to(e.dtype());
    const torch::Tensor scale =
        options_.relativeScale ? maskedExampleNorms(e, attentionMask) : torch::ones({e.size(0)}, e.options());

    torch::Tensor delta = torch::zeros_like(e);
    if (options_.uniformInit && options_.initMagnitude > 0) {
        // Drawn on the CPU generator (checkpointed with the run) and moved, so a run is
        // reproducible whatever the device; rescaled to norm adv_init_mag · s per example.
        RandomDraws* injected = injectedRandomDraws();
        const torch::Tensor uniform = injected != nullptr
                                          ? injected->symmetricUniform(e)
                                          : (torch::rand(e.sizes(), torch::kFloat) * 2 - 1).to(e.options());
        const torch::Tensor noise = uniform * paddingMask;
        const torch::Tensor noiseNorm = noise.pow(2).sum({1, 2}).sqrt().clamp_min(kTinyNorm);
        delta = noise * asColumn(options_.initMagnitude * scale / noiseNorm);
    }
    const bool reuseClean = !options_.uniformInit || options_.initMagnitude <= 0;
    for (int step = 0; step < options_.steps; ++step) {
        torch::Tensor gradient;
        if (step == 0 && reuseClean && cleanGradient.defined()) {
            gradient = cleanGradient.detach();
        } else {
            const torch::AutoGradMode enableGrad(true);
            const torch::Tensor probe = delta.clone().requires_grad_(true);
            const torch::Tensor value = loss(e + probe);
            gradient = torch::autograd::grad({value}, {probe})[0];
        }
        delta = ascend(delta, gradient, scale, paddingMask);
    }
    return delta.detach();
}

}  // namespace uegr

