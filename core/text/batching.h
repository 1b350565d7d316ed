#pragma once
// Turns examples into padded id tensors. Sentence pairs are joined as "text <sep> pair" and
// truncated from the longer side first.
#include <torch/torch.h>

#include <cstdint>
#include <vector>

#include "data/dataset.h"
#include "text/vocabulary.h"

namespace uegr {

struct Batch {
    torch::Tensor inputIds;       // [B, T] int64, padded with Vocabulary::kPad
    torch::Tensor attentionMask;  // [B, T] bool, true on real tokens
    torch::Tensor labels;         // [B] int64
    std::vector<std::size_t> exampleIndices;  // positions in the dataset

    Batch to(const torch::Device& device) const;
};

// Token ids of every example, computed once (tokenising is the slow part).
class EncodedDataset {
public:
    EncodedDataset(const Dataset& dataset, const Vocabulary& vocabulary, bool lowercase, int maxLength);
    std::size_t size() const { return ids_.size(); }
    const std::vector<std::int64_t>& ids(std::size_t index) const { return ids_[index]; }
    int label(std::size_t index) const { return labels_[index]; }

    // Pads to the longest sequence among `indices` (at most maxLength, at least 1).
    Batch makeBatch(const std::vector<std::size_t>& indices) const;

private:
    std::vector<std::vector<std::int64_t>> ids_;
    std::vector<int> labels_;
};

// Batches of `batchSize` over a permutation drawn from `seed` (or in order when !shuffle).
std::vector<std::vector<std::size_t>> makeBatchIndices(std::size_t count, int batchSize, bool shuffle, std::uint64_t seed);

}  // namespace uegr
