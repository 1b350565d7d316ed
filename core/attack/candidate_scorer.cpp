#include "attack/candidate_scorer.h"

#include <algorithm>

#include "model/eval_mode_guard.h"
#include "text/batching.h"
#include "util/error.h"

namespace uegr {

CandidateScorer::CandidateScorer(const ModelBundle& bundle, int batchSize)
    : bundle_(bundle), batchSize_(batchSize) {
    if (batchSize < 1) throw Error("attack batch size must be at least 1");
    if (!bundle.model) throw Error("an attack needs a loaded model");
}

std::vector<std::int64_t> CandidateScorer::encode(const std::string& text, const std::string& pair) const {
    return bundle_.encoder.encode(text, pair, bundle_.maxLength);
}

std::vector<std::vector<double>> CandidateScorer::score(
    const std::vector<std::vector<std::int64_t>>& candidates) {
    TextClassifierImpl& model = *bundle_.model;
    const std::vector<torch::Tensor> parameters = model.parameters();
    const torch::Device device =
        parameters.empty() ? torch::Device(torch::kCPU) : parameters.front().device();
    EvalModeGuard evalMode(model);
    torch::NoGradGuard noGrad;
    std::vector<std::vector<double>> rows;
    rows.reserve(candidates.size());
    for (std::size_t start = 0; start < candidates.size(); start += static_cast<std::size_t>(batchSize_)) {
        const std::size_t end = std::min(candidates.size(), start + static_cast<std::size_t>(batchSize_));
        std::size_t longest = 1;
        for (std::size_t i = start; i < end; ++i) longest = std::max(longest, candidates[i].size());
        const auto count = static_cast<std::int64_t>(end - start);
        torch::Tensor ids =
            torch::full({count, static_cast<std::int64_t>(longest)}, bundle_.encoder.padId(), torch::kInt64);
        torch::Tensor mask = torch::zeros({count, static_cast<std::int64_t>(longest)}, torch::kBool);
        auto idAccess = ids.accessor<std::int64_t, 2>();
        auto maskAccess = mask.accessor<bool, 2>();
        for (std::size_t i = start; i < end; ++i) {
            const std::vector<std::int64_t>& candidate =
                candidates[i].empty() ? std::vector<std::int64_t>{bundle_.encoder.unkId()} : candidates[i];
            for (std::size_t t = 0; t < candidate.size(); ++t) {
                idAccess[static_cast<std::int64_t>(i - start)][static_cast<std::int64_t>(t)] = candidate[t];
                maskAccess[static_cast<std::int64_t>(i - start)][static_cast<std::int64_t>(t)] = true;
            }
        }
        const torch::Tensor probabilities =
            torch::softmax(model.forward(ids.to(device), mask.to(device)).to(torch::kCPU, torch::kFloat64), 1)
                .contiguous();
        const std::int64_t classes = probabilities.size(1);
        for (std::int64_t row = 0; row < count; ++row) {
            const double* values = probabilities.data_ptr<double>() + row * classes;
            rows.emplace_back(values, values + classes);
        }
        queries_ += count;
    }
    return rows;
}

std::vector<std::vector<double>> CandidateScorer::scoreTexts(const std::vector<std::string>& texts,
                                                             const std::string& pair) {
    Dataset dataset;
    for (const std::string& text : texts) dataset.examples.push_back(Example{text, pair, -1, 0});
    const EncodedDataset encoded(dataset, bundle_.encoder, bundle_.maxLength);
    std::vector<std::vector<std::int64_t>> candidates;
    candidates.reserve(texts.size());
    for (std::size_t i = 0; i < encoded.size(); ++i) candidates.push_back(encoded.ids(i));
    return score(candidates);
}

int argmax(const std::vector<double>& values) {
    return static_cast<int>(std::max_element(values.begin(), values.end()) - values.begin());
}

}  // namespace uegr
