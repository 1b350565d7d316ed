#include "train/adversary.h"
#include "train/baseline_steps.h"

namespace uegr {

StepResult FreeLbStep::step(TrainingEngine& engine, const Batch& batch, const StepContext& context) {
    TextClassifierImpl& model = engine.model();
    engine.beginStep(context.step);
    const std::vector<double> rates = model.defaultDropoutRates();
    const EmbeddingAdversary adversary(AdversaryOptions::fromConfig(engine.config().uegr));
    const bool zeroStart = !adversary.options().uniformInit || adversary.options().initMagnitude <= 0;

    const torch::Tensor embeddings = model.embed(batch.inputIds);
    const torch::Tensor cleanLoss =
        crossEntropy(model.forwardEmbedded(embeddings, batch.attentionMask, rates), batch.labels);
    const torch::Tensor cleanGradient =
        zeroStart ? backwardForEmbeddingGradient(cleanLoss, embeddings, context.step) : torch::Tensor();
    const auto lossAt = [&](const torch::Tensor& input) {
        return crossEntropy(model.forwardEmbedded(input, batch.attentionMask, rates), batch.labels);
    };
    const torch::Tensor delta = adversary.search(embeddings, batch.attentionMask, lossAt, cleanGradient);
    const torch::Tensor adversarialLoss = lossAt(embeddings + delta);

    LossTerms loss;
    loss.total = cleanLoss + adversarialLoss;
    if (zeroStart) {
        loss.partlyBackpropagated = true;
        loss.remaining = adversarialLoss;
    }
    loss.clean = lossValue(cleanLoss);
    loss.adversarial = lossValue(adversarialLoss);
    UpdatePlan plan;
    plan.snapshot = context.snapshot;
    return finishStep(engine, loss, plan, context, engine.siteRates({rates, rates}));
}

}  // namespace uegr
