#include "train/baseline_steps.h"
#include "train/parameter_mask.h"

namespace uegr {

void ChildTuningDStep::prepare(TrainingEngine& engine, const EncodedDataset& train) {
    TextClassifierImpl& model = engine.model();
    const RunConfig& config = engine.config();
    const auto& parameters = engine.parameters();
    const torch::Device device = parameters.front().tensor.device();
    std::vector<torch::Tensor> fisher(parameters.size());
    for (std::size_t i = 0; i < parameters.size(); ++i)
        if (parameters[i].eligible) fisher[i] = torch::zeros_like(parameters[i].tensor);

    // The Fisher estimate uses the model without dropout, so it is a property of the
    // initial weights rather than of one dropout draw.
    const bool wasTraining = model.is_training();
    model.eval();
    const auto batches = makeBatchIndices(train.size(), config.training.batchSize, /*shuffle=*/true,
                                          config.training.seed + 0xC417D);
    const std::size_t limit = config.training.childtuningBatches > 0
                                  ? std::min(batches.size(), static_cast<std::size_t>(config.training.childtuningBatches))
                                  : batches.size();
    for (std::size_t b = 0; b < limit; ++b) {
        const Batch batch = train.makeBatch(batches[b]).to(device);
        engine.optimizer().zeroGrad();
        crossEntropy(model.forward(batch.inputIds, batch.attentionMask), batch.labels).backward();
        const torch::NoGradGuard noGrad;
        for (std::size_t i = 0; i < parameters.size(); ++i)
            if (fisher[i].defined() && parameters[i].tensor.grad().defined())
                fisher[i].addcmul_(parameters[i].tensor.grad(), parameters[i].tensor.grad());
    }
    engine.optimizer().zeroGrad();
    model.train(wasTraining);

    std::vector<torch::Tensor> eligibleFisher;
    for (const auto& value : fisher)
        if (value.defined()) eligibleFisher.push_back(value);
    const std::vector<torch::Tensor> kept =
        selectKeptElements(eligibleFisher, config.uegr.keepRatio, config.uegr.maskRank == "global");
    std::vector<torch::Tensor> masks(parameters.size());
    for (std::size_t i = 0, j = 0; i < parameters.size(); ++i)
        if (fisher[i].defined()) masks[i] = kept[j++];
    engine.setFixedMasks(std::move(masks));
}

StepResult ChildTuningDStep::step(TrainingEngine& engine, const Batch& batch, const StepContext& context) {
    TextClassifierImpl& model = engine.model();
    engine.beginStep(context.step);
    const std::vector<double> rates = model.defaultDropoutRates();
    LossTerms loss;
    loss.total = crossEntropy(model.forward(batch.inputIds, batch.attentionMask), batch.labels);
    loss.clean = lossValue(loss.total);
    UpdatePlan plan;
    plan.mask = UpdatePlan::Mask::Fixed;
    plan.mode = MaskMode::Soft;
    plan.snapshot = context.snapshot;
    return finishStep(engine, loss, plan, context, engine.siteRates({rates}));
}

}  // namespace uegr
