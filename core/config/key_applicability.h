#pragma once
// Which configuration keys a run reads, given its model type, data files and training method.
// A key that does not apply has no effect on training: tests/engine/test_key_applicability.cpp
// checks that against the engine for every method. The studio disables such keys' editors.
#include <string>
#include <string_view>
#include <vector>

#include "config/run_config.h"

namespace uegr {

// The parts of the UEGR step a training method runs (docs/METHOD.md, "Ablations and baselines").
struct MethodParts {
    bool uegrStep = false;        // uegr and its ablations: clean pass, K dropout passes, L_adv
    bool adversary = false;       // embedding-space adversary (uegr family except uegr_no_adv; freelb)
    bool jsLoss = false;          // λ_JS L_JS across the passes
    bool scheduledMask = false;   // saliency mask recomputed during training
    bool fixedMask = false;       // ChildTuning-D's mask, chosen once before training
    bool uniformDropout = false;  // pass dropout rates drawn uniformly, whatever dropout_rule says
};
MethodParts methodParts(const std::string& method);  // all false for an unknown method

enum class KeyCondition {
    HfModel,             // model.type hf
    ScratchModel,        // any model type but hf
    RecurrentOrEncoder,  // bilstm or transformer
    TransformerModel,
    TextCnnModel,
    NoDevFile,
    NoTestFile,
    RDropMethod,
    ChildTuningMethod,
    UegrStep,  // uegr and its ablations
    Adversary,
    AdversaryUniformStart,
    JsLoss,
    DropoutRuleChoice,  // the UEGR step with a dropout rule of the config's choosing
    ImportanceDropout,  // the UEGR step with importance-driven dropout
    Saliency,           // parameter saliency is computed: for a scheduled mask or the dropout's importance
    ScheduledMask,
    AnyMask,  // a scheduled or a fixed mask
};

struct ConditionalKeys {
    KeyCondition condition;
    std::vector<std::string> keys;  // section.key
};

const std::vector<ConditionalKeys>& conditionalKeys();
bool conditionHolds(KeyCondition condition, const RunConfig& config);
// False only for a conditional key whose condition does not hold for `config`.
bool keyApplies(const RunConfig& config, std::string_view key);

}  // namespace uegr
