#pragma once
// What the studio shows about a local Hugging Face model folder before training: architecture,
// size, tokenizer, and an estimated CPU step time for the current run config. Reading the
// folder and timing the CPU take a moment: call describePretrainedFolder off the GUI thread.
#include <QString>
#include <QStringList>

#include "config/run_config.h"

namespace uegr::studio {

struct PretrainedFolderSummary {
    QString folder;
    QString error;         // set when the folder cannot be used; the other fields are then empty
    QString architecture;  // "bert", "roberta" or "albert"
    int layers = 0, hiddenSize = 0, heads = 0, maxPositions = 0;
    qint64 parameters = 0;
    QString tokenizer;  // SubwordTokenizer::kind(): "wordpiece", "bpe", "sentencepiece" or "unigram"
    qint64 vocabSize = 0;
    bool hasWeights = false;
    QStringList labels;
    double estimatedCpuStepSeconds = 0;  // for config's method, batch size and max length
    bool slowOnCpu = false;              // the estimate is above core's kSlowCpuStepSeconds
};

PretrainedFolderSummary describePretrainedFolder(const QString& folder, const RunConfig& config);

}  // namespace uegr::studio
