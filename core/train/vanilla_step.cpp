#include "train/baseline_steps.h"

namespace uegr {

StepResult VanillaStep::step(TrainingEngine& engine, const Batch& batch, const StepContext& context) {
    TextClassifierImpl& model = engine.model();
    engine.beginStep(context.step);
    const std::vector<double> rates = model.defaultDropoutRates();
    LossTerms loss;
    loss.total = crossEntropy(model.forwardEmbedded(model.embed(batch.inputIds), batch.attentionMask, rates),
                              batch.labels);
    loss.clean = lossValue(loss.total);
    UpdatePlan plan;
    plan.snapshot = context.snapshot;
    return finishStep(engine, loss, plan, context, engine.siteRates({rates}));
}

}  // namespace uegr
