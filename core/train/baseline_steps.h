#pragma once
// The baselines of docs/METHOD.md, run on the same engine (optimizer, clipping, schedule,
// telemetry) as UEGR so that comparisons differ only in the method.
#include "train/training_method.h"

namespace uegr {

// Plain fine-tuning: one pass with the model's ordinary dropout, cross-entropy, AdamW.
class VanillaStep : public TrainingMethod {
public:
    StepResult step(TrainingEngine& engine, const Batch& batch, const StepContext& context) override;
};

// R-Drop: two passes with the ordinary dropout, mean CE + training.rdrop_alpha · symmetric KL
// (reported as loss_js).
class RDropStep : public TrainingMethod {
public:
    StepResult step(TrainingEngine& engine, const Batch& batch, const StepContext& context) override;
};

// FreeLB/PGD-style adversarial training: clean CE + CE on e + δ, δ from the uegr.adv_* search.
class FreeLbStep : public TrainingMethod {
public:
    StepResult step(TrainingEngine& engine, const Batch& batch, const StepContext& context) override;
};

// ChildTuning-D: a Fisher-information mask over the eligible parameters, computed once before
// training (training.childtuning_batches batches, 0 = one epoch), keep ratio uegr.keep_ratio,
// ranked as uegr.mask_rank says, soft mode; the step itself is vanilla.
class ChildTuningDStep : public TrainingMethod {
public:
    void prepare(TrainingEngine& engine, const EncodedDataset& train) override;
    StepResult step(TrainingEngine& engine, const Batch& batch, const StepContext& context) override;
};

}  // namespace uegr
