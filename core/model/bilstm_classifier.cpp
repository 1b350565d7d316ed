#include "model/bilstm_classifier.h"

#include "model/dropout_rates.h"
#include "model/masked_pooling.h"
#include "model/random_draws.h"
#include "text/vocabulary.h"

namespace uegr {
namespace {

// Index that reverses positions [0, length) of each row and leaves padding in place; it is its
// own inverse. [B, T] int64 on the lengths' device.
torch::Tensor reversalIndex(const torch::Tensor& lengths, std::int64_t steps) {
    const torch::Tensor positions = torch::arange(steps, lengths.options()).unsqueeze(0);  // [1, T]
    const torch::Tensor lengthColumn = lengths.unsqueeze(1);                               // [B, 1]
    return torch::where(positions < lengthColumn, lengthColumn - 1 - positions, positions);
}

torch::Tensor reverseWithinLength(const torch::Tensor& values, const torch::Tensor& index) {
    return values.gather(1, index.unsqueeze(-1).expand({-1, -1, values.size(2)}));
}

}  // namespace

BiLstmLayerImpl::BiLstmLayerImpl(std::int64_t inputSize, std::int64_t hiddenSize) {
    const auto options = torch::nn::LSTMOptions(inputSize, hiddenSize).num_layers(1).batch_first(true);
    forwardLstm_ = register_module("forward_lstm", torch::nn::LSTM(options));
    backwardLstm_ = register_module("backward_lstm", torch::nn::LSTM(options));
}

torch::Tensor BiLstmLayerImpl::forward(const torch::Tensor& input, const torch::Tensor& mask,
                                       const torch::Tensor& lengths) {
    const torch::Tensor forwardStates = std::get<0>(forwardLstm_->forward(input));
    const torch::Tensor index = reversalIndex(lengths, input.size(1));
    const torch::Tensor backwardStates =
        reverseWithinLength(std::get<0>(backwardLstm_->forward(reverseWithinLength(input, index))), index);
    return torch::cat({forwardStates, backwardStates}, 2) * mask.unsqueeze(-1).to(input.dtype());
}

BiLstmClassifierImpl::BiLstmClassifierImpl(const ModelConfig& config, std::int64_t vocabSize, int numLabels) {
    defaultDropout_ = config.dropout;
    embeddings_ = register_module(
        "embeddings",
        torch::nn::Embedding(
            torch::nn::EmbeddingOptions(vocabSize, config.embeddingDim).padding_idx(Vocabulary::kPad)));
    std::int64_t inputSize = config.embeddingDim;
    for (int i = 0; i < config.numLayers; ++i) {
        layers_.push_back(
            register_module("lstm" + std::to_string(i), BiLstmLayer(inputSize, config.hiddenDim)));
        inputSize = 2 * static_cast<std::int64_t>(config.hiddenDim);
    }
    head_ = register_module("head", torch::nn::Linear(inputSize, numLabels));
}

torch::Tensor BiLstmClassifierImpl::embed(const torch::Tensor& inputIds) {
    return embeddings_->forward(inputIds);
}

// Site "lstm<i>" drops the input of layer i; "classifier" drops the pooled features.
torch::Tensor BiLstmClassifierImpl::forwardEmbedded(const torch::Tensor& embeddings,
                                                    const torch::Tensor& attentionMask,
                                                    const std::vector<double>& dropoutRates) {
    requireOneRatePerSite(dropoutSites(), dropoutRates);
    const torch::Tensor mask = attentionMask.to(torch::kBool);
    const torch::Tensor lengths = mask.sum(1).to(torch::kInt64);
    torch::Tensor states = embeddings;
    for (std::size_t i = 0; i < layers_.size(); ++i)
        states = layers_[i]->forward(siteDropout(states, dropoutRates[i], is_training()), mask, lengths);
    const torch::Tensor pooled = maskedMeanPool(states, mask);
    return head_->forward(siteDropout(pooled, dropoutRates.back(), is_training()));
}

std::vector<DropoutSite> BiLstmClassifierImpl::dropoutSites() const {
    std::vector<DropoutSite> sites;
    for (std::size_t i = 0; i < layers_.size(); ++i)
        sites.push_back({"lstm" + std::to_string(i), "lstm" + std::to_string(i)});
    sites.push_back({"classifier", "head"});
    return sites;
}

std::vector<ParameterLayer> BiLstmClassifierImpl::parameterLayers() const {
    std::vector<ParameterLayer> layers{{"embeddings", {"embeddings.weight"}}};
    for (std::size_t i = 0; i < layers_.size(); ++i) {
        const std::string name = "lstm" + std::to_string(i);
        ParameterLayer layer{name, {}};
        for (const auto& parameter : layers_[i]->named_parameters())
            layer.parameterNames.push_back(name + "." + parameter.key());
        layers.push_back(std::move(layer));
    }
    layers.push_back({"head", {"head.weight", "head.bias"}});
    return layers;
}

}  // namespace uegr
