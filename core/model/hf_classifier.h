#pragma once
// Pretrained Hugging Face encoders (BERT, RoBERTa, ALBERT) with the sequence-classification head,
// in LibTorch, with the Hugging Face parameter names, so a `transformers` model folder
// (config.json + model.safetensors + tokenizer files) loads here and exports back unchanged.
//
// UEGR hooks: embed() is the word-embedding output (plus the token-type embedding, which
// depends only on the ids; token types are derived from the ids as the reference tokenizers
// assign them: 0 up to and including the first separator, 1 after it); dropout sites are
// "layerN.attention" (attention probabilities) and "layerN.hidden" (hidden states) per
// transformer layer plus "embeddings" and "classifier"; parameter layers are "embeddings",
// "layer0".."layerN-1" (ALBERT: the shared group counts once, as "layer0") and "head".
#include <cstdint>
#include <string>
#include <vector>

#include "model/text_classifier.h"

namespace uegr {

// What config.json of a model folder says (only what the studio and the loader need).
struct HfModelInfo {
    std::string folder;
    std::string modelType;  // "bert", "roberta" or "albert"
    std::int64_t vocabSize = 0;
    std::int64_t hiddenSize = 0;
    std::int64_t embeddingSize = 0;  // ALBERT's factorised embedding width; = hiddenSize otherwise
    std::int64_t numLayers = 0;
    std::int64_t numHeads = 0;
    std::int64_t intermediateSize = 0;
    std::int64_t maxPositions = 0;
    std::int64_t typeVocabSize = 0;
    std::int64_t padTokenId = 0;
    std::int64_t parameterCount = 0;  // with a head for 2 labels
    std::vector<std::string> labels;  // from id2label when present, in id order
    bool hasWeights = false;          // model.safetensors present
};

// Throws InputError naming config.json and the key for a missing file, bad JSON, an unsupported
// model_type or an out-of-range dimension.
HfModelInfo readHfModelInfo(const std::string& folder);

// The longest sequence the position table serves: max_position_embeddings, less RoBERTa's
// pad_token_id + 1 rows (its positions start after the padding index).
std::int64_t usablePositions(const HfModelInfo& info);

struct HfLoadReport {
    std::vector<std::string> missing;     // expected weights the file lacks (initialised randomly)
    std::vector<std::string> missingOutsideHead;  // the same, less the classifier head
    std::vector<std::string> unexpected;  // weights in the file the architecture has no place for
    bool headInitialised = false;         // the classifier head was missing or had another label count
};

// Builds the architecture of `folder`'s config.json for `numLabels` labels and loads
// model.safetensors into it (accepting the usual name variants: with or without the
// "bert."/"roberta."/"albert." prefix, LayerNorm gamma/beta). dropout = the model's ordinary
// dropout (hidden_dropout_prob of the folder when negative).
TextClassifier loadHfClassifier(const std::string& folder, int numLabels, double dropout,
                                HfLoadReport* report);

// Writes a folder `transformers` loads with AutoModelForSequenceClassification: config.json
// (the source folder's config with id2label/label2id/num_labels and architectures set),
// model.safetensors with the Hugging Face names, and the tokenizer files copied from the source
// folder. Each file is written atomically. `model` must come from loadHfClassifier.
void exportHfClassifier(TextClassifierImpl& model, const std::string& sourceFolder,
                        const std::vector<std::string>& labels,
                        const std::vector<std::string>& tokenizerFiles, const std::string& outFolder);

bool isHfModelFolder(const std::string& folder);  // config.json with a model_type key

}  // namespace uegr
