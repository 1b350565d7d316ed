// config.json of a Hugging Face model folder -> HfArchitecture / HfModelInfo.
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>

#include "model/hf_architecture.h"
#include "util/atomic_file.h"
#include "util/error.h"
#include "util/json_text.h"

namespace uegr {
namespace {

namespace fs = std::filesystem;

// Far above any released BERT, RoBERTa or ALBERT (vocabularies of 250k, widths of 4096).
constexpr std::int64_t kMaxDimension = std::int64_t{1} << 20;
constexpr std::int64_t kMaxVocabulary = std::int64_t{1} << 24;
constexpr std::int64_t kMaxLayers = 1024;

class ConfigReader {
public:
    ConfigReader(const nlohmann::json& config, std::string path) : config_(config), path_(std::move(path)) {}

    [[noreturn]] void fail(const std::string& key, const std::string& problem) const {
        throw InputError(path_, 0, "\"" + key + "\" " + problem);
    }

    std::optional<std::int64_t> optionalInt(const std::string& key) const {
        const auto it = config_.find(key);
        if (it == config_.end() || it->is_null()) return std::nullopt;
        if (!it->is_number_integer()) fail(key, "must be an integer (got " + excerpt(it->dump()) + ")");
        return it->get<std::int64_t>();
    }
    // `limit` keeps products of dimensions (parameter counts) far from int64 overflow.
    std::int64_t positive(const std::string& key, std::optional<std::int64_t> fallback,
                          std::int64_t limit = kMaxDimension) const {
        const std::optional<std::int64_t> value = optionalInt(key);
        if (!value && !fallback) fail(key, "is missing");
        const std::int64_t result = value ? *value : *fallback;
        if (result <= 0 || result > limit)
            fail(key, "must be an integer in [1, " + std::to_string(limit) + "] (got " +
                          std::to_string(result) + ")");
        return result;
    }
    double probability(const std::string& key, double fallback) const {
        const auto it = config_.find(key);
        if (it == config_.end() || it->is_null()) return fallback;
        if (!it->is_number()) fail(key, "must be a number (got " + excerpt(it->dump()) + ")");
        const double value = it->get<double>();
        if (!(value >= 0.0 && value < 1.0)) fail(key, "must be in [0, 1) (got " + excerpt(it->dump()) + ")");
        return value;
    }
    double positiveNumber(const std::string& key, double fallback) const {
        const auto it = config_.find(key);
        if (it == config_.end() || it->is_null()) return fallback;
        if (!it->is_number() || !(it->get<double>() > 0.0))
            fail(key, "must be a positive number (got " + excerpt(it->dump()) + ")");
        return it->get<double>();
    }
    std::string string(const std::string& key, const std::string& fallback) const {
        const auto it = config_.find(key);
        if (it == config_.end() || it->is_null()) return fallback;
        if (!it->is_string()) fail(key, "must be a string (got " + excerpt(it->dump()) + ")");
        return it->get<std::string>();
    }

private:
    const nlohmann::json& config_;
    std::string path_;
};

// id2label {"0": "neg", "1": "pos"} -> labels in id order; ids must be 0..n-1.
std::vector<std::string> readLabels(const nlohmann::json& config, const ConfigReader& reader) {
    const auto it = config.find("id2label");
    if (it == config.end() || it->is_null()) return {};
    if (!it->is_object()) reader.fail("id2label", "must be an object of id -> label");
    std::map<std::int64_t, std::string> byId;
    for (const auto& [key, value] : it->items()) {
        std::size_t used = 0;
        std::int64_t id = -1;
        try {
            id = std::stoll(key, &used);
        } catch (const std::exception&) {
        }
        if (used != key.size() || id < 0 || !value.is_string())
            reader.fail("id2label", "must map integer ids to label strings (entry " + key + ")");
        byId[id] = value.get<std::string>();
    }
    std::vector<std::string> labels;
    for (const auto& [id, label] : byId) {
        if (id != static_cast<std::int64_t>(labels.size()))
            reader.fail("id2label", "ids must be 0.." + std::to_string(byId.size() - 1));
        labels.push_back(label);
    }
    return labels;
}

// The line number of "[SEP]" in the WordPiece vocabulary, when the folder has one.
std::optional<std::int64_t> separatorFromVocabulary(const std::string& folder) {
    std::ifstream vocabulary(fs::path(folder) / "vocab.txt");
    std::string line;
    for (std::int64_t index = 0; std::getline(vocabulary, line); ++index) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line == "[SEP]") return index;
    }
    return std::nullopt;
}

