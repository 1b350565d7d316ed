#include "model/pretrained_model.h"

#include <filesystem>

#include "model/hf_classifier.h"
#include "util/error.h"
#include "util/join.h"

namespace uegr {

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
    pretrained.model = loadHfClassifier(config.path, numLabels, config.dropout, &report);

    pretrained.notes.push_back("loaded " + info.modelType + " from " + config.path + " (" +
                               std::to_string(info.numLayers) + " layers, hidden " +
                               std::to_string(info.hiddenSize) + ", " +
                               pretrained.encoder.subwordTokenizer()->kind() + " tokenizer)");
    for (const std::string& warning : hfLoadWarnings(config.path, info, report, numLabels))
        pretrained.notes.push_back("warning: " + warning);
    return pretrained;
}

std::vector<std::string> hfLoadWarnings(const std::string& folder, const HfModelInfo& info,
                                        const HfLoadReport& report, int numLabels) {
    std::vector<std::string> warnings;
    if (!info.hasWeights) warnings.push_back(folder + " has no model.safetensors; every weight is random");
    if (!report.missing.empty())
        warnings.push_back("weights missing from the checkpoint (initialised randomly): " +
                           joinWithCommas(report.missing));
    if (!report.unexpected.empty())
        warnings.push_back("weights in the checkpoint the model does not use: " +
                           joinWithCommas(report.unexpected));
    if (report.headInitialised)
        warnings.push_back("classifier head initialised for " + std::to_string(numLabels) +
                           " labels (not fine-tuned)");
    return warnings;
}

}  // namespace uegr
