#pragma once
// model.type "hf": a pretrained Hugging Face folder (model.path) becomes the model to fine-tune
// plus the folder's own tokenizer, with what loading found (missing or unexpected weights, a
// new classifier head) as readable notes.
#include <string>
#include <vector>

#include "config/run_config.h"
#include "model/hf_classifier.h"
#include "model/text_classifier.h"
#include "text/text_encoder.h"

namespace uegr {

struct PretrainedModel {
    TextClassifier model;
    TextEncoder encoder;
    std::vector<std::string> notes;
};

// Throws ConfigError("model.path") for a folder that is not a Hugging Face model folder and
// ConfigError("data.max_length") when maxLength exceeds the model's position table; problems
// inside the folder's files are InputErrors naming the file.
PretrainedModel loadPretrainedModel(const ModelConfig& config, int numLabels, int maxLength);

// What loading `folder` found that a user should know: no weights file, missing or unused
// weights, a classifier head initialised for numLabels labels. For training notes and for the
// warnings of a loaded model bundle alike.
std::vector<std::string> hfLoadWarnings(const std::string& folder, const HfModelInfo& info,
                                        const HfLoadReport& report, int numLabels);

}  // namespace uegr
