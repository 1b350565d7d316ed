#include "model/hf_encoder.h"

#include <cmath>

#include "model/lowest_finite.h"
#include "util/error.h"

namespace uegr {
namespace {

// An empty module that only puts its children under a name ("attention" in
// "attention.self.query.weight"), as transformers' container modules do.
std::shared_ptr<torch::nn::Module> group(torch::nn::Module& parent, const std::string& name) {
    return parent.register_module(name, std::make_shared<torch::nn::Module>());
}

torch::nn::Embedding hfEmbedding(std::int64_t count, std::int64_t width, double std,
                                 std::int64_t paddingIdx = -1) {
    torch::nn::EmbeddingOptions options(count, width);
    if (paddingIdx >= 0) options.padding_idx(paddingIdx);
    torch::nn::Embedding embedding(options);
    const torch::NoGradGuard noGrad;
    embedding->weight.normal_(0.0, std);
    if (paddingIdx >= 0) embedding->weight[paddingIdx].zero_();
    return embedding;
}

torch::nn::LayerNorm hfLayerNorm(const HfArchitecture& architecture, std::int64_t width) {
    return torch::nn::LayerNorm(torch::nn::LayerNormOptions({width}).eps(architecture.layerNormEps));
}

torch::Tensor activate(const torch::Tensor& x, const std::string& activation) {
    if (activation == "gelu") return torch::gelu(x);
    if (activation == "relu") return torch::relu(x);
    return torch::gelu(x, "tanh");  // gelu_new, gelu_pytorch_tanh (readHfArchitecture admits no other)
}

// Scaled dot-product attention over already projected q, k, v [B, T, H] -> context [B, T, H].
torch::Tensor attend(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v,
                     const torch::Tensor& additiveMask, std::int64_t heads, double dropout, bool training) {
    const std::int64_t batch = q.size(0), steps = q.size(1), width = q.size(2), headWidth = width / heads;
    const auto splitHeads = [&](const torch::Tensor& t) {  // -> [B, heads, T, H/heads]
        return t.view({batch, steps, heads, headWidth}).permute({0, 2, 1, 3});
    };
    const torch::Tensor scores = torch::matmul(splitHeads(q), splitHeads(k).transpose(-1, -2)) /
                                     std::sqrt(static_cast<double>(headWidth)) +
                                 additiveMask;
    const torch::Tensor probabilities = torch::dropout(torch::softmax(scores, -1), dropout, training);
    return torch::matmul(probabilities, splitHeads(v)).permute({0, 2, 1, 3}).reshape({batch, steps, width});
}

}  // namespace

torch::nn::Linear hfLinear(std::int64_t in, std::int64_t out, double std) {
    torch::nn::Linear linear(in, out);
    const torch::NoGradGuard noGrad;
    linear->weight.normal_(0.0, std);
    linear->bias.zero_();
    return linear;
}

HfEmbeddingsImpl::HfEmbeddingsImpl(const HfArchitecture& architecture)
    : sepTokenId_(architecture.sepTokenId), padTokenId_(architecture.info.padTokenId) {
    const HfModelInfo& info = architecture.info;
    const double std = architecture.initializerRange;
    words_ = register_module("word_embeddings",
                             hfEmbedding(info.vocabSize, info.embeddingSize, std, info.padTokenId));
    // RoBERTa's position table has the padding row as well (positions start after it).
    positions_ = register_module("position_embeddings",
                                 hfEmbedding(info.maxPositions, info.embeddingSize, std,
                                             info.modelType == "roberta" ? info.padTokenId : -1));
    tokenTypes_ =
        register_module("token_type_embeddings", hfEmbedding(info.typeVocabSize, info.embeddingSize, std));
    norm_ = register_module("LayerNorm", hfLayerNorm(architecture, info.embeddingSize));
}

torch::Tensor HfEmbeddingsImpl::wordsAndTypes(const torch::Tensor& inputIds) {
    torch::Tensor types = torch::zeros_like(inputIds);
    if (sepTokenId_ >= 0) {
        // Type 1 after the first separator, except at padding (the tokenizers pad with type 0).
        const torch::Tensor isSeparator = (inputIds == sepTokenId_).to(torch::kInt64);
        const torch::Tensor separatorsBefore = isSeparator.cumsum(1) - isSeparator;
        types = separatorsBefore.gt(0).logical_and(inputIds != padTokenId_).to(torch::kInt64);
    }
    return words_->forward(inputIds) + tokenTypes_->forward(types);
}

torch::Tensor HfEmbeddingsImpl::forward(const torch::Tensor& wordsAndTypes, const torch::Tensor& positionIds,
                                        double dropout) {
    const torch::Tensor summed = wordsAndTypes + positions_->forward(positionIds);
    return torch::dropout(norm_->forward(summed), dropout, is_training());
}

HfBertLayerImpl::HfBertLayerImpl(const HfArchitecture& architecture)
    : heads_(architecture.info.numHeads), activation_(architecture.hiddenAct) {
    const std::int64_t hidden = architecture.info.hiddenSize,
                       intermediate = architecture.info.intermediateSize;
    const double std = architecture.initializerRange;
    const auto attention = group(*this, "attention");
    const auto self = group(*attention, "self");
    query_ = self->register_module("query", hfLinear(hidden, hidden, std));
    key_ = self->register_module("key", hfLinear(hidden, hidden, std));
    value_ = self->register_module("value", hfLinear(hidden, hidden, std));
    const auto attentionOutput = group(*attention, "output");
    attentionOutput_ = attentionOutput->register_module("dense", hfLinear(hidden, hidden, std));
    attentionNorm_ = attentionOutput->register_module("LayerNorm", hfLayerNorm(architecture, hidden));
    intermediate_ =
        group(*this, "intermediate")->register_module("dense", hfLinear(hidden, intermediate, std));
    const auto output = group(*this, "output");
    output_ = output->register_module("dense", hfLinear(intermediate, hidden, std));
    outputNorm_ = output->register_module("LayerNorm", hfLayerNorm(architecture, hidden));
}

torch::Tensor HfBertLayerImpl::forward(const torch::Tensor& x, const torch::Tensor& additiveMask,
                                       double attentionDropout, double hiddenDropout) {
    const bool training = is_training();
    const torch::Tensor context = attend(query_->forward(x), key_->forward(x), value_->forward(x),
                                         additiveMask, heads_, attentionDropout, training);
    const torch::Tensor attended = attentionNorm_->forward(
        x + torch::dropout(attentionOutput_->forward(context), hiddenDropout, training));
    const torch::Tensor fed = output_->forward(activate(intermediate_->forward(attended), activation_));
    return outputNorm_->forward(attended + torch::dropout(fed, hiddenDropout, training));
}

HfAlbertLayerImpl::HfAlbertLayerImpl(const HfArchitecture& architecture)
    : heads_(architecture.info.numHeads), activation_(architecture.hiddenAct) {
    const std::int64_t hidden = architecture.info.hiddenSize,
                       intermediate = architecture.info.intermediateSize;
    const double std = architecture.initializerRange;
    fullLayerNorm_ = register_module("full_layer_layer_norm", hfLayerNorm(architecture, hidden));
    const auto attention = group(*this, "attention");
    query_ = attention->register_module("query", hfLinear(hidden, hidden, std));
    key_ = attention->register_module("key", hfLinear(hidden, hidden, std));
    value_ = attention->register_module("value", hfLinear(hidden, hidden, std));
    dense_ = attention->register_module("dense", hfLinear(hidden, hidden, std));
    attentionNorm_ = attention->register_module("LayerNorm", hfLayerNorm(architecture, hidden));
    ffn_ = register_module("ffn", hfLinear(hidden, intermediate, std));
    ffnOutput_ = register_module("ffn_output", hfLinear(intermediate, hidden, std));
}

torch::Tensor HfAlbertLayerImpl::forward(const torch::Tensor& x, const torch::Tensor& additiveMask,
                                         double attentionDropout, double hiddenDropout) {
    const bool training = is_training();
    const torch::Tensor context = attend(query_->forward(x), key_->forward(x), value_->forward(x),
                                         additiveMask, heads_, attentionDropout, training);
    const torch::Tensor attended =
        attentionNorm_->forward(x + torch::dropout(dense_->forward(context), hiddenDropout, training));
    const torch::Tensor fed = ffnOutput_->forward(activate(ffn_->forward(attended), activation_));
    return fullLayerNorm_->forward(fed + attended);
}

HfEncoderImpl::HfEncoderImpl(const HfArchitecture& architecture, bool withPooler)
    : roberta_(architecture.info.modelType == "roberta"),
      applications_(architecture.info.numLayers),
      padTokenId_(architecture.info.padTokenId),
      maxPositions_(architecture.info.maxPositions) {
    const HfModelInfo& info = architecture.info;
    const double std = architecture.initializerRange;
    embeddings_ = register_module("embeddings", HfEmbeddings(architecture));
    const auto encoder = group(*this, "encoder");
    if (info.modelType == "albert") {
        embeddingMapping_ = encoder->register_module("embedding_hidden_mapping_in",
                                                     hfLinear(info.embeddingSize, info.hiddenSize, std));
        sharedLayer_ = HfAlbertLayer(architecture);
        torch::nn::ModuleList albertLayers;
        albertLayers->push_back(sharedLayer_);
        const auto layerGroup = std::make_shared<torch::nn::Module>();
        layerGroup->register_module("albert_layers", albertLayers);
        torch::nn::ModuleList layerGroups;
        layerGroups->push_back(layerGroup);
        encoder->register_module("albert_layer_groups", layerGroups);
    } else {
        torch::nn::ModuleList layerList;
        for (std::int64_t i = 0; i < info.numLayers; ++i) {
            layers_.push_back(HfBertLayer(architecture));
            layerList->push_back(layers_.back());
        }
        encoder->register_module("layer", layerList);
    }
    if (withPooler) {
        pooler_ = hfLinear(info.hiddenSize, info.hiddenSize, std);
        if (info.modelType == "albert")
            register_module("pooler", pooler_);
        else
            group(*this, "pooler")->register_module("dense", pooler_);
    }
}

torch::Tensor HfEncoderImpl::forward(const torch::Tensor& embedded, const torch::Tensor& attentionMask,
                                     const std::vector<double>& rates) {
    if (rates.size() != static_cast<std::size_t>(1 + 2 * applications_))
        throw Error("HfEncoder: " + std::to_string(rates.size()) + " dropout rates for " +
                    std::to_string(1 + 2 * applications_) + " sites");
    const std::int64_t batch = embedded.size(0), steps = embedded.size(1);
    const std::int64_t lastPosition = roberta_ ? padTokenId_ + steps : steps - 1;
    if (lastPosition >= maxPositions_)
        throw Error("the model takes at most " +
                    std::to_string(maxPositions_ - (roberta_ ? padTokenId_ + 1 : 0)) +
                    " tokens per sequence (max_position_embeddings), got " + std::to_string(steps));
    const torch::Tensor real = attentionMask.to(embedded.device()).to(torch::kInt64);
    torch::Tensor positionIds;
    if (roberta_)  // transformers' create_position_ids_from_input_ids: pad, then pad + 1, pad + 2, ...
        positionIds = real.cumsum(1) * real + padTokenId_;
    else
        positionIds =
            torch::arange(steps, torch::TensorOptions().dtype(torch::kInt64).device(embedded.device()))
                .unsqueeze(0)
                .expand({batch, steps});
    const torch::Tensor additiveMask =
        ((1 - real).to(embedded.scalar_type()) * lowestFinite(embedded.scalar_type()))
            .view({batch, 1, 1, steps});

    torch::Tensor hidden = embeddings_->forward(embedded, positionIds, rates[0]);
    if (embeddingMapping_) hidden = embeddingMapping_->forward(hidden);
    for (std::int64_t i = 0; i < applications_; ++i) {
        const double attentionRate = rates[1 + 2 * i], hiddenRate = rates[2 + 2 * i];
        hidden = sharedLayer_ ? sharedLayer_->forward(hidden, additiveMask, attentionRate, hiddenRate)
                              : layers_[i]->forward(hidden, additiveMask, attentionRate, hiddenRate);
    }
    return hidden;
}

torch::Tensor HfEncoderImpl::pool(const torch::Tensor& hidden) {
    if (!pooler_) throw Error("HfEncoder::pool: this encoder has no pooler");
    return torch::tanh(pooler_->forward(hidden.select(1, 0)));
}

}  // namespace uegr
