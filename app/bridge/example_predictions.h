#pragma once
// Every example of a run's dev or test split with the label its model predicts and how sure it
// is, for the Runs page's prediction table. predictRunExamples blocks (LibTorch work): run it with
// QtConcurrent, whose QPromise carries progress and cancellation. No torch in this header.
#include <QPromise>
#include <QString>
#include <QStringList>
#include <vector>

namespace uegr::studio {

struct ExamplePrediction {
    QString text;
    QString pair;        // empty unless a sentence-pair task
    int trueLabel = -1;  // indices into ExamplePredictions::labels
    int predicted = -1;
    double confidence = 0;  // the predicted class's probability
    bool correct() const { return trueLabel == predicted; }
};

enum class PredictionSplit { Dev, Test };

struct ExamplePredictions {
    QString runDir;
    PredictionSplit split = PredictionSplit::Dev;
    QStringList labels;                   // the model's, in index order
    std::vector<ExamplePrediction> rows;  // in the split's order
    QString error;  // why there are no rows (no model bundle, no such split, ...); empty on success
};

// Loads <runDir>/model and the split of <runDir>/config.json, then predicts `batchSize` examples
// at a time, reporting the examples done as progress. Examples whose label the model does not
// know are left out. A cancelled promise stops after the current batch and adds no result.
void predictRunExamples(QPromise<ExamplePredictions>& promise, const QString& runDir, PredictionSplit split,
                        int batchSize = 64);

}  // namespace uegr::studio
