#include "text/batching.h"

#include <algorithm>
#include <numeric>

#include "data/permutation.h"
#include "util/error.h"

namespace uegr {

Batch Batch::to(const torch::Device& device) const {
    Batch moved;
    moved.inputIds = inputIds.defined() ? inputIds.to(device) : inputIds;
    moved.attentionMask = attentionMask.defined() ? attentionMask.to(device) : attentionMask;
    moved.labels = labels.defined() ? labels.to(device) : labels;
    moved.exampleIndices = exampleIndices;
    return moved;
}

EncodedDataset::EncodedDataset(const Dataset& dataset, const TextEncoder& encoder, int maxLength)
    : padId_(encoder.padId()) {
    if (maxLength < 1) throw Error("max_length must be at least 1, got " + std::to_string(maxLength));
    ids_.reserve(dataset.examples.size());
    labels_.reserve(dataset.examples.size());
    for (const Example& example : dataset.examples) {
        ids_.push_back(encoder.encode(example.text, example.pair, maxLength));
        labels_.push_back(example.label);
    }
}

Batch EncodedDataset::makeBatch(const std::vector<std::size_t>& indices) const {
    std::size_t longest = 1;
    for (const std::size_t index : indices) {
        if (index >= ids_.size()) {
            throw Error("example index " + std::to_string(index) + " out of range (" +
                        std::to_string(ids_.size()) + " examples)");
        }
        longest = std::max(longest, ids_[index].size());
    }
    const auto rows = static_cast<std::int64_t>(indices.size());
    const auto columns = static_cast<std::int64_t>(longest);
    Batch batch;
    batch.inputIds = torch::full({rows, columns}, padId_, torch::kInt64);
    batch.attentionMask = torch::zeros({rows, columns}, torch::kBool);
    batch.labels = torch::empty({rows}, torch::kInt64);
    auto ids = batch.inputIds.accessor<std::int64_t, 2>();
    auto mask = batch.attentionMask.accessor<bool, 2>();
    auto labels = batch.labels.accessor<std::int64_t, 1>();
    for (std::int64_t row = 0; row < rows; ++row) {
        const std::size_t index = indices[static_cast<std::size_t>(row)];
        const std::vector<std::int64_t>& sequence = ids_[index];
        for (std::size_t position = 0; position < sequence.size(); ++position) {
            ids[row][static_cast<std::int64_t>(position)] = sequence[position];
            mask[row][static_cast<std::int64_t>(position)] = true;
        }
        labels[row] = labels_[index];
    }
    batch.exampleIndices = indices;
    return batch;
}

std::vector<std::vector<std::size_t>> makeBatchIndices(std::size_t count, int batchSize, bool shuffle,
                                                       std::uint64_t seed) {
    if (batchSize <= 0) throw Error("batch size must be positive, got " + std::to_string(batchSize));
    std::vector<std::size_t> order(count);
    if (shuffle) {
        order = seededPermutation(count, seed);
    } else {
        std::iota(order.begin(), order.end(), std::size_t{0});
    }
    std::vector<std::vector<std::size_t>> batches;
    const auto size = static_cast<std::size_t>(batchSize);
    for (std::size_t begin = 0; begin < count; begin += size) {
        const std::size_t end = std::min(count, begin + size);
        batches.emplace_back(order.begin() + static_cast<std::ptrdiff_t>(begin),
                             order.begin() + static_cast<std::ptrdiff_t>(end));
    }
    return batches;
}

}  // namespace uegr
