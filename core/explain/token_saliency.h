#pragma once
// Which input tokens drive a classifier's decision on one example: attributions on the word
// embeddings e, summed over the embedding dimension and signed (positive pushes the target
// logit up). Gradient × input: e ⊙ ∂logit/∂e. Integrated gradients (Sundararajan et al. 2017):
// (e − b) ⊙ the mean gradient along the straight path from the baseline b = 0 to e (Riemann
// midpoint rule), so the scores add up to logit(e) − logit(0) as the steps grow.
#include <cstdint>
#include <string>
#include <vector>

#include "model/text_classifier.h"
#include "text/text_encoder.h"

namespace uegr {

enum class AttributionMethod { GradientTimesInput, IntegratedGradients };

struct TokenAttributionOptions {
    AttributionMethod method = AttributionMethod::GradientTimesInput;
    int target = -1;         // class whose logit is explained; -1: the predicted class
    int steps = 32;          // integrated gradients: points on the path
    int stepsPerBatch = 16;  // integrated gradients: path points per forward pass
};

struct TokenAttribution {
    std::vector<std::string> tokens;  // the encoder's spelling of each id
    std::vector<double> scores;       // one per token; exactly 0 on <pad>
    int target = -1;
    int predicted = -1;
    std::vector<double> probabilities;  // softmax of the logits, label index order
    double targetLogit = 0;             // logit(e) of the target class
    double baselineLogit = 0;           // logit(0) of the target class (the IG baseline)
};

// `ids` is one encoded example; the encoder's pad ids are treated as padding (masked out). Runs in eval
// mode on the model's device and leaves the parameters' .grad untouched. Throws uegr::Error on
// an empty example, a target outside the model's classes or fewer than one step.
TokenAttribution attributeTokens(TextClassifierImpl& model, const TextEncoder& encoder,
                                 const std::vector<std::int64_t>& ids,
                                 const TokenAttributionOptions& options);

}  // namespace uegr
