#include "train/uegr_step.h"

#include "config/key_applicability.h"
#include "train/adversary.h"
#include "train/js_divergence.h"

namespace uegr {

UegrVariant UegrVariant::forMethod(const std::string& method) {
    const MethodParts parts = methodParts(method);
    UegrVariant variant;
    variant.mask = parts.scheduledMask;
    variant.jsLoss = parts.jsLoss;
    variant.adversary = parts.adversary;
    variant.uniformDropout = parts.uniformDropout;
    return variant;
}

std::string UegrStep::dropoutRule(const RunConfig& config) const {
    return variant_.uniformDropout ? "uniform" : config.uegr.dropoutRule;
}

StepResult UegrStep::step(TrainingEngine& engine, const Batch& batch, const StepContext& context) {
    const UegrConfig& options = engine.config().uegr;
    TextClassifierImpl& model = engine.model();
    engine.beginStep(context.step);
    const torch::Tensor& attentionMask = batch.attentionMask;
    const torch::Tensor& labels = batch.labels;
    const std::vector<double> ordinaryDropout = model.defaultDropoutRates();

    // Forward stage, 1: clean pass. Its gradient w.r.t. e is the adversary's first g when δ
    // starts at zero, so the search costs no extra pass for m = 1.
    const torch::Tensor embeddings = model.embed(batch.inputIds);
    const EmbeddingAdversary adversary(AdversaryOptions::fromConfig(options));
    const bool attack = variant_.adversary && options.advSteps > 0;
    const bool zeroStart = !adversary.options().uniformInit || adversary.options().initMagnitude <= 0;
    LossTerms loss;
    torch::Tensor cleanLoss, cleanGradient;
    if (options.useCleanLoss || (attack && zeroStart)) {
        cleanLoss = crossEntropy(model.forwardEmbedded(embeddings, attentionMask, ordinaryDropout), labels);
        loss.clean = lossValue(cleanLoss);
        if (attack && zeroStart && options.useCleanLoss) {
            cleanGradient = backwardForEmbeddingGradient(cleanLoss, embeddings, context.step);
            loss.partlyBackpropagated = true;
        } else if (attack && zeroStart) {
            cleanGradient = torch::autograd::grad({cleanLoss}, {embeddings})[0];
        }
    }

    // 2: adversarial perturbation δ in embedding space (detached).
    torch::Tensor perturbed = embeddings;
    if (attack) {
        const auto adversarialLoss = [&](const torch::Tensor& input) {
            return crossEntropy(model.forwardEmbedded(input, attentionMask, ordinaryDropout), labels);
        };
        perturbed = embeddings + adversary.search(embeddings, attentionMask, adversarialLoss, cleanGradient);
    }

    // 3-4: K sub-model passes under adaptive dropout; L_adv and the generalised JS across them.
    const int passes = std::max(options.passes, 0);
    const std::vector<std::vector<double>> rates = engine.dropout().sampleRates(passes);
    std::vector<torch::Tensor> logits;
    torch::Tensor adversarialSum;
    for (int k = 0; k < passes; ++k) {
        logits.push_back(model.forwardEmbedded(perturbed, attentionMask, rates[static_cast<std::size_t>(k)]));
        const torch::Tensor ce = crossEntropy(logits.back(), labels);
        adversarialSum = adversarialSum.defined() ? adversarialSum + ce : ce;
    }
    torch::Tensor passTerms;  // λ_adv L_adv + λ_JS L_JS
    if (passes > 0) {
        const torch::Tensor adversarialLoss = adversarialSum / passes;
        loss.adversarial = lossValue(adversarialLoss);
        passTerms = options.lambdaAdv * adversarialLoss;
        if (variant_.jsLoss && options.lambdaJs > 0) {
            const torch::Tensor js = jsDivergence(logits);
            loss.consistency = lossValue(js);
            passTerms = passTerms + options.lambdaJs * js;
        } else {
            // Still reported, so the ablation's plots stay comparable.
            const torch::NoGradGuard noGrad;
            std::vector<torch::Tensor> detached;
            for (const auto& z : logits) detached.push_back(z.detach());
            loss.consistency = lossValue(jsDivergence(detached));
        }
    }
    if (!options.useCleanLoss && !passTerms.defined())
        throw ConfigError("uegr.passes", "with use_clean_loss off, at least one pass is needed for a loss");
    // L = L_clean + λ_adv L_adv + λ_JS L_JS; `remaining` is what is left to backpropagate.
    if (loss.partlyBackpropagated) {
        loss.remaining = passTerms;
        loss.total = passTerms.defined() ? cleanLoss.detach() + passTerms.detach() : cleanLoss.detach();
    } else if (options.useCleanLoss) {
        loss.total = passTerms.defined() ? cleanLoss + passTerms : cleanLoss;
    } else {
        loss.total = passTerms;
    }

    // Backward stage: one backward, saliency, mask, clipping, masked update.
    UpdatePlan plan;
    plan.mask = variant_.mask ? UpdatePlan::Mask::Scheduled : UpdatePlan::Mask::None;
    plan.mode = options.maskMode == "soft" ? MaskMode::Soft : MaskMode::Hard;
    plan.feedImportance = dropoutRule(engine.config()) == "importance";
    plan.snapshot = context.snapshot;
    return finishStep(engine, loss, plan, context, engine.siteRates(rates));
}

}  // namespace uegr
