#include "train/saliency.h"

#include "util/error.h"

namespace uegr {

SaliencyKind parseSaliencyKind(const std::string& name) {
    if (name == "taylor") return SaliencyKind::Taylor;
    if (name == "fisher") return SaliencyKind::Fisher;
    if (name == "gradient") return SaliencyKind::Gradient;
    throw ConfigError("uegr.saliency", "unknown saliency \"" + name + "\" (taylor | fisher | gradient)");
}

torch::Tensor elementSaliency(SaliencyKind kind, const torch::Tensor& parameter, const torch::Tensor& gradient) {
    const torch::NoGradGuard noGrad;
    switch (kind) {
    case SaliencyKind::Taylor: return (parameter.detach() * gradient).abs_();
    case SaliencyKind::Fisher: return gradient.square();
    case SaliencyKind::Gradient: return gradient.abs();
    }
    throw Error("unknown saliency kind");
}

}  // namespace uegr
