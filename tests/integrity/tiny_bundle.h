#pragma once
// A TextCNN model bundle (labels neg, pos) as `uegr train` writes it, for the integrity tests.
#include <QTemporaryDir>

#include <torch/torch.h>

#include <string>

#include "model/model_bundle.h"

namespace uegr::testing {

inline std::string saveTextCnnBundle(const QTemporaryDir& root) {
    torch::manual_seed(5);
    ModelConfig config;
    config.embeddingDim = 6;
    config.kernelSizes = {1, 2};
    config.numFilters = 3;
    const Vocabulary vocabulary = Vocabulary::build({{"a", "good", "movie"}, {"bad", "plot"}}, 1, 100);
    LabelSet labels;
    labels.add("neg");
    labels.add("pos");
    TextClassifier model = createModel(config, vocabulary.size(), 2, 8);
    const std::string dir = root.filePath("bundle").toStdString();
    saveModelBundle(dir, *model, config, TextEncoder::words(vocabulary, true), labels, 8);
    return dir;
}

}  // namespace uegr::testing
