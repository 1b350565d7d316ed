#pragma once
// One UEGR optimizer step (docs/METHOD.md, "One training step"): clean pass, embedding-space
// adversary, K adaptive-dropout passes, L = L_clean + λ_adv L_adv + λ_JS L_JS, one backward,
// then the engine's saliency, mask, clipping and masked update.
#include <string>

#include "train/training_method.h"

namespace uegr {

// Which parts of UEGR a method keeps: uegr keeps all; the ablations drop one each.
struct UegrVariant {
    bool mask = true;
    bool jsLoss = true;
    bool adversary = true;
    bool uniformDropout = false;

    static UegrVariant forMethod(const std::string& method);
};

class UegrStep : public TrainingMethod {
public:
    explicit UegrStep(UegrVariant variant) : variant_(variant) {}
    std::string dropoutRule(const RunConfig& config) const override;
    StepResult step(TrainingEngine& engine, const Batch& batch, const StepContext& context) override;

private:
    UegrVariant variant_;
};

}  // namespace uegr
