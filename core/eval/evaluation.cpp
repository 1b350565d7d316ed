#include "eval/evaluation.h"

#include <nlohmann/json.hpp>

#include "eval/confusion_json.h"
#include "model/eval_mode_guard.h"
#include "util/error.h"

namespace uegr {

EvaluationResult evaluate(TextClassifierImpl& model, const EncodedDataset& data, int batchSize,
                          const torch::Device& device) {
    if (batchSize < 1) throw Error("evaluation batch size must be at least 1");
    EvaluationResult result;
    result.examples = data.size();
    if (data.size() == 0) return result;

    EvalModeGuard evalMode(model);
    torch::NoGradGuard noGrad;
    std::vector<int> truth, predicted;
    truth.reserve(data.size());
    predicted.reserve(data.size());
    double lossSum = 0.0;
    std::int64_t numClasses = 0;
    for (const std::vector<std::size_t>& indices : makeBatchIndices(data.size(), batchSize, false, 0)) {
        const Batch batch = data.makeBatch(indices).to(device);
        // fp32 also when the caller evaluates under bf16 autocast (training.precision).
        const torch::Tensor logits = model.forward(batch.inputIds, batch.attentionMask).to(torch::kFloat);
        numClasses = logits.size(1);
        lossSum +=
            torch::nn::functional::cross_entropy(
                logits, batch.labels, torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kSum))
                .item<double>();
        const torch::Tensor labels = batch.labels.to(torch::kCPU, torch::kInt64).contiguous();
        const torch::Tensor argmax = logits.argmax(1).to(torch::kCPU, torch::kInt64).contiguous();
        const std::int64_t* labelData = labels.data_ptr<std::int64_t>();
        const std::int64_t* argmaxData = argmax.data_ptr<std::int64_t>();
        for (std::int64_t i = 0; i < labels.size(0); ++i) {
            truth.push_back(static_cast<int>(labelData[i]));
            predicted.push_back(static_cast<int>(argmaxData[i]));
        }
    }
    result.confusion = ConfusionMatrix::fromLabels(truth, predicted, static_cast<int>(numClasses));
    result.accuracy = accuracy(result.confusion);
    result.macroF1 = macroF1(result.confusion);
    result.mcc = matthewsCorrelation(result.confusion);
    result.loss = lossSum / static_cast<double>(data.size());
    return result;
}

nlohmann::json toJson(const EvaluationResult& result, const std::vector<std::string>& labels) {
    nlohmann::json object = {{"accuracy", result.accuracy},
                             {"macro_f1", result.macroF1},
                             {"mcc", result.mcc},
                             {"loss", result.loss},
                             {"examples", result.examples}};
    if (!result.confusion.counts.empty()) addConfusionJson(object, {labels, result.confusion});
    return object;
}

}  // namespace uegr
