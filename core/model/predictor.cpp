#include "model/predictor.h"

#include "model/eval_mode_guard.h"
#include "text/batching.h"
#include "util/error.h"

namespace uegr {

std::vector<Prediction> predictTexts(const ModelBundle& bundle, const std::vector<std::string>& texts,
                                     int batchSize) {
    if (batchSize < 1) throw Error("prediction batch size must be at least 1");
    if (!bundle.model) throw Error("prediction needs a loaded model");
    Dataset dataset;
    dataset.source = "<input>";
    for (const std::string& text : texts) dataset.examples.push_back(Example{text, {}, -1, 0});
    const EncodedDataset encoded(dataset, bundle.encoder, bundle.maxLength);

    TextClassifierImpl& model = *bundle.model;
    const std::vector<torch::Tensor> parameters = model.parameters();
    const torch::Device device =
        parameters.empty() ? torch::Device(torch::kCPU) : parameters.front().device();
    EvalModeGuard evalMode(model);
    torch::NoGradGuard noGrad;
    std::vector<Prediction> predictions;
    predictions.reserve(texts.size());
    for (const std::vector<std::size_t>& indices : makeBatchIndices(encoded.size(), batchSize, false, 0)) {
        const Batch batch = encoded.makeBatch(indices).to(device);
        const torch::Tensor logits =
            model.forward(batch.inputIds, batch.attentionMask).to(torch::kCPU, torch::kFloat64).contiguous();
        const torch::Tensor probabilities = torch::softmax(logits, 1).contiguous();
        const std::int64_t classes = logits.size(1);
        for (std::int64_t row = 0; row < logits.size(0); ++row) {
            const double* logitRow = logits.data_ptr<double>() + row * classes;
            const double* probabilityRow = probabilities.data_ptr<double>() + row * classes;
            Prediction prediction;
            prediction.logits.assign(logitRow, logitRow + classes);
            prediction.probabilities.assign(probabilityRow, probabilityRow + classes);
            prediction.label = static_cast<int>(logits[row].argmax().item<std::int64_t>());
            predictions.push_back(std::move(prediction));
        }
    }
    return predictions;
}

}  // namespace uegr
