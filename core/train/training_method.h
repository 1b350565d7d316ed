#pragma once
// A training method is the forward stage of one optimizer step (UEGR or a baseline); the
// backward stage is TrainingEngine::applyUpdate, shared by all of them.
#include <torch/torch.h>

#include <memory>
#include <optional>
#include <string>

#include "text/batching.h"
#include "train/telemetry.h"
#include "train/training_engine.h"
#include "util/error.h"

namespace uegr {

struct StepContext {
    std::int64_t step = 0;  // 1-based
    bool snapshot = false;  // produce a saliency snapshot
};

struct StepResult {
    StepTelemetry telemetry;  // loss terms, lr, grad norm, dropout rates, mask density
    std::optional<SaliencySnapshot> snapshot;
};

// Thrown before backpropagation when a loss term is NaN or infinite; nothing was updated.
class NonFiniteLossError : public Error {
public:
    explicit NonFiniteLossError(const std::string& message) : Error(message) {}
};

class TrainingMethod {
public:
    virtual ~TrainingMethod() = default;
    // The rule the engine's adaptive dropout controller follows under this method.
    virtual std::string dropoutRule(const RunConfig& config) const { return config.uegr.dropoutRule; }
    // Runs once before the first step of a fresh (not resumed) run.
    virtual void prepare(TrainingEngine& /*engine*/, const EncodedDataset& /*train*/) {}
    virtual StepResult step(TrainingEngine& engine, const Batch& batch, const StepContext& context) = 0;
};

// training.method: uegr, its ablations and the baselines. Throws ConfigError for others.
std::unique_ptr<TrainingMethod> createTrainingMethod(const std::string& method);

// Loss terms of one step, before backpropagation.
struct LossTerms {
    torch::Tensor total;  // L
    // A method that already backpropagated one term (UEGR's clean loss, whose gradient w.r.t. e
    // seeds the adversary) sets partlyBackpropagated; `remaining` (may be undefined) is the rest.
    bool partlyBackpropagated = false;
    torch::Tensor remaining;
    double clean = 0, adversarial = 0, consistency = 0;  // L_clean, L_adv, L_JS (or R-Drop's KL)
};

// The common tail of every method: checks the loss is finite, backpropagates once and runs the
// engine's backward stage.
StepResult finishStep(TrainingEngine& engine, const LossTerms& loss, const UpdatePlan& plan,
                      const StepContext& context, NamedValues dropoutRates);

// Backpropagates the clean loss right away (after checking it is finite) and returns its
// gradient w.r.t. the embeddings e, the adversary's first g.
torch::Tensor backwardForEmbeddingGradient(const torch::Tensor& loss, const torch::Tensor& embeddings,
                                           std::int64_t step);

// Scalar value of a loss term (0 when undefined).
double lossValue(const torch::Tensor& term);

}  // namespace uegr
