#include "train/training_method.h"

#include <cmath>

#include "config/key_applicability.h"
#include "train/baseline_steps.h"
#include "train/uegr_step.h"

namespace uegr {

double lossValue(const torch::Tensor& term) { return term.defined() ? term.detach().item<double>() : 0.0; }

torch::Tensor backwardForEmbeddingGradient(const torch::Tensor& loss, const torch::Tensor& embeddings,
                                           std::int64_t step) {
    if (!std::isfinite(lossValue(loss))) throw NonFiniteLossError("non-finite loss at step " + std::to_string(step));
    // Gradients add up, so backpropagating L_clean now and the rest later gives ∇L exactly,
    // and the clean graph is traversed once instead of twice (autograd::grad, then backward).
    // retain_graph keeps the embedding lookup's graph for the later passes through e.
    const_cast<torch::Tensor&>(embeddings).retain_grad();
    loss.backward({}, /*retain_graph=*/true);
    return embeddings.grad().detach();
}

StepResult finishStep(TrainingEngine& engine, const LossTerms& loss, const UpdatePlan& plan,
                      const StepContext& context, NamedValues dropoutRates) {
    StepResult result;
    StepTelemetry& telemetry = result.telemetry;
    telemetry.step = context.step;
    telemetry.totalSteps = engine.totalSteps();
    telemetry.loss = lossValue(loss.total);
    telemetry.lossClean = loss.clean;
    telemetry.lossAdv = loss.adversarial;
    telemetry.lossJs = loss.consistency;
    if (!std::isfinite(telemetry.loss))
        throw NonFiniteLossError("non-finite loss at step " + std::to_string(context.step));
    const torch::Tensor& pending = loss.partlyBackpropagated ? loss.remaining : loss.total;
    if (pending.defined()) pending.backward();
    UpdateResult update = engine.applyUpdate(plan, context.step);
    telemetry.lr = engine.optimizer().learningRate();
    telemetry.gradNorm = update.gradNorm;
    telemetry.dropoutRates = std::move(dropoutRates);
    telemetry.maskDensity = std::move(update.maskDensity);
    telemetry.maskDensityGlobal = update.maskDensityGlobal;
    result.snapshot = std::move(update.snapshot);
    return result;
}

std::unique_ptr<TrainingMethod> createTrainingMethod(const std::string& method) {
    if (method == "vanilla") return std::make_unique<VanillaStep>();
    if (method == "rdrop") return std::make_unique<RDropStep>();
    if (method == "freelb") return std::make_unique<FreeLbStep>();
    if (method == "childtuning_d") return std::make_unique<ChildTuningDStep>();
    if (methodParts(method).uegrStep) return std::make_unique<UegrStep>(UegrVariant::forMethod(method));
    throw ConfigError("training.method",
                      "unknown method \"" + method +
                          "\" (uegr | vanilla | rdrop | freelb | childtuning_d | uegr_no_mask | uegr_no_js | "
                          "uegr_no_adv | uegr_uniform_dropout)");
}

}  // namespace uegr
