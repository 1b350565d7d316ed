#pragma once
// A small classifier for engine tests: embeddings -> dropout -> linear block -> masked mean
// pool -> dropout -> head. Two dropout sites, three parameter layers, like the real models.
#include <torch/torch.h>

#include "model/text_classifier.h"
#include "text/batching.h"

namespace uegr::test {

class TinyClassifierImpl : public TextClassifierImpl {
public:
    TinyClassifierImpl(std::int64_t vocab, std::int64_t dim, int labels, double dropout) {
        defaultDropout_ = dropout;
        embeddings = register_module("embeddings", torch::nn::Embedding(vocab, dim));
        block0 = register_module("block0", torch::nn::Linear(dim, dim));
        head = register_module("head", torch::nn::Linear(dim, labels));
    }
    torch::Tensor embed(const torch::Tensor& ids) override { return embeddings(ids); }
    torch::Tensor forwardEmbedded(const torch::Tensor& e, const torch::Tensor& mask,
                                  const std::vector<double>& rates) override {
        namespace F = torch::nn::functional;
        torch::Tensor x = F::dropout(e, F::DropoutFuncOptions().p(rates[0]).training(is_training()));
        x = torch::relu(block0(x));
        const torch::Tensor weights = mask.unsqueeze(-1).to(x.dtype());
        x = (x * weights).sum(1) / weights.sum(1).clamp_min(1);
        x = F::dropout(x, F::DropoutFuncOptions().p(rates[1]).training(is_training()));
        return head(x);
    }
    std::vector<DropoutSite> dropoutSites() const override { return {{"block0", "block0"}, {"classifier", "head"}}; }
    std::vector<ParameterLayer> parameterLayers() const override {
        return {{"embeddings", {"embeddings.weight"}},
                {"block0", {"block0.weight", "block0.bias"}},
                {"head", {"head.weight", "head.bias"}}};
    }

    torch::nn::Embedding embeddings{nullptr};
    torch::nn::Linear block0{nullptr};
    torch::nn::Linear head{nullptr};
};

inline std::shared_ptr<TinyClassifierImpl> makeTinyClassifier(std::uint64_t seed, double dropout = 0.0) {
    torch::manual_seed(seed);
    return std::make_shared<TinyClassifierImpl>(50, 8, 3, dropout);
}

// A fixed batch: B examples of T ids, the last two positions of odd rows padded.
inline Batch makeTinyBatch(std::uint64_t seed, std::int64_t rows = 6, std::int64_t length = 7) {
    torch::manual_seed(seed);
    Batch batch;
    batch.inputIds = torch::randint(3, 50, {rows, length}, torch::kInt64);
    batch.attentionMask = torch::ones({rows, length}, torch::kBool);
    for (std::int64_t r = 1; r < rows; r += 2) {
        batch.attentionMask.index_put_({r, torch::indexing::Slice(length - 2)}, false);
        batch.inputIds.index_put_({r, torch::indexing::Slice(length - 2)}, 0);
    }
    batch.labels = torch::randint(0, 3, {rows}, torch::kInt64);
    return batch;
}

}  // namespace uegr::test