// The id of "[SEP]" among tokenizer.json's added tokens, when the folder has that file (a fast
// tokenizer folder may have no vocab.txt).
std::optional<std::int64_t> separatorFromTokenizerJson(const std::string& folder) {
    const fs::path path = fs::path(folder) / "tokenizer.json";
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const nlohmann::json document = parseJsonText(text, path.string());
    if (!document.is_object() || !document.contains("added_tokens") || !document["added_tokens"].is_array())
        return std::nullopt;
    for (const nlohmann::json& token : document["added_tokens"]) {
        if (token.is_object() && token.value("content", nlohmann::json()) == "[SEP]" &&
            token.contains("id") && token["id"].is_number_unsigned())
            return token["id"].get<std::int64_t>();
    }
    return std::nullopt;
}

std::int64_t linearCount(std::int64_t in, std::int64_t out) {
    return in * out + out;
}

// Parameters of the ...ForSequenceClassification model with 2 labels.
std::int64_t parameterCount(const HfModelInfo& info, std::int64_t sharedLayerCount) {
    const std::int64_t hidden = info.hiddenSize, embedding = info.embeddingSize;
    const std::int64_t embeddings =
        (info.vocabSize + info.maxPositions + info.typeVocabSize) * embedding + 2 * embedding;
    const std::int64_t layer = 4 * linearCount(hidden, hidden) + 2 * 2 * hidden +
                               linearCount(hidden, info.intermediateSize) +
                               linearCount(info.intermediateSize, hidden);
    const std::int64_t classifier = linearCount(hidden, 2);
    if (info.modelType == "albert")
        return embeddings + linearCount(embedding, hidden) + sharedLayerCount * layer +
               linearCount(hidden, hidden) + classifier;
    const std::int64_t pooler = linearCount(hidden, hidden);  // RoBERTa's head dense has the same size
    return embeddings + info.numLayers * layer + pooler + classifier;
}

}  // namespace

