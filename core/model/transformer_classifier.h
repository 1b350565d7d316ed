#pragma once
// Transformer encoder classifier: word + learned position embeddings -> LayerNorm (-> linear
// projection when embedding_dim != hidden_dim) -> model.num_layers pre-LN blocks -> final
// LayerNorm -> mean over real tokens -> linear head.
#include <torch/torch.h>

#include <vector>

#include "model/text_classifier.h"

namespace uegr {

// Multi-head self-attention built from linear layers (torch::nn::MultiheadAttention's C++
// interface differs between LibTorch versions).
class SelfAttentionImpl : public torch::nn::Module {
public:
    SelfAttentionImpl(std::int64_t width, std::int64_t heads);
    // x [B, T, H], mask [B, T] bool: keys at false positions receive no attention.
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& mask);

private:
    std::int64_t heads_;
    torch::nn::Linear query_{nullptr}, key_{nullptr}, value_{nullptr}, output_{nullptr};
};
TORCH_MODULE(SelfAttention);

// Pre-LN block: x + drop(attention(norm(x))), then x + drop(feed_forward(norm(x))).
class EncoderBlockImpl : public torch::nn::Module {
public:
    EncoderBlockImpl(std::int64_t width, std::int64_t heads, std::int64_t ffWidth);
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& mask, double dropoutRate);

private:
    torch::nn::LayerNorm attentionNorm_{nullptr}, feedForwardNorm_{nullptr};
    SelfAttention attention_{nullptr};
    torch::nn::Linear feedForwardIn_{nullptr}, feedForwardOut_{nullptr};
};
TORCH_MODULE(EncoderBlock);

class TransformerClassifierImpl : public TextClassifierImpl {
public:
    TransformerClassifierImpl(const ModelConfig& config, std::int64_t vocabSize, int numLabels,
                              int maxLength);

    torch::Tensor embed(const torch::Tensor& inputIds) override;
    torch::Tensor forwardEmbedded(const torch::Tensor& embeddings, const torch::Tensor& attentionMask,
                                  const std::vector<double>& dropoutRates) override;
    std::vector<DropoutSite> dropoutSites() const override;
    std::vector<ParameterLayer> parameterLayers() const override;

private:
    std::int64_t maxLength_;
    torch::nn::Embedding embeddings_{nullptr}, positionEmbeddings_{nullptr};
    torch::nn::LayerNorm embeddingNorm_{nullptr};
    torch::nn::Linear inputProjection_{nullptr};  // only when embedding_dim != hidden_dim
    std::vector<EncoderBlock> blocks_;            // registered as "block0", "block1", ...
    torch::nn::LayerNorm finalNorm_{nullptr};
    torch::nn::Linear head_{nullptr};
};

}  // namespace uegr
