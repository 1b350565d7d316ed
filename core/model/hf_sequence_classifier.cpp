#include "model/hf_sequence_classifier.h"

#include <utility>

#include "model/dropout_rates.h"
#include "util/error.h"

namespace uegr {
namespace {

bool startsWith(const std::string& text, const std::string& prefix) {
    return text.compare(0, prefix.size(), prefix) == 0;
}

}  // namespace

HfSequenceClassifierImpl::HfSequenceClassifierImpl(HfArchitecture architecture, int numLabels, double dropout)
    : architecture_(std::move(architecture)), numLabels_(numLabels) {
    if (numLabels < 1) throw Error("a classifier needs at least one label");
    defaultDropout_ = dropout;
    const bool roberta = architecture_.info.modelType == "roberta";
    const std::int64_t hidden = architecture_.info.hiddenSize;
    const double std = architecture_.initializerRange;
    encoder_ = register_module(encoderName(), HfEncoder(architecture_, !roberta));
    if (roberta) {
        const auto head = register_module("classifier", std::make_shared<torch::nn::Module>());
        headDense_ = head->register_module("dense", hfLinear(hidden, hidden, std));
        headProjection_ = head->register_module("out_proj", hfLinear(hidden, numLabels, std));
    } else {
        classifier_ = register_module("classifier", hfLinear(hidden, numLabels, std));
    }
}

torch::Tensor HfSequenceClassifierImpl::embed(const torch::Tensor& inputIds) {
    return encoder_->embed(inputIds);
}

torch::Tensor HfSequenceClassifierImpl::forwardEmbedded(const torch::Tensor& embeddings,
                                                        const torch::Tensor& attentionMask,
                                                        const std::vector<double>& dropoutRates) {
    requireOneRatePerSite(dropoutSites(), dropoutRates);
    const std::vector<double> encoderRates(dropoutRates.begin(), dropoutRates.end() - 1);
    const torch::Tensor hidden = encoder_->forward(embeddings, attentionMask, encoderRates);
    const double rate = dropoutRates.back();
    const bool training = is_training();
    if (classifier_) return classifier_->forward(torch::dropout(encoder_->pool(hidden), rate, training));
    const torch::Tensor first = torch::dropout(hidden.select(1, 0), rate, training);
    return headProjection_->forward(torch::dropout(torch::tanh(headDense_->forward(first)), rate, training));
}

std::vector<DropoutSite> HfSequenceClassifierImpl::dropoutSites() const {
    const bool shared = architecture_.info.modelType == "albert";
    std::vector<DropoutSite> sites{{"embeddings", "embeddings"}};
    for (std::int64_t i = 0; i < encoder_->applications(); ++i) {
        const std::string site = "layer" + std::to_string(i);
        const std::string layer = shared ? "layer0" : site;
        sites.push_back({site + ".attention", layer});
        sites.push_back({site + ".hidden", layer});
    }
    sites.push_back({"classifier", "head"});
    return sites;
}

// "embeddings": the tables and their LayerNorm (ALBERT: and embedding_hidden_mapping_in);
// "layerN": encoder.layer.N (ALBERT: the one shared group, "layer0"); "head": pooler and
// classifier.
std::vector<ParameterLayer> HfSequenceClassifierImpl::parameterLayers() const {
    const std::string prefix = encoderName() + ".";
    const bool shared = architecture_.info.modelType == "albert";
    const std::int64_t layerCount = shared ? 1 : architecture_.info.numLayers;
    std::vector<ParameterLayer> layers{{"embeddings", {}}};
    for (std::int64_t i = 0; i < layerCount; ++i) layers.push_back({"layer" + std::to_string(i), {}});
    layers.push_back({"head", {}});

    const std::string embeddingMapping = prefix + "encoder.embedding_hidden_mapping_in.";
    const std::string sharedLayer = prefix + "encoder.albert_layer_groups.0.";
    const std::string layerPrefix = prefix + "encoder.layer.";
    for (const auto& parameter : named_parameters()) {
        const std::string& name = parameter.key();
        std::size_t index = layers.size() - 1;  // head
        if (startsWith(name, prefix + "embeddings.") || startsWith(name, embeddingMapping)) {
            index = 0;
        } else if (startsWith(name, sharedLayer)) {
            index = 1;
        } else if (startsWith(name, layerPrefix)) {
            const std::string rest = name.substr(layerPrefix.size());
            index = 1 + std::stoul(rest.substr(0, rest.find('.')));
        }
        layers[index].parameterNames.push_back(name);
    }
    return layers;
}

std::vector<std::string> HfSequenceClassifierImpl::classifierParameterNames() const {
    std::vector<std::string> names;
    for (const auto& parameter : named_parameters())
        if (startsWith(parameter.key(), "classifier.")) names.push_back(parameter.key());
    return names;
}

void HfSequenceClassifierImpl::initialiseClassifier() {
    const torch::NoGradGuard noGrad;
    for (const auto& parameter : named_parameters()) {
        if (!startsWith(parameter.key(), "classifier.")) continue;
        torch::Tensor value = parameter.value();
        if (value.dim() > 1)
            value.normal_(0.0, architecture_.initializerRange);
        else
            value.zero_();
    }
}

}  // namespace uegr
