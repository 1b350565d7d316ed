#include "text/batching.h"

#include <algorithm>
#include <numeric>

#include "data/permutation.h"
#include "text/tokenizer.h"
#include "util/error.h"

namespace uegr {
namespace {

// Cuts a single sequence to maxLength, or a pair to maxLength - 1 (room for <sep>) by dropping
// the last token of the longer side until it fits (the pair's side on ties).
std::vector<std::int64_t> joinAndTruncate(std::vector<std::int64_t> text, std::vector<std::int64_t> pair,
                                          bool hasPair, std::size_t maxLength) {
    if (!hasPair) {
        if (text.size() > maxLength) text.resize(maxLength);
        return text;
    }
    const std::size_t budget = maxLength > 0 ? maxLength - 1 : 0;
    while (text.size() + pair.size() > budget) {
        if (text.size() > pair.size()) {
            text.pop_back();
        } else {
            pair.pop_back();
        }
    }
    text.push_back(Vocabulary::kSep);
    text.insert(text.end(), pair.begin(), pair.end());
    return text;
}

}  // namespace

Batch Batch::to(const torch::Device& device) const {
    Batch moved;
    moved.inputIds = inputIds.defined() ? inputIds.to(device) : inputIds;
    moved.attentionMask = attentionMask.defined() ? attentionMask.to(device) : attentionMask;
    moved.labels = labels.defined() ? labels.to(device) : labels;
    moved.exampleIndices = exampleIndices;
    return moved;
}

EncodedDataset::EncodedDataset(const Dataset& dataset, const Vocabulary& vocabulary, bool lowercase,
                               int maxLength) {
    if (maxLength < 1) throw Error("max_length must be at least 1, got " + std::to_string(maxLength));
    const auto limit = static_cast<std::size_t>(maxLength);
    ids_.reserve(dataset.examples.size());
    labels_.reserve(dataset.examples.size());
    for (const Example& example : dataset.examples) {
        const bool hasPair = !example.pair.empty();
        std::vector<std::int64_t> ids = joinAndTruncate(
            vocabulary.encode(tokenize(example.text, lowercase)),
            hasPair ? vocabulary.encode(tokenize(example.pair, lowercase)) : std::vector<std::int64_t>{},
            hasPair, limit);
        // A text of only ignorable characters still gets one real position, so no row is all padding.
        if (ids.empty()) ids.push_back(Vocabulary::kUnk);
        ids_.push_back(std::move(ids));
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
    batch.inputIds = torch::full({rows, columns}, Vocabulary::kPad, torch::kInt64);
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
