#pragma once
// A trained model as a folder that Python tools can read too:
//   model.safetensors  every parameter and buffer, float32 (metadata "format": "pt")
//   config.json        {"format": "uegr-model", "format_version", "model": {type, embedding_dim,
//                      hidden_dim, num_layers, num_heads, ff_dim, kernel_sizes, num_filters,
//                      dropout, path}, "num_labels", "labels", "vocab_size", "max_length",
//                      "lowercase", "columns" (model/trained_columns.h)}
//   vocab.txt          one token per line, line i = id i
//   labels.json        label names in index order
// A model fine-tuned from a pretrained Hugging Face folder (model.type "hf") is saved instead as
// a folder `transformers` loads (see model/hf_classifier.h), with "uegr_max_length" and
// "uegr_columns" added to its config.json; loadModelBundle reads both kinds, and any Hugging Face
// folder.
#include <string>
#include <vector>

#include "config/run_config.h"
#include "data/dataset.h"
#include "data/table_reader.h"
#include "model/text_classifier.h"
#include "model/trained_columns.h"
#include "text/text_encoder.h"

namespace uegr {

struct ModelBundle {
    TextClassifier model;  // on the CPU, in eval mode
    ModelConfig modelConfig;
    TextEncoder encoder;
    LabelSet labels;
    int maxLength = 128;
    ColumnMapping columns;              // of the table it was trained on; defaultColumns() when not recorded
    std::vector<std::string> warnings;  // e.g. a Hugging Face folder whose classifier head was initialised
};

constexpr int kModelBundleFormatVersion = 1;

// Creates `dir` if needed; each file is written atomically. The model may live on any device.
void saveModelBundle(const std::string& dir, TextClassifierImpl& model, const ModelConfig& modelConfig,
                     const TextEncoder& encoder, const LabelSet& labels, int maxLength,
                     const ColumnMapping& columns = defaultColumns());

struct ModelLoadOptions {
    // A Hugging Face folder lacking weights (no model.safetensors, a missing tensor or head) is
    // refused unless this is set; then they are initialised randomly, with a warning.
    bool allowMissingWeights = false;
};

// Throws InputError naming the offending file: missing file, malformed JSON or safetensors,
// corrupt (checksum) or non-finite weights, missing, unexpected or mis-shaped tensors (all
// listed), out-of-range dimensions, or files that disagree.
ModelBundle loadModelBundle(const std::string& dir, const ModelLoadOptions& options = {});

}  // namespace uegr
