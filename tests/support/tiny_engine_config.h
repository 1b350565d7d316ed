#pragma once
// The run config of the in-process training tests: a TextCNN (12-dimensional embeddings, 6
// filters of widths 2 and 3) on tests/data/engine (96/24/24 rows), 2 epochs of batch 16 on the
// CPU. Tests change what they exercise on the returned config.
#include <string>

#include "config/run_config.h"

namespace uegr::testing {

// A Transformer of two layers, width 16, two heads: several layers with several eligible tensors.
inline void useSmallTransformer(ModelConfig& model) {
    model.type = "transformer";
    model.embeddingDim = model.hiddenDim = 16;
    model.numHeads = 2;
    model.ffDim = 24;
}

inline RunConfig tinyEngineRunConfig(const std::string& method, const std::string& runDir) {
    RunConfig config;
    const std::string data = std::string(UEGR_TEST_DATA_DIR) + "/engine/";
    config.data.train = data + "train.csv";
    config.data.dev = data + "dev.csv";
    config.data.test = data + "test.csv";
    config.data.maxLength = 16;
    config.model.type = "textcnn";
    config.model.embeddingDim = 12;
    config.model.numFilters = 6;
    config.model.kernelSizes = {2, 3};
    config.training.method = method;
    config.training.epochs = 2;
    config.training.batchSize = 16;
    config.training.lr = 5e-3;
    config.training.device = "cpu";
    config.training.threads = 1;
    config.output.dir = runDir;
    return config;
}

}  // namespace uegr::testing
