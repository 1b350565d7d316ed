#pragma once
// The one JSON form of a LabelledConfusion, shared by summary.json (best_dev, test), checkpoints'
// best metrics and `uegr eval`:
//   "labels":    ["neg", "pos"]
//   "confusion": [[5, 1], [2, 4]]           rows: true label, columns: predicted label
//   "per_class": [{"label", "precision", "recall", "f1", "support"}, ...]   (eval/metrics.h)
// per_class is derived from the matrix for readers of the file; the reader ignores it.
#include <nlohmann/json_fwd.hpp>

#include "eval/labelled_confusion.h"

namespace uegr {

class JsonField;

// Adds the three keys to `object`; nothing when `confusion` is empty. Throws uegr::Error when the
// number of labels is not the matrix's.
void addConfusionJson(nlohmann::json& object, const LabelledConfusion& confusion);

// Reads "labels" and "confusion" from `object`; both absent (older files) gives an empty result.
// One without the other, a non-square matrix, a size other than the number of labels or a
// negative count is an InputError naming the file and key.
LabelledConfusion confusionFromJson(const JsonField& object);

}  // namespace uegr
