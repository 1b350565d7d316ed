#include "model/text_cnn.h"

#include "model/dropout_rates.h"
#include "model/masked_pooling.h"
#include "model/random_draws.h"
#include "text/vocabulary.h"

namespace uegr {

namespace F = torch::nn::functional;

TextCnnImpl::TextCnnImpl(const ModelConfig& config, std::int64_t vocabSize, int numLabels)
    : kernelSizes_(config.kernelSizes) {
    defaultDropout_ = config.dropout;
    embeddings_ = register_module(
        "embeddings",
        torch::nn::Embedding(
            torch::nn::EmbeddingOptions(vocabSize, config.embeddingDim).padding_idx(Vocabulary::kPad)));
    for (std::size_t i = 0; i < kernelSizes_.size(); ++i) {
        convs_.push_back(register_module("conv" + std::to_string(i),
                                         torch::nn::Conv1d(torch::nn::Conv1dOptions(
                                             config.embeddingDim, config.numFilters, kernelSizes_[i]))));
    }
    head_ = register_module("head", torch::nn::Linear(static_cast<std::int64_t>(config.numFilters) *
                                                          static_cast<std::int64_t>(kernelSizes_.size()),
                                                      numLabels));
}

torch::Tensor TextCnnImpl::embed(const torch::Tensor& inputIds) {
    return embeddings_->forward(inputIds);
}

// Dropout design: site "conv<i>" drops the input of branch i (its own copy of the embeddings),
// "classifier" drops the concatenated pooled features. Every activation passes through
// exactly one site per branch, so no feature is dropped twice.
//
// Padding: padded positions are zeroed and every sequence is right-padded with k-1 zeros, so
// a window that starts on a real token sees the same values whatever the batch padding;
// windows starting on padding are excluded from the max.
torch::Tensor TextCnnImpl::forwardEmbedded(const torch::Tensor& embeddings,
                                           const torch::Tensor& attentionMask,
                                           const std::vector<double>& dropoutRates) {
    requireOneRatePerSite(dropoutSites(), dropoutRates);
    const torch::Tensor mask = attentionMask.to(torch::kBool);
    const torch::Tensor input =
        (embeddings * mask.unsqueeze(-1).to(embeddings.dtype())).transpose(1, 2);  // [B, E, T]
    std::vector<torch::Tensor> pooled;
    for (std::size_t i = 0; i < convs_.size(); ++i) {
        const torch::Tensor dropped = siteDropout(input, dropoutRates[i], is_training());
        const torch::Tensor padded = F::pad(dropped, F::PadFuncOptions({0, kernelSizes_[i] - 1}));
        const torch::Tensor features = torch::relu(convs_[i]->forward(padded)).transpose(1, 2);  // [B, T, F]
        pooled.push_back(maskedMaxPool(features, mask));
    }
    const torch::Tensor concatenated = torch::cat(pooled, 1);
    return head_->forward(siteDropout(concatenated, dropoutRates.back(), is_training()));
}

std::vector<DropoutSite> TextCnnImpl::dropoutSites() const {
    std::vector<DropoutSite> sites;
    for (std::size_t i = 0; i < convs_.size(); ++i)
        sites.push_back({"conv" + std::to_string(i), "conv" + std::to_string(i)});
    sites.push_back({"classifier", "head"});
    return sites;
}

std::vector<ParameterLayer> TextCnnImpl::parameterLayers() const {
    std::vector<ParameterLayer> layers{{"embeddings", {"embeddings.weight"}}};
    for (std::size_t i = 0; i < convs_.size(); ++i) {
        const std::string name = "conv" + std::to_string(i);
        layers.push_back({name, {name + ".weight", name + ".bias"}});
    }
    layers.push_back({"head", {"head.weight", "head.bias"}});
    return layers;
}

}  // namespace uegr
