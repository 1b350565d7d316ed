#pragma once
// The interface every classifier implements so the UEGR trainer can drive it:
//  - the word-embedding lookup is separate from the rest, so the adversary perturbs e;
//  - named dropout sites (one per layer/block plus the classifier input) whose rates are
//    chosen per forward pass;
//  - a partition of the parameters into layers, for per-layer mask density and importance.
#include <torch/torch.h>

#include <memory>
#include <string>
#include <vector>

#include "config/run_config.h"

namespace uegr {

struct DropoutSite {
    std::string name;   // e.g. "block0", "classifier"
    std::string layer;  // the parameter layer whose importance drives this site's rate
};

struct ParameterLayer {
    std::string name;                         // e.g. "embeddings", "block0", "head"
    std::vector<std::string> parameterNames;  // full names as in named_parameters()
};

class TextClassifierImpl : public torch::nn::Module {
public:
    // [B, T] int64 ids -> [B, T, E] word embeddings (before positions and normalisation).
    virtual torch::Tensor embed(const torch::Tensor& inputIds) = 0;

    // Logits [B, C] from word embeddings. `dropoutRates` holds one rate per site in
    // dropoutSites() order; it only has an effect in training mode.
    virtual torch::Tensor forwardEmbedded(const torch::Tensor& embeddings, const torch::Tensor& attentionMask,
                                          const std::vector<double>& dropoutRates) = 0;

    virtual std::vector<DropoutSite> dropoutSites() const = 0;
    virtual std::vector<ParameterLayer> parameterLayers() const = 0;  // covers every parameter once

    // The model's ordinary dropout at every site.
    std::vector<double> defaultDropoutRates() const {
        return std::vector<double>(dropoutSites().size(), defaultDropout_);
    }
    torch::Tensor forward(const torch::Tensor& inputIds, const torch::Tensor& attentionMask) {
        return forwardEmbedded(embed(inputIds), attentionMask, defaultDropoutRates());
    }

protected:
    double defaultDropout_ = 0.1;
};

using TextClassifier = std::shared_ptr<TextClassifierImpl>;

// Builds the model model.type names. vocabSize and numLabels come from the data.
TextClassifier createModel(const ModelConfig& config, std::int64_t vocabSize, int numLabels, int maxLength);

}  // namespace uegr
