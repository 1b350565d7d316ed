#pragma once
// AdamW whose update can be restricted to a mask of elements (docs/METHOD.md, step 8).
//  - hard: a masked-out element does not change at all: parameter, both moments and its own
//    step count (used for bias correction) stay bit-identical; no weight decay.
//  - soft: its gradient counts as zero, so moments, step count and weight decay still move it.
// Without masks it is plain AdamW (decoupled weight decay, torch::optim::AdamW's formula).
#include <torch/torch.h>

#include <utility>
#include <vector>

namespace uegr {

enum class MaskMode { Hard, Soft };

struct AdamWOptions {
    double lr = 1e-3;
    double beta1 = 0.9;
    double beta2 = 0.999;
    double eps = 1e-8;
    double weightDecay = 0.01;
};

class MaskedAdamW {
public:
    MaskedAdamW(std::vector<torch::Tensor> parameters, AdamWOptions options);

    void setLearningRate(double lr) { options_.lr = lr; }
    double learningRate() const { return options_.lr; }

    // One update from the parameters' .grad() times `gradientScale` (global-norm clipping is
    // folded in here instead of rescaling every gradient first). `masks` is empty (update
    // everything) or holds one bool tensor per parameter, undefined where all elements update.
    // Parameters without a gradient are skipped.
    void step(const std::vector<torch::Tensor>& masks = {}, MaskMode mode = MaskMode::Hard,
              double gradientScale = 1.0);
    void zeroGrad();

    const std::vector<torch::Tensor>& parameters() const { return parameters_; }
    const torch::Tensor& expAvg(std::size_t index) const { return expAvg_[index]; }
    const torch::Tensor& expAvgSq(std::size_t index) const { return expAvgSq_[index]; }
    // int32 per element: how many updates the element has taken (hard masks skip some).
    const torch::Tensor& stepCount(std::size_t index) const { return stepCount_[index]; }

    void save(torch::serialize::OutputArchive& archive) const;
    void load(torch::serialize::InputArchive& archive);  // throws c10::Error on mismatch

    // The CPU float32 path runs one fused loop over each tensor. Other devices and dtypes run
    // tensor ops over buckets: the state of consecutive parameters lives in one flat tensor per
    // bucket, so a step costs about twenty kernels per bucket however many parameters it holds
    // (on a GPU, small tensors make the step launch-bound). Switchable so tests can check that
    // both agree.
    void setFusedCpuKernel(bool enabled) { fusedCpuKernel_ = enabled; }

private:
    // Consecutive parameters of one device and dtype whose state is one flat tensor each.
    struct Bucket {
        std::vector<std::size_t> members;
        torch::Tensor expAvg, expAvgSq, stepCount;
        // Device copies of the bias-correction tables, refreshed when the step count outgrows them.
        torch::Tensor inverseCorrection1, inverseSqrtCorrection2;
    };

    void stepFused(std::size_t index, const torch::Tensor& mask, MaskMode mode, double gradientScale);
    void stepBucket(Bucket& bucket, const std::vector<torch::Tensor>& masks, MaskMode mode,
                    double gradientScale);
    std::pair<float, float> inverseBiasCorrections(std::int64_t n) const;  // 1/(1 − β1ⁿ), 1/√(1 − β2ⁿ)
    void appendBiasCorrection();
    void refreshCorrectionTables(Bucket& bucket) const;
    std::vector<torch::Tensor> membersOf(const Bucket& bucket) const;
    const torch::Tensor& allTrue(std::size_t index);

    std::vector<torch::Tensor> parameters_;
    AdamWOptions options_;
    std::vector<Bucket> buckets_;
    std::vector<torch::Tensor> expAvg_, expAvgSq_, stepCount_;  // per parameter: views into a bucket
    std::vector<torch::Tensor> allTrue_;  // per parameter, created on first need: a flat all-true mask

    // 1/(1 − β1ⁿ) and 1/√(1 − β2ⁿ) for every count n reached so far (index n): in hard mode
    // the counts differ per element, and a table lookup is cheaper than a power per element.
    std::vector<float> inverseCorrection1_{0.0f}, inverseSqrtCorrection2_{0.0f};
    bool fusedCpuKernel_ = true;
};

}  // namespace uegr
