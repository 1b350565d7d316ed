// exportHfClassifier: a model from loadHfClassifier back to a transformers model folder.
#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <set>

#include "io/safetensors.h"
#include "model/hf_classifier.h"
#include "model/hf_sequence_classifier.h"
#include "util/atomic_file.h"
#include "util/error.h"

namespace uegr {
namespace {

namespace fs = std::filesystem;

nlohmann::json classifierConfig(const HfArchitecture& architecture, const std::vector<std::string>& labels) {
    nlohmann::json config = architecture.config;
    config["architectures"] = {hfSequenceClassificationClass(architecture.info.modelType)};
    config["num_labels"] = labels.size();
    config["problem_type"] = "single_label_classification";
    config["torch_dtype"] = "float32";  // the weights are written in float32 whatever the source held
    nlohmann::json id2label = nlohmann::json::object(), label2id = nlohmann::json::object();
    for (std::size_t id = 0; id < labels.size(); ++id) {
        id2label[std::to_string(id)] = labels[id];
        label2id[labels[id]] = id;
    }
    config["id2label"] = id2label;
    config["label2id"] = label2id;
    return config;
}

}  // namespace

void exportHfClassifier(TextClassifierImpl& model, const std::string& sourceFolder,
                        const std::vector<std::string>& labels,
                        const std::vector<std::string>& tokenizerFiles, const std::string& outFolder) {
    const auto* classifier = dynamic_cast<const HfSequenceClassifierImpl*>(&model);
    if (!classifier) throw Error("exportHfClassifier: the model is not a Hugging Face classifier");
    if (labels.size() != static_cast<std::size_t>(classifier->numLabels()))
        throw Error("exportHfClassifier: " + std::to_string(labels.size()) + " labels for a model with " +
                    std::to_string(classifier->numLabels()) + " outputs");
    if (std::set<std::string>(labels.begin(), labels.end()).size() != labels.size())
        throw Error("exportHfClassifier: the labels are not unique, so label2id would be ambiguous");

    fs::create_directories(outFolder);
    const nlohmann::json config = classifierConfig(classifier->architecture(), labels);
    writeFileAtomically((fs::path(outFolder) / "config.json").string(), config.dump(2) + "\n");

    std::map<std::string, torch::Tensor> tensors;
    for (const auto& parameter : classifier->named_parameters())
        tensors[parameter.key()] = parameter.value().detach().to(torch::kCPU, torch::kFloat32).contiguous();
    writeSafetensors((fs::path(outFolder) / "model.safetensors").string(), tensors, {{"format", "pt"}});

    for (const std::string& file : tokenizerFiles) {
        const fs::path target = fs::path(outFolder) / file;
        const std::string content = readFile((fs::path(sourceFolder) / file).string());
        fs::create_directories(target.parent_path());
        writeFileAtomically(target.string(), content);
    }
}

}  // namespace uegr
