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
    // RoBERTa's positions start after the padding index, so two rows of its table are unusable.
    const std::int64_t positionLimit =
        info.modelType == "roberta" ? info.maxPositions - 2 : info.maxPositions;
    if (maxLength > positionLimit)
        throw ConfigError("data.max_length", "is " + std::to_string(maxLength) + ", but " + config.path +
                                                 " has positions for " + std::to_string(positionLimit) +
                                                 " tokens");

    PretrainedModel pretrained;
    pretrained.encoder = TextEncoder::subword(loadSubwordTokenizer(config.path));
    HfLoadReport report;
    pretrained.model = loadHfClassifier(config.path, numLabels, config.dropout, &report);

    const std::string name = info.modelType + " from " + config.path;
    pretrained.notes.push_back("loaded " + name + " (" + std::to_string(info.numLayers) + " layers, hidden " +
                               std::to_string(info.hiddenSize) + ", " +
                               pretrained.encoder.subwordTokenizer()->kind() + " tokenizer)");
    if (!info.hasWeights)
        pretrained.notes.push_back("warning: " + config.path +
                                   " has no model.safetensors; every weight is random");
    if (!report.missing.empty())
        pretrained.notes.push_back("warning: weights missing from the checkpoint (initialised randomly): " +
                                   joinWithCommas(report.missing));
    if (!report.unexpected.empty())
        pretrained.notes.push_back("weights in the checkpoint the model does not use: " +
                                   joinWithCommas(report.unexpected));
    if (report.headInitialised)
        pretrained.notes.push_back("classifier head initialised for " + std::to_string(numLabels) +
                                   " labels");
    return pretrained;
}

}  // namespace uegr
