#pragma once
// The tiny run the studio-side tests share: a TextCNN (8-dimensional embeddings, 4 filters of
// widths 2 and 3) on tests/data/studio/tiny.csv (48 rows, a quarter split off as dev, no test
// split), 36 training rows in batches of 12 (3 steps per epoch), 2 epochs, one thread, written
// to runDir. A step takes milliseconds. Tests change what they are about (method, epochs, when
// to evaluate) on the returned config.
#include <QString>

#include "config/run_config.h"

namespace uegr::testing {

inline RunConfig tinyRunConfig(const QString& runDir) {
    RunConfig config;
    config.data.train = UEGR_TEST_DATA_DIR "/studio/tiny.csv";
    config.data.devRatio = 0.25;
    config.data.testRatio = 0;
    config.model.embeddingDim = 8;
    config.model.numFilters = 4;
    config.model.kernelSizes = {2, 3};
    config.training.epochs = 2;
    config.training.batchSize = 12;
    config.training.threads = 1;
    config.output.dir = runDir.toStdString();
    return config;
}

}  // namespace uegr::testing
