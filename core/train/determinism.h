#pragma once
// training.deterministic: only deterministic kernels, so that an interrupted and resumed run
// repeats the uninterrupted one exactly on CUDA too (docs/CONFIG.md).
#include <torch/torch.h>

namespace uegr {

// Call before the first CUDA operation of the process: cuBLAS reads its workspace setting once.
void configureDeterminism(bool deterministic, const torch::Device& device);

}  // namespace uegr
