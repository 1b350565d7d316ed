// loadHfClassifier: model.safetensors of a transformers folder into HfSequenceClassifierImpl.
#include "model/hf_classifier.h"

#include <filesystem>
#include <map>
#include <set>

#include "io/safetensors.h"
#include "model/hf_architecture.h"
#include "model/hf_sequence_classifier.h"
#include "util/error.h"

namespace uegr {
namespace {

namespace fs = std::filesystem;

bool endsWith(const std::string& text, const std::string& suffix) {
    return text.size() >= suffix.size() &&
           text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Buffers some checkpoints carry that the model recomputes from the ids.
bool isRecomputedBuffer(const std::string& name) {
    return endsWith(name, "embeddings.position_ids") || endsWith(name, "embeddings.token_type_ids");
}

// The model's name for a checkpoint name: old LayerNorm names (gamma, beta) renamed, the encoder
// prefix added when the checkpoint holds the bare encoder. Empty when the model has no such
// parameter.
std::string modelName(std::string name, const std::string& encoderPrefix,
                      const torch::OrderedDict<std::string, torch::Tensor>& parameters) {
    if (endsWith(name, ".gamma"))
        name = name.substr(0, name.size() - 6) + ".weight";
    else if (endsWith(name, ".beta"))
        name = name.substr(0, name.size() - 5) + ".bias";
    if (parameters.contains(name)) return name;
    if (parameters.contains(encoderPrefix + name)) return encoderPrefix + name;
    return {};
}

}  // namespace

TextClassifier loadHfClassifier(const std::string& folder, int numLabels, double dropout,
                                HfLoadReport* report) {
    HfArchitecture architecture = readHfArchitecture(folder);
    const bool hasWeights = architecture.info.hasWeights;
    if (dropout < 0) dropout = architecture.hiddenDropout;
    if (dropout >= 1.0)
        throw ConfigError("model.dropout",
                          "model.dropout must be below 1 (got " + std::to_string(dropout) + ")");
    auto model = std::make_shared<HfSequenceClassifierImpl>(std::move(architecture), numLabels, dropout);
    const torch::OrderedDict<std::string, torch::Tensor> parameters = model->named_parameters();
    const std::vector<std::string> classifierNames = model->classifierParameterNames();
    const std::set<std::string> classifierNameSet(classifierNames.begin(), classifierNames.end());

    HfLoadReport result;
    std::set<std::string> loaded;
    std::map<std::string, torch::Tensor> classifierTensors;
    bool classifierShapeDiffers = false;
    if (hasWeights) {
        const std::string path = (fs::path(folder) / "model.safetensors").string();
        const SafetensorsContent content = readSafetensors(path);
        const torch::NoGradGuard noGrad;
        for (const auto& [fileName, tensor] : content.tensors) {
            const std::string name = modelName(fileName, model->encoderName() + ".", parameters);
            if (name.empty() || loaded.count(name) || classifierTensors.count(name)) {
                if (!isRecomputedBuffer(fileName)) result.unexpected.push_back(fileName);
                continue;
            }
            if (!tensor.is_floating_point())
                throw InputError(path, 0, "tensor " + fileName + " is not floating point");
            const torch::Tensor& target = parameters[name];
            if (classifierNameSet.count(name)) {  // another label count is a fresh head, not an error
                classifierShapeDiffers = classifierShapeDiffers || tensor.sizes() != target.sizes();
                classifierTensors[name] = tensor;
                continue;
            }
            if (tensor.sizes() != target.sizes())
                throw InputError(path, 0,
                                 "tensor " + fileName + " has shape " + shapeText(tensor) +
                                     " but config.json implies " + shapeText(target));
            target.copy_(tensor.to(target.scalar_type()));
            loaded.insert(name);
        }
    }
    // The head is used only when the file holds all of it with this label count.
    result.headInitialised = classifierShapeDiffers || classifierTensors.size() != classifierNames.size();
    const torch::NoGradGuard noGrad;
    for (const auto& [name, tensor] : classifierTensors) {
        if (!result.headInitialised) parameters[name].copy_(tensor.to(parameters[name].scalar_type()));
        loaded.insert(name);  // present in the file, so not "missing" even when replaced
    }
    if (result.headInitialised) model->initialiseClassifier();
    for (const auto& parameter : parameters) {
        if (loaded.count(parameter.key())) continue;
        result.missing.push_back(parameter.key());
        if (!classifierNameSet.count(parameter.key())) result.missingOutsideHead.push_back(parameter.key());
    }
    if (report) *report = std::move(result);
    return model;
}

}  // namespace uegr
