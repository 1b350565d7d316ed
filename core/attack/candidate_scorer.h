#pragma once
// Class probabilities for attack candidates: encodes texts exactly as training did (tokenizer,
// lower-casing, sentence-pair joining, max length) and scores them `batchSize` candidates per
// forward pass, in eval mode without gradients, on the model's device. Counts queries: one per
// candidate scored.
#include <cstdint>
#include <string>
#include <vector>

#include "model/model_bundle.h"

namespace uegr {

class CandidateScorer {
public:
    CandidateScorer(const ModelBundle& bundle, int batchSize);

    // The ids the model sees for `text` (+ `pair` when non-empty).
    std::vector<std::int64_t> encode(const std::string& text, const std::string& pair) const;

    // One probability row per candidate, in label index order.
    std::vector<std::vector<double>> score(const std::vector<std::vector<std::int64_t>>& candidates);
    std::vector<std::vector<double>> scoreTexts(const std::vector<std::string>& texts,
                                                const std::string& pair);

    std::int64_t queries() const { return queries_; }

private:
    const ModelBundle& bundle_;
    int batchSize_;
    std::int64_t queries_ = 0;
};

int argmax(const std::vector<double>& values);

}  // namespace uegr
