#pragma once
// The encoders of BERT, RoBERTa and ALBERT (the module transformers names "bert", "roberta" or
// "albert"), built so named_parameters() gives transformers' names, e.g.
// "embeddings.word_embeddings.weight", "encoder.layer.0.attention.self.query.weight",
// "encoder.albert_layer_groups.0.albert_layers.0.ffn.weight", "pooler.dense.weight".
// Numerics follow transformers: post-LN layers, the attention mask added as the lowest float,
// dropout on the attention probabilities and on each residual branch.
#include <torch/torch.h>

#include <vector>

#include "model/hf_architecture.h"

namespace uegr {

// Word, position and token-type tables and their LayerNorm ("embeddings.*").
class HfEmbeddingsImpl : public torch::nn::Module {
public:
    explicit HfEmbeddingsImpl(const HfArchitecture& architecture);
    // [B, T] ids -> word + token-type embeddings [B, T, E]; token types come from the ids.
    torch::Tensor wordsAndTypes(const torch::Tensor& inputIds);
    // Adds the embeddings of positionIds [B, T], normalises and drops out.
    torch::Tensor forward(const torch::Tensor& wordsAndTypes, const torch::Tensor& positionIds,
                          double dropout);

private:
    std::int64_t sepTokenId_, padTokenId_;
    torch::nn::Embedding words_{nullptr}, positions_{nullptr}, tokenTypes_{nullptr};
    torch::nn::LayerNorm norm_{nullptr};
};
TORCH_MODULE(HfEmbeddings);

// One BERT/RoBERTa layer: attention.self.{query,key,value}, attention.output.{dense,LayerNorm},
// intermediate.dense, output.{dense,LayerNorm}.
class HfBertLayerImpl : public torch::nn::Module {
public:
    explicit HfBertLayerImpl(const HfArchitecture& architecture);
    // additiveMask [B, 1, 1, T]: 0 at real keys, the lowest float at padding.
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& additiveMask, double attentionDropout,
                          double hiddenDropout);

private:
    std::int64_t heads_;
    std::string activation_;
    torch::nn::Linear query_{nullptr}, key_{nullptr}, value_{nullptr}, attentionOutput_{nullptr};
    torch::nn::LayerNorm attentionNorm_{nullptr};
    torch::nn::Linear intermediate_{nullptr}, output_{nullptr};
    torch::nn::LayerNorm outputNorm_{nullptr};
};
TORCH_MODULE(HfBertLayer);

// One ALBERT layer: attention.{query,key,value,dense,LayerNorm}, ffn, ffn_output,
// full_layer_layer_norm. As in transformers, the hidden dropout applies to the attention
// branch only (AlbertLayer defines a dropout its forward never uses).
class HfAlbertLayerImpl : public torch::nn::Module {
public:
    explicit HfAlbertLayerImpl(const HfArchitecture& architecture);
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& additiveMask, double attentionDropout,
                          double hiddenDropout);

private:
    std::int64_t heads_;
    std::string activation_;
    torch::nn::Linear query_{nullptr}, key_{nullptr}, value_{nullptr}, dense_{nullptr};
    torch::nn::LayerNorm attentionNorm_{nullptr};
    torch::nn::Linear ffn_{nullptr}, ffnOutput_{nullptr};
    torch::nn::LayerNorm fullLayerNorm_{nullptr};
};
TORCH_MODULE(HfAlbertLayer);

class HfEncoderImpl : public torch::nn::Module {
public:
    // withPooler: BERT and ALBERT classify the pooled [CLS]; RoBERTa's classifier has no pooler.
    HfEncoderImpl(const HfArchitecture& architecture, bool withPooler);

    torch::Tensor embed(const torch::Tensor& inputIds) { return embeddings_->wordsAndTypes(inputIds); }
    // Hidden states [B, T, H]. rates = {embeddings, layer0 attention, layer0 hidden, layer1 ...}:
    // 1 + 2 * applications() values.
    torch::Tensor forward(const torch::Tensor& embedded, const torch::Tensor& attentionMask,
                          const std::vector<double>& rates);
    // tanh(pooler(hidden[:, 0])).
    torch::Tensor pool(const torch::Tensor& hidden);

    // Layer applications (ALBERT applies its one shared layer num_hidden_layers times).
    std::int64_t applications() const { return applications_; }

private:
    bool roberta_;
    std::int64_t applications_, padTokenId_, maxPositions_;
    HfEmbeddings embeddings_{nullptr};
    torch::nn::Linear embeddingMapping_{nullptr};  // ALBERT: embedding_size -> hidden_size
    std::vector<HfBertLayer> layers_;              // BERT/RoBERTa: encoder.layer.N
    HfAlbertLayer sharedLayer_{nullptr};           // ALBERT: encoder.albert_layer_groups.0.albert_layers.0
    torch::nn::Linear pooler_{nullptr};
};
TORCH_MODULE(HfEncoder);

// A Linear / Embedding initialised as transformers' _init_weights does: weights ~ N(0, std),
// biases 0, the padding row 0.
torch::nn::Linear hfLinear(std::int64_t in, std::int64_t out, double std);

}  // namespace uegr
