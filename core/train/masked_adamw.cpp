#include "train/masked_adamw.h"

#include <ATen/Parallel.h>

#include <cmath>

#include "util/error.h"

namespace uegr {

MaskedAdamW::MaskedAdamW(std::vector<torch::Tensor> parameters, AdamWOptions options)
    : parameters_(std::move(parameters)), options_(options) {
    const torch::NoGradGuard noGrad;
    for (const auto& parameter : parameters_) {
        expAvg_.push_back(torch::zeros_like(parameter, torch::MemoryFormat::Contiguous));
        expAvgSq_.push_back(torch::zeros_like(parameter, torch::MemoryFormat::Contiguous));
        stepCount_.push_back(torch::zeros(parameter.sizes(), parameter.options().dtype(torch::kInt)));
    }
}

void MaskedAdamW::appendBiasCorrection() {
    const auto n = static_cast<double>(inverseCorrection1_.size());
    inverseCorrection1_.push_back(static_cast<float>(1 / (1 - std::pow(options_.beta1, n))));
    inverseSqrtCorrection2_.push_back(static_cast<float>(1 / std::sqrt(1 - std::pow(options_.beta2, n))));
}

void MaskedAdamW::zeroGrad() {
    for (auto& parameter : parameters_)
        if (parameter.grad().defined()) parameter.mutable_grad().zero_();
}

void MaskedAdamW::step(const std::vector<torch::Tensor>& masks, MaskMode mode, double gradientScale) {
    if (!masks.empty() && masks.size() != parameters_.size())
        throw Error("MaskedAdamW: got " + std::to_string(masks.size()) + " masks for " +
                    std::to_string(parameters_.size()) + " parameters");
    // No element can have taken more steps than the optimizer: one table entry per step.
    appendBiasCorrection();

    const torch::NoGradGuard noGrad;
    for (std::size_t i = 0; i < parameters_.size(); ++i) {
        if (!parameters_[i].grad().defined()) continue;
        const torch::Tensor mask = masks.empty() ? torch::Tensor() : masks[i];
        const torch::Tensor& parameter = parameters_[i];
        const bool fusable = fusedCpuKernel_ && parameter.device().is_cpu() &&
                             parameter.scalar_type() == torch::kFloat && parameter.is_contiguous() &&
                             parameter.grad().scalar_type() == torch::kFloat &&
                             (!mask.defined() || mask.device().is_cpu());
        if (fusable)
            stepFused(i, mask, mode, gradientScale);
        else
            stepTensorOps(i, mask, mode, gradientScale);
    }
}

void MaskedAdamW::stepFused(std::size_t index, const torch::Tensor& mask, MaskMode mode, double gradientScale) {
    torch::Tensor& parameter = parameters_[index];
    const torch::Tensor gradient = parameter.grad().contiguous();
    const torch::Tensor keep = mask.defined() ? mask.to(torch::kBool).contiguous() : torch::Tensor();
    float* theta = parameter.data_ptr<float>();
    const float* grad = gradient.data_ptr<float>();
    float* m1 = expAvg_[index].data_ptr<float>();
    float* m2 = expAvgSq_[index].data_ptr<float>();
    std::int32_t* count = stepCount_[index].data_ptr<std::int32_t>();
    const bool* kept = keep.defined() ? keep.data_ptr<bool>() : nullptr;
    const bool hard = mode == MaskMode::Hard;
    const float* inverseCorrection1 = inverseCorrection1_.data();
    const float* inverseSqrtCorrection2 = inverseSqrtCorrection2_.data();
    const auto scale = static_cast<float>(gradientScale);
    const auto beta1 = static_cast<float>(options_.beta1), beta2 = static_cast<float>(options_.beta2);
    const auto eps = static_cast<float>(options_.eps), lr = static_cast<float>(options_.lr);
    const auto decay = static_cast<float>(1 - options_.lr * options_.weightDecay);

    at::parallel_for(0, parameter.numel(), 16384, [&](std::int64_t begin, std::int64_t end) {
        for (std::int64_t i = begin; i < end; ++i) {
            const bool update = kept == nullptr || kept[i];
            if (hard && !update) continue;
            const float g = update ? grad[i] * scale : 0.0f;
            const std::int32_t n = ++count[i];
            m1[i] += (1 - beta1) * (g - m1[i]);
            m2[i] = beta2 * m2[i] + (1 - beta2) * g * g;
            const float denominator = std::sqrt(m2[i]) * inverseSqrtCorrection2[n] + eps;
            theta[i] = theta[i] * decay - lr * inverseCorrection1[n] * m1[i] / denominator;
        }
    });
}

void MaskedAdamW::stepTensorOps(std::size_t index, const torch::Tensor& mask, MaskMode mode, double gradientScale) {
    torch::Tensor& parameter = parameters_[index];
    torch::Tensor& m1 = expAvg_[index];
    torch::Tensor& m2 = expAvgSq_[index];
    torch::Tensor& count = stepCount_[index];
    const torch::Tensor gradient = parameter.grad() * gradientScale;
    const torch::Tensor keep = mask.defined() ? mask.to(parameter.dtype()) : torch::Tensor();
    if (keep.defined() && mode == MaskMode::Soft) gradient.mul_(keep);
    const bool hard = keep.defined() && mode == MaskMode::Hard;

    if (hard) {
        count.add_(mask.to(torch::kInt));
        m1.lerp_(gradient, keep * (1 - options_.beta1));
        m2.lerp_(gradient.square(), keep * (1 - options_.beta2));
    } else {
        count.add_(1);
        m1.lerp_(gradient, 1 - options_.beta1);
        m2.mul_(options_.beta2).addcmul_(gradient, gradient, 1 - options_.beta2);
    }
    // In double: 1 − β2ⁿ for β2 = 0.999 loses five digits in float32.
    const torch::Tensor counts = count.clamp_min(1).to(torch::kDouble);
    const torch::Tensor correction1 = (1 - torch::pow(options_.beta1, counts)).to(parameter.dtype());
    const torch::Tensor correction2Sqrt = (1 - torch::pow(options_.beta2, counts)).sqrt_().to(parameter.dtype());
    // update = m̂ / (√v / √(1−β2ⁿ) + ε) + λθ, written into one buffer.
    torch::Tensor update = m2.sqrt().div_(correction2Sqrt).add_(options_.eps).mul_(correction1);
    update = m1 / update;
    update.add_(parameter, options_.weightDecay);
    if (hard)
        parameter.addcmul_(update, keep, -options_.lr);
    else
        parameter.add_(update, -options_.lr);
}

void MaskedAdamW::save(torch::serialize::OutputArchive& archive) const {
    archive.write("steps", torch::tensor(static_cast<std::int64_t>(inverseCorrection1_.size() - 1)));
    for (std::size_t i = 0; i < parameters_.size(); ++i) {
        const std::string prefix = "p" + std::to_string(i) + ".";
        // CPU copies: CUDA state resumes anywhere.
        archive.write(prefix + "exp_avg", expAvg_[i].cpu());
        archive.write(prefix + "exp_avg_sq", expAvgSq_[i].cpu());
        archive.write(prefix + "step", stepCount_[i].cpu());
    }
}

void MaskedAdamW::load(torch::serialize::InputArchive& archive) {
    const torch::NoGradGuard noGrad;
    torch::Tensor steps;
    archive.read("steps", steps);
    const std::int64_t stepCount = steps.item<std::int64_t>();
    inverseCorrection1_.assign(1, 0.0f);
    inverseSqrtCorrection2_.assign(1, 0.0f);
    for (std::int64_t n = 1; n <= stepCount; ++n) appendBiasCorrection();
    for (std::size_t i = 0; i < parameters_.size(); ++i) {
        const std::string prefix = "p" + std::to_string(i) + ".";
        for (auto [name, target] : {std::pair{"exp_avg", &expAvg_[i]}, std::pair{"exp_avg_sq", &expAvgSq_[i]},
                                    std::pair{"step", &stepCount_[i]}}) {
            torch::Tensor value;
            archive.read(prefix + name, value);
            if (!value.sizes().equals(target->sizes()) || value.scalar_type() != target->scalar_type())
                throw Error("optimizer state " + prefix + name + " does not match the model");
            target->copy_(value);
        }
    }
}

}  // namespace uegr
