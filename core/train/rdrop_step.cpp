#include "train/baseline_steps.h"
#include "train/js_divergence.h"

namespace uegr {

StepResult RDropStep::step(TrainingEngine& engine, const Batch& batch, const StepContext& context) {
    TextClassifierImpl& model = engine.model();
    engine.beginStep(context.step);
    const std::vector<double> rates = model.defaultDropoutRates();
    const torch::Tensor embeddings = model.embed(batch.inputIds);
    const torch::Tensor first = model.forwardEmbedded(embeddings, batch.attentionMask, rates);
    const torch::Tensor second = model.forwardEmbedded(embeddings, batch.attentionMask, rates);
    const torch::Tensor ce = (crossEntropy(first, batch.labels) + crossEntropy(second, batch.labels)) / 2;
    const torch::Tensor kl = symmetricKl(first, second);
    LossTerms loss;
    loss.total = ce + engine.config().training.rdropAlpha * kl;
    loss.clean = lossValue(ce);
    loss.consistency = lossValue(kl);
    UpdatePlan plan;
    plan.snapshot = context.snapshot;
    return finishStep(engine, loss, plan, context, engine.siteRates({rates, rates}));
}

}  // namespace uegr
