#pragma once
// TextCNN (Kim 2014): word embeddings -> one Conv1d per kernel size, ReLU, max over time ->
// concatenation -> linear head.
#include <torch/torch.h>

#include <vector>

#include "model/text_classifier.h"

namespace uegr {

class TextCnnImpl : public TextClassifierImpl {
public:
    TextCnnImpl(const ModelConfig& config, std::int64_t vocabSize, int numLabels);

    torch::Tensor embed(const torch::Tensor& inputIds) override;
    torch::Tensor forwardEmbedded(const torch::Tensor& embeddings, const torch::Tensor& attentionMask,
                                  const std::vector<double>& dropoutRates) override;
    std::vector<DropoutSite> dropoutSites() const override;
    std::vector<ParameterLayer> parameterLayers() const override;

private:
    std::vector<int> kernelSizes_;
    torch::nn::Embedding embeddings_{nullptr};
    std::vector<torch::nn::Conv1d> convs_;  // registered as "conv0", "conv1", ...
    torch::nn::Linear head_{nullptr};
};

}  // namespace uegr
