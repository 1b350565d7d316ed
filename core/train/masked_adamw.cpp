#include "train/masked_adamw.h"

#include <ATen/Parallel.h>

#include <cmath>

#include "train/flat_views.h"
#include "util/error.h"

namespace uegr {

namespace {

// Upper bound on a bucket's elements: the tensor-ops step allocates about ten temporaries of a
// bucket's size, so this bounds the step's extra memory (a larger tensor is a bucket alone).
constexpr std::int64_t kBucketElements = std::int64_t{1} << 22;

torch::Tensor flatConcat(const std::vector<torch::Tensor>& pieces) {
    return pieces.size() == 1 ? pieces.front() : torch::cat(pieces);
}

}  // namespace

MaskedAdamW::MaskedAdamW(std::vector<torch::Tensor> parameters, AdamWOptions options)
    : parameters_(std::move(parameters)), options_(options) {
    const torch::NoGradGuard noGrad;
    std::vector<std::int64_t> bucketSizes;
    for (std::size_t i = 0; i < parameters_.size(); ++i) {
        const torch::Tensor& parameter = parameters_[i];
        const bool joins =
            !buckets_.empty() && bucketSizes.back() + parameter.numel() <= kBucketElements &&
            parameters_[buckets_.back().members.front()].options().type_equal(parameter.options());
        if (!joins) {
            buckets_.emplace_back();
            bucketSizes.push_back(0);
        }
        buckets_.back().members.push_back(i);
        bucketSizes.back() += parameter.numel();
    }
    expAvg_.resize(parameters_.size());
    expAvgSq_.resize(parameters_.size());
    stepCount_.resize(parameters_.size());
    allTrue_.resize(parameters_.size());
    for (std::size_t b = 0; b < buckets_.size(); ++b) {
        Bucket& bucket = buckets_[b];
        const auto& first = parameters_[bucket.members.front()];
        bucket.expAvg = torch::zeros({bucketSizes[b]}, first.options());
        bucket.expAvgSq = torch::zeros({bucketSizes[b]}, first.options());
        bucket.stepCount = torch::zeros({bucketSizes[b]}, first.options().dtype(torch::kInt));
        const std::vector<torch::Tensor> members = membersOf(bucket);
        for (auto [flat, views] :
             {std::pair{&bucket.expAvg, &expAvg_}, std::pair{&bucket.expAvgSq, &expAvgSq_},
              std::pair{&bucket.stepCount, &stepCount_}}) {
            const std::vector<torch::Tensor> pieces = flatViews(*flat, members);
            for (std::size_t j = 0; j < pieces.size(); ++j) (*views)[bucket.members[j]] = pieces[j];
        }
    }
}

std::pair<float, float> MaskedAdamW::inverseBiasCorrections(std::int64_t n) const {
    const auto steps = static_cast<double>(n);
    return {static_cast<float>(1 / (1 - std::pow(options_.beta1, steps))),
            static_cast<float>(1 / std::sqrt(1 - std::pow(options_.beta2, steps)))};
}

void MaskedAdamW::appendBiasCorrection() {
    const auto [first, second] =
        inverseBiasCorrections(static_cast<std::int64_t>(inverseCorrection1_.size()));
    inverseCorrection1_.push_back(first);
    inverseSqrtCorrection2_.push_back(second);
}

std::vector<torch::Tensor> MaskedAdamW::membersOf(const Bucket& bucket) const {
    std::vector<torch::Tensor> members;
    for (std::size_t i : bucket.members) members.push_back(parameters_[i]);
    return members;
}

void MaskedAdamW::zeroGrad() {
    for (auto& parameter : parameters_)
        if (parameter.grad().defined()) parameter.mutable_grad().zero_();
}

void MaskedAdamW::refreshCorrectionTables(Bucket& bucket) const {
    const auto needed = static_cast<std::int64_t>(inverseCorrection1_.size());
    if (bucket.inverseCorrection1.defined() && bucket.inverseCorrection1.numel() >= needed) return;
    // Tables a few hundred steps ahead, so the upload happens rarely.
    const std::int64_t capacity = needed + 512;
    std::vector<float> first(inverseCorrection1_), second(inverseSqrtCorrection2_);
    for (std::int64_t n = needed; n < capacity; ++n) {
        const auto [inverse1, inverseSqrt2] = inverseBiasCorrections(n);
        first.push_back(inverse1);
        second.push_back(inverseSqrt2);
    }
    const auto device = parameters_[bucket.members.front()].options();
    bucket.inverseCorrection1 = torch::tensor(first, torch::kFloat).to(device);
    bucket.inverseSqrtCorrection2 = torch::tensor(second, torch::kFloat).to(device);
}

const torch::Tensor& MaskedAdamW::allTrue(std::size_t index) {
    if (!allTrue_[index].defined())
        allTrue_[index] =
            torch::ones({parameters_[index].numel()}, parameters_[index].options().dtype(torch::kBool));
    return allTrue_[index];
}

void MaskedAdamW::step(const std::vector<torch::Tensor>& masks, MaskMode mode, double gradientScale) {
    if (!masks.empty() && masks.size() != parameters_.size())
        throw Error("MaskedAdamW: got " + std::to_string(masks.size()) + " masks for " +
                    std::to_string(parameters_.size()) + " parameters");
    // No element can have taken more steps than the optimizer: one table entry per step.
    appendBiasCorrection();

    const torch::NoGradGuard noGrad;
    for (Bucket& bucket : buckets_) {
        bool fusable = fusedCpuKernel_;
        for (std::size_t i : bucket.members) {
            const torch::Tensor& parameter = parameters_[i];
            fusable = fusable && parameter.device().is_cpu() && parameter.scalar_type() == torch::kFloat &&
                      parameter.is_contiguous() &&
                      (!parameter.grad().defined() || parameter.grad().scalar_type() == torch::kFloat) &&
                      (masks.empty() || !masks[i].defined() || masks[i].device().is_cpu());
        }
        if (!fusable) {
            stepBucket(bucket, masks, mode, gradientScale);
            continue;
        }
        for (std::size_t i : bucket.members) {
            const torch::Tensor& parameter = parameters_[i];
            if (!parameter.grad().defined()) continue;
            const torch::Tensor mask = masks.empty() ? torch::Tensor() : masks[i];
            stepFused(i, mask, mode, gradientScale);
        }
    }
}

void MaskedAdamW::stepFused(std::size_t index, const torch::Tensor& mask, MaskMode mode,
                            double gradientScale) {
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

void MaskedAdamW::stepBucket(Bucket& bucket, const std::vector<torch::Tensor>& masks, MaskMode mode,
                             double gradientScale) {
    bool anyGradient = false, anyMissing = false, anyMask = false;
    for (std::size_t i : bucket.members) {
        (parameters_[i].grad().defined() ? anyGradient : anyMissing) = true;
        anyMask = anyMask || (!masks.empty() && masks[i].defined());
    }
    if (!anyGradient) return;

    std::vector<torch::Tensor> gradients, values, keeps, present;
    for (std::size_t i : bucket.members) {
        const torch::Tensor& parameter = parameters_[i];
        const bool hasGradient = parameter.grad().defined();
        gradients.push_back(hasGradient ? parameter.grad().reshape(-1)
                                        : torch::zeros({parameter.numel()}, parameter.options()));
        values.push_back(parameter.detach().reshape(-1));
        if (anyMask) keeps.push_back(masks[i].defined() ? masks[i].reshape(-1).to(torch::kBool) : allTrue(i));
        if (anyMissing)
            present.push_back(hasGradient ? allTrue(i)
                                          : torch::zeros({parameter.numel()}, allTrue(i).options()));
    }
    torch::Tensor gradient = flatConcat(gradients);
    if (gradientScale != 1.0) gradient = gradient * gradientScale;
    // Soft: a masked-out gradient counts as zero. Hard, or no gradient at all: no step.
    torch::Tensor updates;
    if (anyMask) {
        const torch::Tensor keep = flatConcat(keeps);
        if (mode == MaskMode::Soft)
            gradient = gradient * keep;
        else
            updates = keep;
    }
    if (anyMissing)
        updates = updates.defined() ? updates.logical_and(flatConcat(present)) : flatConcat(present);

    torch::Tensor &m1 = bucket.expAvg, &m2 = bucket.expAvgSq, &count = bucket.stepCount;
    torch::Tensor weight;  // 1 where the element steps, 0 where it stays bit-identical
    if (updates.defined()) {
        weight = updates.to(gradient.scalar_type());
        count.add_(updates);
        m1.lerp_(gradient, weight * (1 - options_.beta1));
        m2.lerp_(gradient.square(), weight * (1 - options_.beta2));
    } else {
        count.add_(1);
        m1.lerp_(gradient, 1 - options_.beta1);
        m2.mul_(options_.beta2).addcmul_(gradient, gradient, 1 - options_.beta2);
    }
    // Per-element bias corrections from the tables, indexed by each element's own step count.
    refreshCorrectionTables(bucket);
    const torch::Tensor correction1 = bucket.inverseCorrection1.index_select(0, count);
    const torch::Tensor correction2 = bucket.inverseSqrtCorrection2.index_select(0, count);
    // Δθ = −lr (m̂ / (√v̂ + ε) + λθ), then θ += Δθ for the whole bucket in one multi-tensor add.
    torch::Tensor delta = m1 * correction1;
    delta.div_(m2.sqrt().mul_(correction2).add_(options_.eps));
    delta.add_(flatConcat(values), options_.weightDecay).mul_(-options_.lr);
    if (weight.defined()) delta.mul_(weight);
    const std::vector<torch::Tensor> members = membersOf(bucket);
    at::_foreach_add_(members, flatViews(delta, members));
}

void MaskedAdamW::save(torch::serialize::OutputArchive& archive) const {
    archive.write("steps", torch::tensor(static_cast<std::int64_t>(inverseCorrection1_.size() - 1)));
    for (std::size_t i = 0; i < parameters_.size(); ++i) {
        const std::string prefix = "p" + std::to_string(i) + ".";
        // Compact CPU copies of the bucket views: CUDA state resumes anywhere.
        for (auto [name, state] : {std::pair{"exp_avg", &expAvg_[i]}, std::pair{"exp_avg_sq", &expAvgSq_[i]},
                                   std::pair{"step", &stepCount_[i]}})
            archive.write(prefix + name, state->cpu().clone(torch::MemoryFormat::Contiguous));
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
