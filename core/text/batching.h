#pragma once
// Turns examples into padded id tensors, through a TextEncoder (word level or subword).
#include <torch/torch.h>

#include <cstdint>
#include <vector>

#include "data/dataset.h"
#include "text/text_encoder.h"
#include "text/vocabulary.h"

namespace uegr {

struct Batch {
    torch::Tensor inputIds;       // [B, T] int64, padded with the encoder's pad id
    torch::Tensor attentionMask;  // [B, T] bool, true on real tokens
    torch::Tensor labels;         // [B] int64
    std::vector<std::size_t> exampleIndices;  // positions in the dataset

    Batch to(const torch::Device& device) const;
};

// Token ids of every example, computed once (tokenising is the slow part).
class EncodedDataset {
public:
    EncodedDataset(const Dataset& dataset, const TextEncoder& encoder, int maxLength);
    std::size_t size() const { return ids_.size(); }
    const std::vector<std::int64_t>& ids(std::size_t index) const { return ids_[index]; }
    int label(std::size_t index) const { return labels_[index]; }

    // Pads to the longest sequence among `indices` (at most maxLength, at least 1).
    Batch makeBatch(const std::vector<std::size_t>& indices) const;

private:
    std::vector<std::vector<std::int64_t>> ids_;
    std::vector<int> labels_;
    std::int64_t padId_ = Vocabulary::kPad;
};

// Batches of `batchSize` over a permutation drawn from `seed` (or in order when !shuffle).
std::vector<std::vector<std::size_t>> makeBatchIndices(std::size_t count, int batchSize, bool shuffle, std::uint64_t seed);

}  // namespace uegr
