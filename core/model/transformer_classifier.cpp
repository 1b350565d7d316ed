#include "model/transformer_classifier.h"

#include <cmath>

#include "model/dropout_rates.h"
#include "model/lowest_finite.h"
#include "model/masked_pooling.h"
#include "model/random_draws.h"
#include "text/vocabulary.h"
#include "util/error.h"

namespace uegr {

SelfAttentionImpl::SelfAttentionImpl(std::int64_t width, std::int64_t heads) : heads_(heads) {
    query_ = register_module("query", torch::nn::Linear(width, width));
    key_ = register_module("key", torch::nn::Linear(width, width));
    value_ = register_module("value", torch::nn::Linear(width, width));
    output_ = register_module("output", torch::nn::Linear(width, width));
}

torch::Tensor SelfAttentionImpl::forward(const torch::Tensor& x, const torch::Tensor& mask) {
    const std::int64_t batch = x.size(0), steps = x.size(1), width = x.size(2), headWidth = width / heads_;
    const auto splitHeads = [&](const torch::Tensor& t) {  // [B, T, H] -> [B, heads, T, H/heads]
        return t.view({batch, steps, heads_, headWidth}).transpose(1, 2);
    };
    const torch::Tensor q = splitHeads(query_->forward(x));
    const torch::Tensor k = splitHeads(key_->forward(x));
    const torch::Tensor v = splitHeads(value_->forward(x));
    torch::Tensor scores = torch::matmul(q, k.transpose(-2, -1)) / std::sqrt(static_cast<double>(headWidth));
    const torch::Tensor blocked = mask.to(torch::kBool).logical_not().view({batch, 1, 1, steps});
    scores = scores.masked_fill(blocked, lowestFinite(scores.scalar_type()));
    const torch::Tensor context = torch::matmul(torch::softmax(scores, -1), v);  // [B, heads, T, H/heads]
    return output_->forward(context.transpose(1, 2).reshape({batch, steps, width}));
}

EncoderBlockImpl::EncoderBlockImpl(std::int64_t width, std::int64_t heads, std::int64_t ffWidth) {
    attentionNorm_ =
        register_module("attention_norm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({width})));
    attention_ = register_module("attention", SelfAttention(width, heads));
    feedForwardNorm_ =
        register_module("feed_forward_norm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({width})));
    feedForwardIn_ = register_module("feed_forward_in", torch::nn::Linear(width, ffWidth));
    feedForwardOut_ = register_module("feed_forward_out", torch::nn::Linear(ffWidth, width));
}

torch::Tensor EncoderBlockImpl::forward(const torch::Tensor& x, const torch::Tensor& mask,
                                        double dropoutRate) {
    const torch::Tensor attended = attention_->forward(attentionNorm_->forward(x), mask);
    const torch::Tensor afterAttention = x + siteDropout(attended, dropoutRate, is_training());
    const torch::Tensor fed = feedForwardOut_->forward(
        torch::gelu(feedForwardIn_->forward(feedForwardNorm_->forward(afterAttention))));
    return afterAttention + siteDropout(fed, dropoutRate, is_training());
}

TransformerClassifierImpl::TransformerClassifierImpl(const ModelConfig& config, std::int64_t vocabSize,
                                                     int numLabels, int maxLength)
    : maxLength_(maxLength) {
    defaultDropout_ = config.dropout;
    embeddings_ = register_module(
        "embeddings",
        torch::nn::Embedding(
            torch::nn::EmbeddingOptions(vocabSize, config.embeddingDim).padding_idx(Vocabulary::kPad)));
    positionEmbeddings_ =
        register_module("position_embeddings", torch::nn::Embedding(maxLength, config.embeddingDim));
    embeddingNorm_ = register_module(
        "embedding_norm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({config.embeddingDim})));
    if (config.embeddingDim != config.hiddenDim)
        inputProjection_ =
            register_module("input_projection", torch::nn::Linear(config.embeddingDim, config.hiddenDim));
    for (int i = 0; i < config.numLayers; ++i)
        blocks_.push_back(register_module("block" + std::to_string(i),
                                          EncoderBlock(config.hiddenDim, config.numHeads, config.ffDim)));
    finalNorm_ =
        register_module("final_norm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({config.hiddenDim})));
    head_ = register_module("head", torch::nn::Linear(config.hiddenDim, numLabels));
}

torch::Tensor TransformerClassifierImpl::embed(const torch::Tensor& inputIds) {
    return embeddings_->forward(inputIds);
}

// Site "block<i>" drops both residual branches of block i; "classifier" drops the pooled
// features.
torch::Tensor TransformerClassifierImpl::forwardEmbedded(const torch::Tensor& embeddings,
                                                         const torch::Tensor& attentionMask,
                                                         const std::vector<double>& dropoutRates) {
    requireOneRatePerSite(dropoutSites(), dropoutRates);
    const std::int64_t steps = embeddings.size(1);
    if (steps > maxLength_)
        throw Error("transformer input has " + std::to_string(steps) + " positions but the model has " +
                    std::to_string(maxLength_) + " position embeddings");
    const torch::Tensor mask = attentionMask.to(torch::kBool);
    const torch::Tensor positions =
        torch::arange(steps, torch::TensorOptions().dtype(torch::kInt64).device(embeddings.device()));
    torch::Tensor x =
        embeddingNorm_->forward(embeddings + positionEmbeddings_->forward(positions).unsqueeze(0));
    if (inputProjection_) x = inputProjection_->forward(x);
    for (std::size_t i = 0; i < blocks_.size(); ++i) x = blocks_[i]->forward(x, mask, dropoutRates[i]);
    const torch::Tensor pooled = maskedMeanPool(finalNorm_->forward(x), mask);
    return head_->forward(siteDropout(pooled, dropoutRates.back(), is_training()));
}

std::vector<DropoutSite> TransformerClassifierImpl::dropoutSites() const {
    std::vector<DropoutSite> sites;
    for (std::size_t i = 0; i < blocks_.size(); ++i)
        sites.push_back({"block" + std::to_string(i), "block" + std::to_string(i)});
    sites.push_back({"classifier", "head"});
    return sites;
}

// "embeddings": word and position tables, embedding norm and projection; one layer per
// block; "head": the final norm and the classifier (everything after the last block).
std::vector<ParameterLayer> TransformerClassifierImpl::parameterLayers() const {
    const auto namesUnder = [](const std::string& prefix, const torch::nn::Module& module) {
        std::vector<std::string> names;
        for (const auto& parameter : module.named_parameters())
            names.push_back(prefix + "." + parameter.key());
        return names;
    };
    ParameterLayer embeddingLayer{"embeddings", {"embeddings.weight", "position_embeddings.weight"}};
    for (const std::string& name : namesUnder("embedding_norm", *embeddingNorm_))
        embeddingLayer.parameterNames.push_back(name);
    if (inputProjection_)
        for (const std::string& name : namesUnder("input_projection", *inputProjection_))
            embeddingLayer.parameterNames.push_back(name);
    std::vector<ParameterLayer> layers{embeddingLayer};
    for (std::size_t i = 0; i < blocks_.size(); ++i) {
        const std::string name = "block" + std::to_string(i);
        layers.push_back({name, namesUnder(name, *blocks_[i])});
    }
    ParameterLayer headLayer{"head", namesUnder("final_norm", *finalNorm_)};
    for (const std::string& name : namesUnder("head", *head_)) headLayer.parameterNames.push_back(name);
    layers.push_back(headLayer);
    return layers;
}

}  // namespace uegr
