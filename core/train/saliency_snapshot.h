#pragma once
// Downsampled saliency maps for the studio's heatmap view.
#include <torch/torch.h>

#include <string>

#include "train/telemetry.h"

namespace uegr {

// |θ ⊙ g| of one tensor as a map of at most maxCells × maxCells block means: the tensor is
// viewed as [shape[0], rest] (1-D tensors as 1 × n). `mask` (bool, same shape) gives the
// kept fraction per cell; undefined means every element is updated (fraction 1).
SaliencyTensorMap downsampleSaliency(const std::string& layer, const std::string& tensorName,
                                     const torch::Tensor& saliency, const torch::Tensor& mask, int maxCells = 64);

}  // namespace uegr
