#pragma once
// Clean evaluation of a classifier on an encoded dataset.
#include <torch/torch.h>

#include <cstddef>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "eval/metrics.h"

#include "model/text_classifier.h"
#include "text/batching.h"

namespace uegr {

struct EvaluationResult {
    double accuracy = 0.0;
    double macroF1 = 0.0;
    double mcc = 0.0;
    double loss = 0.0;  // mean cross-entropy per example
    std::size_t examples = 0;
    ConfusionMatrix confusion;  // rows: true label, columns: predicted; no rows for an empty dataset
};

// Runs the model without gradients and in eval mode (its previous mode is restored after),
// in order, `batchSize` examples at a time on `device` (where the model already lives).
// The number of classes is the model's output width. An empty dataset gives all zeros.
EvaluationResult evaluate(TextClassifierImpl& model, const EncodedDataset& data, int batchSize,
                          const torch::Device& device);

// {"accuracy", "macro_f1", "mcc", "loss", "examples"} and, named by `labels` (index order),
// "labels", "confusion" and "per_class" (eval/confusion_json.h).
nlohmann::json toJson(const EvaluationResult& result, const std::vector<std::string>& labels);

}  // namespace uegr