HfArchitecture readHfArchitecture(const std::string& folder) {
    const std::string path = (fs::path(folder) / "config.json").string();
    if (!fs::is_regular_file(path)) throw InputError(path, 0, "no config.json in the model folder");
    HfArchitecture architecture;
    architecture.config = parseJsonText(readFile(path), path);
    const nlohmann::json& config = architecture.config;
    if (!config.is_object()) throw InputError(path, 0, "must hold a JSON object");
    const ConfigReader reader(config, path);

    HfModelInfo& info = architecture.info;
    info.folder = folder;
    info.modelType = reader.string("model_type", "");
    if (info.modelType.empty()) reader.fail("model_type", "is missing");
    const bool albert = info.modelType == "albert", roberta = info.modelType == "roberta";
    if (!albert && !roberta && info.modelType != "bert")
        reader.fail("model_type", "is \"" + info.modelType + "\"; supported: bert, roberta, albert");

    info.vocabSize = reader.positive("vocab_size", std::nullopt, kMaxVocabulary);
    info.hiddenSize = reader.positive("hidden_size", std::nullopt);
    info.embeddingSize = albert ? reader.positive("embedding_size", 128) : info.hiddenSize;
    info.numLayers = reader.positive("num_hidden_layers", std::nullopt, kMaxLayers);
    info.numHeads = reader.positive("num_attention_heads", std::nullopt);
    if (info.hiddenSize % info.numHeads != 0)
        reader.fail("num_attention_heads", "(" + std::to_string(info.numHeads) +
                                               ") must divide hidden_size (" +
                                               std::to_string(info.hiddenSize) + ")");
    info.intermediateSize = reader.positive("intermediate_size", std::nullopt);
    info.maxPositions = reader.positive("max_position_embeddings", 512);
    info.typeVocabSize = reader.positive("type_vocab_size", 2);
    info.padTokenId = reader.optionalInt("pad_token_id").value_or(roberta ? 1 : 0);
    if (info.padTokenId < 0 || info.padTokenId >= info.vocabSize)
        reader.fail("pad_token_id",
                    "must be a token id below vocab_size (got " + std::to_string(info.padTokenId) + ")");
    if (roberta && info.maxPositions <= info.padTokenId + 1)
        reader.fail("max_position_embeddings",
                    "leaves no position after the padding offset pad_token_id + 1");
    info.labels = readLabels(config, reader);
    info.hasWeights = fs::is_regular_file(fs::path(folder) / "model.safetensors");

    const std::string positionType = reader.string("position_embedding_type", "absolute");
    if (positionType != "absolute")
        reader.fail("position_embedding_type", "is \"" + positionType + "\"; only \"absolute\" is supported");
    architecture.hiddenAct = reader.string("hidden_act", albert ? "gelu_new" : "gelu");
    if (architecture.hiddenAct != "gelu" && architecture.hiddenAct != "gelu_new" &&
        architecture.hiddenAct != "gelu_pytorch_tanh" && architecture.hiddenAct != "relu")
        reader.fail("hidden_act", "is \"" + architecture.hiddenAct +
                                      "\"; supported: gelu, gelu_new, gelu_pytorch_tanh, relu");
    architecture.layerNormEps = reader.positiveNumber("layer_norm_eps", 1e-12);
    architecture.initializerRange = reader.positiveNumber("initializer_range", 0.02);
    architecture.hiddenDropout = reader.probability("hidden_dropout_prob", albert ? 0.0 : 0.1);
    architecture.attentionDropout = reader.probability("attention_probs_dropout_prob", albert ? 0.0 : 0.1);

    if (albert) {
        architecture.numHiddenGroups = reader.positive("num_hidden_groups", 1);
        architecture.innerGroupNum = reader.positive("inner_group_num", 1);
        if (architecture.numHiddenGroups != 1)
            reader.fail("num_hidden_groups",
                        "is " + std::to_string(architecture.numHiddenGroups) +
                            "; only ALBERT models with one shared layer group are supported");
        if (architecture.innerGroupNum != 1)
            reader.fail("inner_group_num", "is " + std::to_string(architecture.innerGroupNum) +
                                               "; only one layer per ALBERT group is supported");
    }
    if (!roberta && info.typeVocabSize > 1) {
        std::optional<std::int64_t> separator = reader.optionalInt("sep_token_id");
        if (!separator) separator = separatorFromTokenizerJson(folder);
        if (!separator) separator = separatorFromVocabulary(folder);
        architecture.sepTokenId = separator.value_or(albert ? 3 : 102);
    }
    info.parameterCount = parameterCount(info, architecture.numHiddenGroups * architecture.innerGroupNum);
    return architecture;
}

std::int64_t usablePositions(const HfModelInfo& info) {
    return info.modelType == "roberta" ? info.maxPositions - info.padTokenId - 1 : info.maxPositions;
}

HfModelInfo readHfModelInfo(const std::string& folder) {
    return readHfArchitecture(folder).info;
}

bool isHfModelFolder(const std::string& folder) {
    const fs::path path = fs::path(folder) / "config.json";
    std::error_code error;
    if (!fs::is_regular_file(path, error)) return false;
    try {
        const nlohmann::json config = nlohmann::json::parse(readFile(path.string()));
        return config.is_object() && config.contains("model_type");
    } catch (const std::exception&) {
        return false;
    }
}

std::string hfSequenceClassificationClass(const std::string& modelType) {
    if (modelType == "bert") return "BertForSequenceClassification";
    if (modelType == "roberta") return "RobertaForSequenceClassification";
    if (modelType == "albert") return "AlbertForSequenceClassification";
    throw Error("no sequence-classification class for model type " + modelType);
}

}  // namespace uegr
