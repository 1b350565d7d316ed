#pragma once
// BertForSequenceClassification, RobertaForSequenceClassification and
// AlbertForSequenceClassification behind TextClassifierImpl, with transformers' parameter names
// ("bert.encoder.layer.0.attention.self.query.weight", "classifier.weight", ...).
//  - BERT / ALBERT: classifier(dropout(tanh(pooler([CLS])))).
//  - RoBERTa (RobertaClassificationHead): classifier.out_proj(dropout(tanh(classifier.dense(
//    dropout(<s>))))).
// Dropout sites, in order: "embeddings", then "layerN.attention" (attention probabilities) and
// "layerN.hidden" (residual branches) per layer application, then "classifier".
#include <torch/torch.h>

#include <string>
#include <vector>

#include "model/hf_architecture.h"
#include "model/hf_encoder.h"
#include "model/text_classifier.h"

namespace uegr {

class HfSequenceClassifierImpl : public TextClassifierImpl {
public:
    // Weights initialised as transformers initialises a new model (N(0, initializer_range)).
    HfSequenceClassifierImpl(HfArchitecture architecture, int numLabels, double dropout);

    torch::Tensor embed(const torch::Tensor& inputIds) override;
    torch::Tensor forwardEmbedded(const torch::Tensor& embeddings, const torch::Tensor& attentionMask,
                                  const std::vector<double>& dropoutRates) override;
    std::vector<DropoutSite> dropoutSites() const override;
    std::vector<ParameterLayer> parameterLayers() const override;

    const HfArchitecture& architecture() const { return architecture_; }
    int numLabels() const { return numLabels_; }
    // "bert", "roberta" or "albert": the encoder's name and the prefix of its parameters.
    const std::string& encoderName() const { return architecture_.info.modelType; }
    // Names of the classification head's parameters ("classifier.*"), which a checkpoint of the
    // bare encoder lacks.
    std::vector<std::string> classifierParameterNames() const;
    // Fresh classification head: weights ~ N(0, initializer_range), biases 0.
    void initialiseClassifier();

private:
    HfArchitecture architecture_;
    int numLabels_;
    HfEncoder encoder_{nullptr};
    torch::nn::Linear classifier_{nullptr};                           // BERT, ALBERT
    torch::nn::Linear headDense_{nullptr}, headProjection_{nullptr};  // RoBERTa
};
TORCH_MODULE(HfSequenceClassifier);

}  // namespace uegr
