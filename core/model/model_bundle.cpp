#include "model/model_bundle.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <limits>
#include <map>
#include <optional>

#include "io/safetensors.h"
#include "model/hf_classifier.h"
#include "model/model_allocation.h"
#include "model/pretrained_model.h"
#include "model/trained_columns.h"
#include "util/atomic_file.h"
#include "util/error.h"
#include "util/join.h"
#include "util/json_field.h"
#include "util/json_text.h"

namespace uegr {
namespace {

namespace fs = std::filesystem;

std::string joinPath(const std::string& dir, const char* file) {
    return (fs::path(dir) / file).string();
}

nlohmann::json modelConfigJson(const ModelConfig& config) {
    return {{"type", config.type},
            {"path", config.path},
            {"embedding_dim", config.embeddingDim},
            {"hidden_dim", config.hiddenDim},
            {"num_layers", config.numLayers},
            {"num_heads", config.numHeads},
            {"ff_dim", config.ffDim},
            {"kernel_sizes", config.kernelSizes},
            {"num_filters", config.numFilters},
            {"dropout", config.dropout}};
}

int integerOf(const JsonField& field) {
    return static_cast<int>(
        field.asInteger(std::numeric_limits<int>::min(), std::numeric_limits<int>::max()));
}

int integerOr(const JsonField& object, const std::string& key, int fallback) {
    const std::optional<JsonField> field = object.find(key);
    return field ? integerOf(*field) : fallback;
}

std::vector<int> integersOr(const JsonField& object, const std::string& key,
                            const std::vector<int>& fallback) {
    const std::optional<JsonField> field = object.find(key);
    if (!field) return fallback;
    std::vector<int> result;
    for (const JsonField& item : field->elements()) result.push_back(integerOf(item));
    return result;
}

nlohmann::json readJsonFile(const std::string& path) {
    return parseJsonText(readFile(path), path);
}

ModelConfig parseModelConfig(const JsonField& section) {
    section.requireObject();
    const ModelConfig defaults;
    ModelConfig config;
    config.type = section.at("type").asString();
    if (config.type != "textcnn" && config.type != "bilstm" && config.type != "transformer")
        section.at("type").fail("must be textcnn, bilstm or transformer (got \"" + config.type + "\")");
    config.path = section.stringOr("path", defaults.path);
    config.embeddingDim = integerOr(section, "embedding_dim", defaults.embeddingDim);
    config.hiddenDim = integerOr(section, "hidden_dim", defaults.hiddenDim);
    config.numLayers = integerOr(section, "num_layers", defaults.numLayers);
    config.numHeads = integerOr(section, "num_heads", defaults.numHeads);
    config.ffDim = integerOr(section, "ff_dim", defaults.ffDim);
    config.kernelSizes = integersOr(section, "kernel_sizes", defaults.kernelSizes);
    config.numFilters = integerOr(section, "num_filters", defaults.numFilters);
    const std::optional<JsonField> dropout = section.find("dropout");
    config.dropout = dropout ? dropout->asNumber() : defaults.dropout;
    return config;
}

// The ranges a run config allows, so a hand-edited config.json fails here with its key rather
// than inside LibTorch.
void requireBuildableModel(const ModelConfig& modelConfig, int vocabSize, int numLabels, int maxLength,
                           const std::string& file) {
    if (numLabels < 1)
        throw InputError(file, 0, "num_labels must be at least 1 (got " + std::to_string(numLabels) + ")");
    if (vocabSize < 1)
        throw InputError(file, 0, "vocab_size must be at least 1 (got " + std::to_string(vocabSize) + ")");
    RunConfig check;
    check.model = modelConfig;
    check.data.maxLength = maxLength;
    try {
        validate(check);
    } catch (const ConfigError& error) {
        // The bundle's keys are the run config's, less "data." for max_length.
        std::string message = error.what();
        if (message.rfind("data.", 0) == 0) message.erase(0, 5);
        throw InputError(file, 0, message);
    }
}

std::map<std::string, torch::Tensor> modelTensors(TextClassifierImpl& model) {
    std::map<std::string, torch::Tensor> tensors;
    for (const auto& item : model.named_parameters()) tensors[item.key()] = item.value();
    for (const auto& item : model.named_buffers()) tensors[item.key()] = item.value();
    return tensors;
}

// Copies the stored tensors into the model after checking that names and shapes match exactly.
void loadTensors(TextClassifierImpl& model, const std::map<std::string, torch::Tensor>& stored,
                 const std::string& file) {
    const std::map<std::string, torch::Tensor> expected = modelTensors(model);
    std::vector<std::string> missing, unexpected, misShaped;
    for (const auto& [name, tensor] : expected) {
        const auto found = stored.find(name);
        if (found == stored.end()) {
            missing.push_back(name);
        } else if (found->second.sizes() != tensor.sizes()) {
            misShaped.push_back(name + " (file " + shapeText(found->second) + ", model " + shapeText(tensor) +
                                ")");
        } else if (!found->second.is_floating_point() && tensor.is_floating_point()) {
            misShaped.push_back(name + " (file holds " +
                                std::string(c10::toString(found->second.scalar_type())) +
                                ", model needs a floating-point tensor)");
        }
    }
    for (const auto& item : stored)
        if (expected.count(item.first) == 0) unexpected.push_back(item.first);
    if (!missing.empty() || !unexpected.empty() || !misShaped.empty()) {
        std::string message = "tensors do not match the model in config.json:";
        if (!missing.empty()) message += " missing: " + joinWithCommas(missing) + ";";
        if (!unexpected.empty()) message += " unexpected: " + joinWithCommas(unexpected) + ";";
        if (!misShaped.empty()) message += " wrong shape or type: " + joinWithCommas(misShaped) + ";";
        message.pop_back();
        throw InputError(file, 0, message);
    }
    torch::NoGradGuard noGrad;
    for (const auto& [name, tensor] : expected) tensor.copy_(stored.at(name).to(tensor.dtype()));
}

// The fine-tuned Hugging Face model goes back in the format it came in; the studio's own
// settings ride along in config.json, where `transformers` keeps unknown keys as attributes.
void saveHfBundle(const std::string& dir, TextClassifierImpl& model, const ModelConfig& modelConfig,
                  const TextEncoder& encoder, const LabelSet& labels, int maxLength,
                  const ColumnMapping& columns) {
    if (!encoder.isSubword()) throw Error("a Hugging Face model needs its subword tokenizer to be saved");
    exportHfClassifier(model, modelConfig.path, labels.names(), encoder.subwordTokenizer()->files(), dir);
    const std::string configPath = joinPath(dir, "config.json");
    nlohmann::json config = readJsonFile(configPath);
    config["uegr_max_length"] = maxLength;
    config["uegr_columns"] = columnsJson(columns);
    writeFileAtomically(configPath, config.dump(2) + "\n");
}

ModelBundle loadHfBundle(const std::string& dir, const ModelLoadOptions& options) {
    const HfModelInfo info = readHfModelInfo(dir);
    ModelBundle bundle;
    bundle.modelConfig.type = "hf";
    bundle.modelConfig.path = dir;
    // transformers' own default when a config names no labels.
    const std::vector<std::string> names =
        info.labels.empty() ? std::vector<std::string>{"LABEL_0", "LABEL_1"} : info.labels;
    for (const std::string& name : names) bundle.labels.add(name);
    bundle.encoder = TextEncoder::subword(loadSubwordTokenizer(dir));

    const std::string configPath = joinPath(dir, "config.json");
    const nlohmann::json config = readJsonFile(configPath);
    const std::int64_t positionLimit = usablePositions(info);
    bundle.maxLength = static_cast<int>(std::min<std::int64_t>(positionLimit, 512));
    if (config.contains("uegr_max_length")) {
        const nlohmann::json& value = config["uegr_max_length"];
        if (!value.is_number_integer() || value.get<std::int64_t>() < 1 ||
            value.get<std::int64_t>() > positionLimit)
            throw InputError(
                configPath, 0,
                "uegr_max_length must be an integer in [1, " + std::to_string(positionLimit) + "]");
        bundle.maxLength = value.get<int>();
    }
    bundle.columns = config.contains("uegr_columns")
                         ? readColumns(config["uegr_columns"], configPath, "uegr_columns")
                         : defaultColumns();

    HfLoadReport report;
    bundle.model = buildDescribedModel(
        configPath, [&] { return loadHfClassifier(dir, bundle.labels.size(), -1.0, &report); });
    bundle.warnings =
        reviewHfLoad(dir, info, report, bundle.labels.size(), {options.allowMissingWeights, false}).warnings;
    bundle.model->eval();
    return bundle;
}

}  // namespace

void saveModelBundle(const std::string& dir, TextClassifierImpl& model, const ModelConfig& modelConfig,
                     const TextEncoder& encoder, const LabelSet& labels, int maxLength,
                     const ColumnMapping& columns) {
    if (modelConfig.type == "hf") {
        saveHfBundle(dir, model, modelConfig, encoder, labels, maxLength, columns);
        return;
    }
    if (encoder.isSubword()) throw Error("a model trained from scratch needs a word-level vocabulary");
    fs::create_directories(dir);
    std::map<std::string, torch::Tensor> tensors;
    for (const auto& [name, tensor] : modelTensors(model)) {
        torch::Tensor stored = tensor.detach().to(torch::kCPU);
        tensors[name] = stored.is_floating_point() ? stored.to(torch::kFloat32) : stored;
    }
    writeSafetensors(joinPath(dir, "model.safetensors"), tensors,
                     {{"format", "pt"}, {"uegr_format_version", std::to_string(kModelBundleFormatVersion)}});

    const nlohmann::json config{{"format", "uegr-model"},
                                {"format_version", kModelBundleFormatVersion},
                                {"model", modelConfigJson(modelConfig)},
                                {"num_labels", labels.size()},
                                {"labels", labels.names()},
                                {"vocab_size", encoder.vocabSize()},
                                {"max_length", maxLength},
                                {"lowercase", encoder.lowercase()},
                                {"columns", columnsJson(columns)}};
    writeFileAtomically(joinPath(dir, "config.json"), config.dump(2) + "\n");
    encoder.vocabulary().save(joinPath(dir, "vocab.txt"));
    writeFileAtomically(joinPath(dir, "labels.json"), nlohmann::json(labels.names()).dump(2) + "\n");
}

ModelBundle loadModelBundle(const std::string& dir, const ModelLoadOptions& options) {
    if (!fs::is_directory(dir))
        throw InputError(
            dir, 0, "not a model folder (expected config.json, model.safetensors, vocab.txt, labels.json)");
    if (isHfModelFolder(dir)) return loadHfBundle(dir, options);
    const std::string configPath = joinPath(dir, "config.json");
    const nlohmann::json config = readJsonFile(configPath);
    if (!config.is_object()) throw InputError(configPath, 0, "must be a JSON object");
    const JsonField fields(config, configPath);
    if (fields.at("format").asString() != "uegr-model")
        throw InputError(configPath, 0, "format is not \"uegr-model\"");
    const int version = integerOf(fields.at("format_version"));
    if (version < 1 || version > kModelBundleFormatVersion)
        throw InputError(configPath, 0,
                         "format_version " + std::to_string(version) +
                             " is not supported (this build reads up to " +
                             std::to_string(kModelBundleFormatVersion) + ")");

    ModelBundle bundle;
    bundle.modelConfig = parseModelConfig(fields.at("model"));
    bundle.maxLength = integerOf(fields.at("max_length"));
    bundle.columns =
        config.contains("columns") ? readColumns(config["columns"], configPath, "columns") : defaultColumns();
    const bool lowercase = fields.at("lowercase").asBool();
    const int numLabels = integerOf(fields.at("num_labels"));
    const int vocabSize = integerOf(fields.at("vocab_size"));

    const std::string labelsPath = joinPath(dir, "labels.json");
    const nlohmann::json labelNames = readJsonFile(labelsPath);
    if (!labelNames.is_array()) throw InputError(labelsPath, 0, "must be a JSON array of label names");
    for (const nlohmann::json& name : labelNames) {
        if (!name.is_string()) throw InputError(labelsPath, 0, "every label must be a string");
        if (bundle.labels.indexOf(name.get<std::string>()) >= 0)
            throw InputError(labelsPath, 0, "label \"" + name.get<std::string>() + "\" appears twice");
        bundle.labels.add(name.get<std::string>());
    }
    if (bundle.labels.size() != numLabels)
        throw InputError(labelsPath, 0,
                         std::to_string(bundle.labels.size()) + " labels, but config.json says num_labels " +
                             std::to_string(numLabels));

    const std::string vocabPath = joinPath(dir, "vocab.txt");
    Vocabulary vocabulary = Vocabulary::load(vocabPath);
    if (vocabulary.size() != vocabSize)
        throw InputError(vocabPath, 0,
                         std::to_string(vocabulary.size()) + " tokens, but config.json says vocab_size " +
                             std::to_string(vocabSize));
    bundle.encoder = TextEncoder::words(std::move(vocabulary), lowercase);

    requireBuildableModel(bundle.modelConfig, vocabSize, numLabels, bundle.maxLength, configPath);
    bundle.model = buildDescribedModel(
        configPath, [&] { return createModel(bundle.modelConfig, vocabSize, numLabels, bundle.maxLength); });
    const std::string weightsPath = joinPath(dir, "model.safetensors");
    loadTensors(*bundle.model, readSafetensors(weightsPath).tensors, weightsPath);
    bundle.model->eval();
    return bundle;
}

}  // namespace uegr
