#include "example_predictions.h"

#include <torch/torch.h>

#include <exception>

#include "config/run_config.h"
#include "data/dataset.h"
#include "model/device_selection.h"
#include "model/eval_mode_guard.h"
#include "model/model_bundle.h"
#include "text/batching.h"
#include "util/error.h"

namespace uegr::studio {
namespace {

// The split's examples with their labels mapped to the model's label indices.
Dataset knownExamples(const std::string& runDir, PredictionSplit split, const LabelSet& modelLabels) {
    const DatasetSplits splits = loadDatasetSplits(loadRunConfig(runDir + "/config.json").data);
    const Dataset& chosen = split == PredictionSplit::Dev ? splits.dev : splits.test;
    if (chosen.examples.empty())
        throw Error("the run has no " + std::string(split == PredictionSplit::Dev ? "dev" : "test") +
                    " split");
    Dataset known;
    known.source = chosen.source;
    for (Example example : chosen.examples) {
        example.label = modelLabels.indexOf(splits.labels.name(example.label));
        if (example.label >= 0) known.examples.push_back(std::move(example));
    }
    return known;
}

void predictInto(QPromise<ExamplePredictions>& promise, ExamplePredictions& result, int batchSize) {
    const std::string runDir = result.runDir.toStdString();
    ModelBundle bundle = loadModelBundle(runDir + "/model");
    const torch::Device device = resolveDevice("auto", "device");
    bundle.model->to(device);
    for (const std::string& name : bundle.labels.names()) result.labels << QString::fromStdString(name);
    const Dataset data = knownExamples(runDir, result.split, bundle.labels);
    const EncodedDataset encoded(data, bundle.encoder, bundle.maxLength);

    promise.setProgressRange(0, static_cast<int>(data.examples.size()));
    EvalModeGuard evalMode(*bundle.model);
    torch::NoGradGuard noGrad;
    for (const std::vector<std::size_t>& indices : makeBatchIndices(encoded.size(), batchSize, false, 0)) {
        if (promise.isCanceled()) return;
        const Batch batch = encoded.makeBatch(indices).to(device);
        const torch::Tensor probabilities =
            torch::softmax(bundle.model->forward(batch.inputIds, batch.attentionMask).to(torch::kFloat), 1)
                .to(torch::kCPU);
        const auto [confidence, predicted] = probabilities.max(1);
        for (std::size_t i = 0; i < indices.size(); ++i) {
            const Example& example = data.examples[indices[i]];
            const auto row = static_cast<std::int64_t>(i);
            result.rows.push_back({QString::fromStdString(example.text), QString::fromStdString(example.pair),
                                   example.label, static_cast<int>(predicted[row].item<std::int64_t>()),
                                   confidence[row].item<double>()});
        }
        promise.setProgressValue(static_cast<int>(result.rows.size()));
    }
}

}  // namespace

void predictRunExamples(QPromise<ExamplePredictions>& promise, const QString& runDir, PredictionSplit split,
                        int batchSize) {
    ExamplePredictions result;
    result.runDir = runDir;
    result.split = split;
    try {
        predictInto(promise, result, batchSize);
    } catch (const std::exception& error) {
        result.rows.clear();
        result.error = QString::fromStdString(error.what());
    }
    if (!promise.isCanceled()) promise.addResult(std::move(result));
}

}  // namespace uegr::studio
