#include "model/pretrained_model.h"

#include <filesystem>

#include "model/hf_classifier.h"
#include "model/model_allocation.h"
#include "util/error.h"
#include "util/join.h"

namespace uegr {
namespace {

constexpr const char* kHowToAllow = "--allow-missing-weights or model.allow_missing_weights";
constexpr std::size_t kNamesShown = 3;

// "a, b, c and 12 more": the first names, so the message stays one short line.
std::string someNames(const std::vector<std::string>& names) {
    if (names.size() <= kNamesShown) return joinWithCommas(names);
    const std::vector<std::string> shown(names.begin(), names.begin() + kNamesShown);
    return joinWithCommas(shown) + " and " + std::to_string(names.size() - kNamesShown) + " more";
}

}  // namespace

PretrainedModel loadPretrainedModel(const ModelConfig& config, int numLabels, int maxLength) {
    if (!std::filesystem::is_directory(config.path))
        throw ConfigError("model.path", "\"" + config.path + "\" is not a folder");
    if (!isHfModelFolder(config.path))
        throw ConfigError(
            "model.path",
            "\"" + config.path + "\" is not a Hugging Face model folder (config.json with a model_type)");
    const HfModelInfo info = readHfModelInfo(config.path);
    const std::int64_t positionLimit = usablePositions(info);
    if (maxLength > positionLimit)
        throw ConfigError("data.max_length", "is " + std::to_string(maxLength) + ", but " + config.path +
                                                 " has positions for " + std::to_string(positionLimit) +
                                                 " tokens");

    PretrainedModel pretrained;
    pretrained.encoder = TextEncoder::subword(loadSubwordTokenizer(config.path));
    HfLoadReport report;
    pretrained.model = buildDescribedModel(
        (std::filesystem::path(config.path) / "config.json").string(),
        [&] { return loadHfClassifier(config.path, numLabels, config.dropout, &report); });
    const HfLoadNotes notes =
        reviewHfLoad(config.path, info, report, numLabels, {config.allowMissingWeights, true});

    pretrained.notes.push_back("loaded " + info.modelType + " from " + config.path + " (" +
                               std::to_string(info.numLayers) + " layers, hidden " +
                               std::to_string(info.hiddenSize) + ", " +
                               pretrained.encoder.subwordTokenizer()->kind() + " tokenizer)");
    for (const std::string& line : notes.info) pretrained.notes.push_back(line);
    for (const std::string& warning : notes.warnings) pretrained.notes.push_back("warning: " + warning);
    return pretrained;
}

HfLoadNotes reviewHfLoad(const std::string& folder, const HfModelInfo& info, const HfLoadReport& report,
                         int numLabels, const HfWeightsPolicy& policy) {
    const std::string weightsFile = (std::filesystem::path(folder) / "model.safetensors").string();
    HfLoadNotes notes;
    const std::vector<std::string>& missing = policy.fineTuning ? report.missingOutsideHead : report.missing;
    if (!info.hasWeights) {
        if (!policy.allowMissingWeights)
            throw InputError(folder, 0,
                             std::string("no model.safetensors: every weight would be random (") +
                                 kHowToAllow + " starts from random weights on purpose)");
        notes.warnings.push_back(folder + " has no model.safetensors; every weight is random");
    } else if (!missing.empty()) {
        if (!policy.allowMissingWeights)
            throw InputError(weightsFile, 0,
                             "lacks " + std::to_string(missing.size()) + " weight(s) the architecture in " +
                                 "config.json needs: " + someNames(missing) + " (" + kHowToAllow +
                                 " initialises them)");
        notes.warnings.push_back("weights missing from the checkpoint (initialised randomly): " +
                                 joinWithCommas(missing));
    }
    if (!report.unexpected.empty())
        notes.warnings.push_back("weights in the checkpoint the model does not use: " +
                                 joinWithCommas(report.unexpected));
    if (!report.headInitialised) return notes;
    const std::string newHead = "classifier head initialised for " + std::to_string(numLabels) + " labels";
    if (policy.fineTuning) {
        notes.info.push_back(newHead + " (the checkpoint has none for them: normal for a base model)");
    } else if (report.missing.empty()) {  // the file has a head, for another label count
        if (!policy.allowMissingWeights)
            throw InputError(weightsFile, 0,
                             "its classifier head does not have " + std::to_string(numLabels) +
                                 " outputs, one per label of config.json's id2label (" + kHowToAllow +
                                 " replaces it)");
        notes.warnings.push_back(newHead + " (not fine-tuned)");
    }
    return notes;
}

}  // namespace uegr
