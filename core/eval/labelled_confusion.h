#pragma once
// The confusion matrix of one evaluation with the label names of its rows (true) and columns
// (predicted), the data of the per-class report in summaries, checkpoints, `uegr eval` and the
// studio. Empty where it is not known: files written before it was recorded.
#include <string>
#include <vector>

#include "eval/metrics.h"

namespace uegr {

struct LabelledConfusion {
    std::vector<std::string> labels;  // index order, as the model's labels.json
    ConfusionMatrix matrix;

    bool empty() const { return labels.empty(); }
};

}  // namespace uegr
