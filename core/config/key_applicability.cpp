#include "config/key_applicability.h"

#include <algorithm>
#include <iterator>

namespace uegr {

MethodParts methodParts(const std::string& method) {
    static const std::string kUegrFamily[] = {"uegr", "uegr_no_mask", "uegr_no_js", "uegr_no_adv",
                                              "uegr_uniform_dropout"};
    MethodParts parts;
    parts.adversary = method == "freelb";
    parts.fixedMask = method == "childtuning_d";
    if (std::find(std::begin(kUegrFamily), std::end(kUegrFamily), method) == std::end(kUegrFamily))
        return parts;
    parts.uegrStep = true;
    parts.adversary = method != "uegr_no_adv";
    parts.jsLoss = method != "uegr_no_js";
    parts.scheduledMask = method != "uegr_no_mask";
    parts.uniformDropout = method == "uegr_uniform_dropout";
    return parts;
}

const std::vector<ConditionalKeys>& conditionalKeys() {
    static const std::vector<ConditionalKeys> table{
        {KeyCondition::HfModel, {"model.path", "model.allow_missing_weights"}},
        // A pretrained folder brings its own architecture and tokenizer.
        {KeyCondition::ScratchModel,
         {"model.embedding_dim", "data.lowercase", "data.min_count", "data.max_vocab"}},
        {KeyCondition::RecurrentOrEncoder, {"model.hidden_dim", "model.num_layers"}},
        {KeyCondition::TransformerModel, {"model.num_heads", "model.ff_dim"}},
        {KeyCondition::TextCnnModel, {"model.kernel_sizes", "model.num_filters"}},
        {KeyCondition::NoDevFile, {"data.dev_ratio"}},
        {KeyCondition::NoTestFile, {"data.test_ratio"}},
        {KeyCondition::RDropMethod, {"training.rdrop_alpha"}},
        {KeyCondition::ChildTuningMethod, {"training.childtuning_batches"}},
        {KeyCondition::UegrStep,
         {"uegr.use_clean_loss", "uegr.passes", "uegr.lambda_adv", "uegr.dropout_min", "uegr.dropout_max"}},
        {KeyCondition::Adversary,
         {"uegr.adv_steps", "uegr.adv_step_size", "uegr.adv_max_norm", "uegr.adv_scale", "uegr.adv_init"}},
        {KeyCondition::AdversaryUniformStart, {"uegr.adv_init_mag"}},
        {KeyCondition::JsLoss, {"uegr.lambda_js"}},
        {KeyCondition::DropoutRuleChoice, {"uegr.dropout_rule"}},
        {KeyCondition::ImportanceDropout, {"uegr.importance_ema", "uegr.dropout_jitter"}},
        {KeyCondition::Saliency, {"uegr.saliency", "uegr.saliency_ema"}},
        {KeyCondition::ScheduledMask, {"uegr.mask_every", "uegr.mask_warmup_ratio", "uegr.mask_mode"}},
        {KeyCondition::AnyMask, {"uegr.keep_ratio", "uegr.mask_rank", "uegr.mask_exempt"}},
    };
    return table;
}

bool conditionHolds(KeyCondition condition, const RunConfig& config) {
    const std::string& type = config.model.type;
    const MethodParts parts = methodParts(config.training.method);
    const bool importance =
        parts.uegrStep && !parts.uniformDropout && config.uegr.dropoutRule == "importance";
    switch (condition) {
        case KeyCondition::HfModel:
            return type == "hf";
        case KeyCondition::ScratchModel:
            return type != "hf";
        case KeyCondition::RecurrentOrEncoder:
            return type == "bilstm" || type == "transformer";
        case KeyCondition::TransformerModel:
            return type == "transformer";
        case KeyCondition::TextCnnModel:
            return type == "textcnn";
        case KeyCondition::NoDevFile:
            return config.data.dev.empty();
        case KeyCondition::NoTestFile:
            return config.data.test.empty();
        case KeyCondition::RDropMethod:
            return config.training.method == "rdrop";
        case KeyCondition::ChildTuningMethod:
            return parts.fixedMask;
        case KeyCondition::UegrStep:
            return parts.uegrStep;
        case KeyCondition::Adversary:
            return parts.adversary;
        case KeyCondition::AdversaryUniformStart:
            return parts.adversary && config.uegr.advInit == "uniform";
        case KeyCondition::JsLoss:
            return parts.uegrStep && parts.jsLoss;
        case KeyCondition::DropoutRuleChoice:
            return parts.uegrStep && !parts.uniformDropout;
        case KeyCondition::ImportanceDropout:
            return importance;
        case KeyCondition::Saliency:
            return parts.scheduledMask || importance;
        case KeyCondition::ScheduledMask:
            return parts.scheduledMask;
        case KeyCondition::AnyMask:
            return parts.scheduledMask || parts.fixedMask;
    }
    return true;
}

bool keyApplies(const RunConfig& config, std::string_view key) {
    for (const ConditionalKeys& conditional : conditionalKeys())
        for (const std::string& listed : conditional.keys)
            if (listed == key) return conditionHolds(conditional.condition, config);
    return true;
}

}  // namespace uegr
