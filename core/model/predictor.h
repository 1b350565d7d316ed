#pragma once
// Class probabilities for raw texts with a loaded model bundle.
#include <string>
#include <vector>

#include "model/model_bundle.h"

namespace uegr {

struct Prediction {
    int label = -1;                     // argmax, an index into the bundle's labels
    std::vector<double> probabilities;  // softmax of logits, in label index order
    std::vector<double> logits;
};

// Tokenises and encodes the texts as training did (lower-casing, max length), then runs the
// model in eval mode without gradients, `batchSize` texts at a time, on the device the model
// lives on. Empty texts are allowed (they encode to <unk>).
std::vector<Prediction> predictTexts(const ModelBundle& bundle, const std::vector<std::string>& texts,
                                     int batchSize = 64);

}  // namespace uegr
