#pragma once
// State that every training method shares: the model, its parameters grouped into layers,
// the masked AdamW optimizer, saliency and mask state, and the adaptive dropout controller;
// plus the backward-stage update (saliency, mask, clipping, masked update) that UEGR and the
// baselines all run through.
#include <torch/torch.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "config/run_config.h"
#include "model/text_classifier.h"
#include "train/adaptive_dropout.h"
#include "train/masked_adamw.h"
#include "train/saliency.h"
#include "train/telemetry.h"

namespace uegr {

struct EngineParameter {
    std::string name;
    torch::Tensor tensor;
    std::size_t layer = 0;  // index into TrainingEngine::layers()
    bool eligible = false;  // subject to the mask (not matched by uegr.mask_exempt)
};

// What the backward stage does after the loss is known.
struct UpdatePlan {
    enum class Mask { None, Scheduled, Fixed };
    Mask mask = Mask::None;  // Scheduled: UEGR's top-ρ mask; Fixed: set by setFixedMasks
    MaskMode mode = MaskMode::Hard;
    bool feedImportance = false;  // pass this step's saliency to the dropout controller
    bool snapshot = false;        // produce a saliency snapshot of this step
};

struct UpdateResult {
    double gradNorm = 0;  // before clipping
    NamedValues maskDensity;
    double maskDensityGlobal = 1.0;
    std::optional<SaliencySnapshot> snapshot;
};

class TrainingEngine {
public:
    // The model must already live on its device. totalSteps drives the learning-rate schedule
    // and the mask warm-up; dropoutRule overrides uegr.dropout_rule (method ablations).
    TrainingEngine(TextClassifier model, const RunConfig& config, std::int64_t totalSteps,
                   const std::string& dropoutRule);

    TextClassifierImpl& model() { return *model_; }
    MaskedAdamW& optimizer() { return optimizer_; }
    AdaptiveDropout& dropout() { return dropout_; }
    const std::vector<EngineParameter>& parameters() const { return parameters_; }
    const std::vector<ParameterLayer>& layers() const { return layers_; }
    const RunConfig& config() const { return config_; }
    std::int64_t totalSteps() const { return totalSteps_; }
    std::int64_t maskWarmupSteps() const;

    // Rate per dropout site as the telemetry reports it (mean over the given passes).
    NamedValues siteRates(const std::vector<std::vector<double>>& passRates) const;

    // Sets the learning rate for `step` and clears the gradients.
    void beginStep(std::int64_t step);
    // Backpropagation has filled .grad(): saliency, mask, clipping, the masked update.
    UpdateResult applyUpdate(const UpdatePlan& plan, std::int64_t step);

    // A mask fixed for the whole run (ChildTuning-D): one bool tensor per parameter,
    // undefined for exempt parameters.
    void setFixedMasks(std::vector<torch::Tensor> masks);
    const std::vector<torch::Tensor>& masks() const { return masks_; }

    // Optimizer, saliency, mask and dropout-controller state for checkpoints.
    void save(torch::serialize::OutputArchive& archive) const;
    void load(torch::serialize::InputArchive& archive);

private:
    torch::Tensor updateSaliency(bool needTensors, bool needLayerMeans, std::vector<std::size_t>& summed);
    torch::Tensor recomputeMask();
    std::vector<torch::Tensor> eligibleTensors() const;  // in eligible_ order
    void countKeptElements();
    void fillDensities(UpdateResult& result, bool masked) const;
    SaliencySnapshot makeSnapshot(std::int64_t step) const;

    TextClassifier model_;
    RunConfig config_;
    std::int64_t totalSteps_;
    std::vector<EngineParameter> parameters_;
    std::vector<ParameterLayer> layers_;
    std::vector<std::size_t> siteLayers_;  // layer index of each dropout site
    std::vector<std::size_t> eligible_;    // indices of the eligible parameters, in order
    std::int64_t eligibleElements_ = 0;
    torch::Tensor eligibleEnds_;  // device: last flat index of each eligible parameter
    MaskedAdamW optimizer_;
    AdaptiveDropout dropout_;
    SaliencyKind saliencyKind_;
    // Saliency of the eligible parameters as one flat tensor (EMA when saliency_ema > 0), so
    // ranking and smoothing are a few kernels, not a few per parameter.
    torch::Tensor eligibleSaliency_;
    std::vector<double> saliencySums_;  // per parameter, Σ saliency (EMA alike)
    bool hasSaliency_ = false;
    std::vector<torch::Tensor> masks_;  // empty: everything updates
    std::vector<double> keptCounts_;    // per parameter, kept elements of masks_ (host copy)
};

// Cross-entropy of logits [B, C] against labels [B], batch mean.
torch::Tensor crossEntropy(const torch::Tensor& logits, const torch::Tensor& labels);

}  // namespace uegr
