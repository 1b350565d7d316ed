#pragma once
// BiLSTM classifier: word embeddings -> model.num_layers stacked bidirectional LSTM layers ->
// mean over real tokens -> linear head.
#include <torch/torch.h>

#include <vector>

#include "model/text_classifier.h"

namespace uegr {

// One bidirectional layer as two unidirectional LSTMs. The backward one reads each sequence
// reversed within its own length, so trailing padding never reaches a real token's state
// (the effect of packing, without packing's sorting and its failure on empty sequences).
class BiLstmLayerImpl : public torch::nn::Module {
public:
    BiLstmLayerImpl(std::int64_t inputSize, std::int64_t hiddenSize);
    // input [B, T, I], lengths [B] int64 -> [B, T, 2H], zeros at padded positions.
    torch::Tensor forward(const torch::Tensor& input, const torch::Tensor& mask,
                          const torch::Tensor& lengths);

private:
    torch::nn::LSTM forwardLstm_{nullptr};
    torch::nn::LSTM backwardLstm_{nullptr};
};
TORCH_MODULE(BiLstmLayer);

class BiLstmClassifierImpl : public TextClassifierImpl {
public:
    BiLstmClassifierImpl(const ModelConfig& config, std::int64_t vocabSize, int numLabels);

    torch::Tensor embed(const torch::Tensor& inputIds) override;
    torch::Tensor forwardEmbedded(const torch::Tensor& embeddings, const torch::Tensor& attentionMask,
                                  const std::vector<double>& dropoutRates) override;
    std::vector<DropoutSite> dropoutSites() const override;
    std::vector<ParameterLayer> parameterLayers() const override;

private:
    torch::nn::Embedding embeddings_{nullptr};
    std::vector<BiLstmLayer> layers_;  // registered as "lstm0", "lstm1", ...
    torch::nn::Linear head_{nullptr};
};

}  // namespace uegr
