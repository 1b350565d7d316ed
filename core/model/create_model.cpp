// createModel (declared in text_classifier.h): checks the dimensions a model needs and builds
// the architecture model.type names.
#include <string>

#include "model/bilstm_classifier.h"
#include "model/text_classifier.h"
#include "model/text_cnn.h"
#include "model/transformer_classifier.h"
#include "util/error.h"

namespace uegr {
namespace {

void requirePositive(const std::string& key, std::int64_t value) {
    if (value < 1) throw ConfigError(key, "must be at least 1, got " + std::to_string(value));
}

}  // namespace

TextClassifier createModel(const ModelConfig& config, std::int64_t vocabSize, int numLabels, int maxLength) {
    if (vocabSize < 1) throw Error("cannot build a model for an empty vocabulary");
    if (numLabels < 1) throw Error("cannot build a model without labels");
    if (!(config.dropout >= 0.0 && config.dropout < 1.0))
        throw ConfigError("model.dropout", "must be in [0, 1), got " + std::to_string(config.dropout));
    requirePositive("model.embedding_dim", config.embeddingDim);

    if (config.type == "textcnn") {
        if (config.kernelSizes.empty())
            throw ConfigError("model.kernel_sizes", "needs at least one kernel size");
        for (int size : config.kernelSizes) requirePositive("model.kernel_sizes", size);
        requirePositive("model.num_filters", config.numFilters);
        return std::make_shared<TextCnnImpl>(config, vocabSize, numLabels);
    }
    if (config.type == "bilstm") {
        requirePositive("model.hidden_dim", config.hiddenDim);
        requirePositive("model.num_layers", config.numLayers);
        return std::make_shared<BiLstmClassifierImpl>(config, vocabSize, numLabels);
    }
    if (config.type == "transformer") {
        requirePositive("model.hidden_dim", config.hiddenDim);
        requirePositive("model.num_layers", config.numLayers);
        requirePositive("model.num_heads", config.numHeads);
        requirePositive("model.ff_dim", config.ffDim);
        requirePositive("data.max_length", maxLength);
        if (config.hiddenDim % config.numHeads != 0)
            throw ConfigError("model.num_heads", "must divide model.hidden_dim (" +
                                                     std::to_string(config.hiddenDim) + "), got " +
                                                     std::to_string(config.numHeads));
        return std::make_shared<TransformerClassifierImpl>(config, vocabSize, numLabels, maxLength);
    }
    if (config.type == "hf")
        throw Error("model.type \"hf\" is a pretrained folder: load it with loadPretrainedModel");
    throw ConfigError("model.type",
                      "unknown model type \"" + config.type + "\" (textcnn, bilstm, transformer or hf)");
}

}  // namespace uegr
