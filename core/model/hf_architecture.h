#pragma once
// Everything config.json of a Hugging Face model folder fixes about the network: the public
// HfModelInfo plus the numerics (activation, LayerNorm epsilon, dropout, initialisation) and
// the ids the encoder needs. Internal to core/model/hf_*.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

#include "model/hf_classifier.h"

namespace uegr {

struct HfArchitecture {
    HfModelInfo info;
    nlohmann::json config;  // config.json as read, the base of an exported config
    std::string hiddenAct;  // "gelu" (exact, erf), "gelu_new" / "gelu_pytorch_tanh" (tanh form), "relu"
    double layerNormEps = 1e-12;
    double hiddenDropout = 0.1;
    double attentionDropout = 0.1;
    double initializerRange = 0.02;
    // Token types: 0 up to and including the first separator, 1 after it. From config.json's
    // sep_token_id, else the "[SEP]" added token of tokenizer.json, else the "[SEP]" line of
    // vocab.txt, else the conventional id (BERT 102, ALBERT 3); RoBERTa has one token type and
    // needs none (-1).
    std::int64_t sepTokenId = -1;
    std::int64_t numHiddenGroups = 1;  // ALBERT
    std::int64_t innerGroupNum = 1;    // ALBERT
};

// Throws InputError(<folder>/config.json, 0, ...) naming the key at fault.
HfArchitecture readHfArchitecture(const std::string& folder);

// The Hugging Face class name for AutoModelForSequenceClassification of a model type,
// e.g. "BertForSequenceClassification".
std::string hfSequenceClassificationClass(const std::string& modelType);

}  // namespace uegr
