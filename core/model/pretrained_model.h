#pragma once
// model.type "hf": a pretrained Hugging Face folder (model.path) becomes the model to fine-tune
// plus the folder's own tokenizer, with what loading found (a new classifier head, unused
// weights) as readable notes. Weights the folder lacks are an error unless asked for.
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
// inside the folder's files, missing weights included (see reviewHfLoad), are InputErrors
// naming the file.
PretrainedModel loadPretrainedModel(const ModelConfig& config, int numLabels, int maxLength);

struct HfWeightsPolicy {
    bool allowMissingWeights = false;  // initialise what the folder lacks instead of refusing
    bool fineTuning = false;           // a base checkpoint's missing head is expected, not missing weights
};

struct HfLoadNotes {
    std::vector<std::string> info;      // expected: a new classifier head when fine-tuning
    std::vector<std::string> warnings;  // weights initialised on purpose, weights the model does not use
};

// Judges what loading `folder` found. Without policy.allowMissingWeights, a folder with no
// model.safetensors, or one lacking a weight the architecture needs (the classifier head
// included, unless fine-tuning), is an InputError naming the folder or file and the weights.
HfLoadNotes reviewHfLoad(const std::string& folder, const HfModelInfo& info, const HfLoadReport& report,
                         int numLabels, const HfWeightsPolicy& policy);

}  // namespace uegr
