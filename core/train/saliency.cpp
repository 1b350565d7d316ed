#include "train/saliency.h"

#include "util/error.h"

namespace uegr {
namespace {

// The parameters' gradients (zeros where one has none) and, for Taylor, their values: as they
// are, or flattened to 1-D for concatenation.
struct SaliencyInputs {
    std::vector<torch::Tensor> gradients, values;
};

SaliencyInputs saliencyInputs(SaliencyKind kind, const std::vector<torch::Tensor>& parameters, bool flatten) {
    SaliencyInputs inputs;
    for (const auto& parameter : parameters) {
        const torch::Tensor gradient =
            parameter.grad().defined() ? parameter.grad() : torch::zeros_like(parameter);
        inputs.gradients.push_back(flatten ? gradient.reshape(-1) : gradient);
        if (kind == SaliencyKind::Taylor)
            inputs.values.push_back(flatten ? parameter.detach().reshape(-1) : parameter.detach());
    }
    return inputs;
}

}  // namespace

SaliencyKind parseSaliencyKind(const std::string& name) {
    if (name == "taylor") return SaliencyKind::Taylor;
    if (name == "fisher") return SaliencyKind::Fisher;
    if (name == "gradient") return SaliencyKind::Gradient;
    throw ConfigError("uegr.saliency", "unknown saliency \"" + name + "\" (taylor | fisher | gradient)");
}

torch::Tensor elementSaliency(SaliencyKind kind, const torch::Tensor& parameter,
                              const torch::Tensor& gradient) {
    const torch::NoGradGuard noGrad;
    switch (kind) {
        case SaliencyKind::Taylor:
            return (parameter.detach() * gradient).abs_();
        case SaliencyKind::Fisher:
            return gradient.square();
        case SaliencyKind::Gradient:
            return gradient.abs();
    }
    throw Error("unknown saliency kind");
}

torch::Tensor flatSaliency(SaliencyKind kind, const std::vector<torch::Tensor>& parameters) {
    const torch::NoGradGuard noGrad;
    if (parameters.empty()) return torch::Tensor();
    const SaliencyInputs inputs = saliencyInputs(kind, parameters, true);
    const torch::Tensor gradient = torch::cat(inputs.gradients);
    switch (kind) {
        case SaliencyKind::Taylor:
            return torch::cat(inputs.values).mul_(gradient).abs_();
        case SaliencyKind::Fisher:
            return gradient.square_();
        case SaliencyKind::Gradient:
            return gradient.abs_();
    }
    throw Error("unknown saliency kind");
}

torch::Tensor saliencySums(SaliencyKind kind, const std::vector<torch::Tensor>& parameters) {
    const torch::NoGradGuard noGrad;
    if (parameters.empty()) return torch::Tensor();
    const SaliencyInputs inputs = saliencyInputs(kind, parameters, false);
    const auto& gradients = inputs.gradients;
    // Every saliency is non-negative, so its Σ is an L1 norm; Σ g² is the squared L2 norm.
    switch (kind) {
        case SaliencyKind::Taylor:
            return torch::stack(at::_foreach_norm(at::_foreach_mul(inputs.values, gradients), 1));
        case SaliencyKind::Fisher:
            return torch::stack(at::_foreach_norm(gradients, 2)).square_();
        case SaliencyKind::Gradient:
            return torch::stack(at::_foreach_norm(gradients, 1));
    }
    throw Error("unknown saliency kind");
}

}  // namespace uegr
