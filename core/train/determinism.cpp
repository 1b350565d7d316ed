#include "train/determinism.h"

#include <cstdlib>

namespace uegr {

void configureDeterminism(bool deterministic, const torch::Device& device) {
    at::Context& context = at::globalContext();
    // warn_only = false: an operator without a deterministic kernel is an error, not a silent drift.
    context.setDeterministicAlgorithms(deterministic, /*warn_only=*/false);
    if (!device.is_cuda()) return;
    context.setDeterministicCuDNN(deterministic);
    context.setBenchmarkCuDNN(!deterministic && context.benchmarkCuDNN());
    // cuBLAS is only deterministic with a fixed workspace (CUDA's documented setting); the
    // user's own value wins.
    if (deterministic) setenv("CUBLAS_WORKSPACE_CONFIG", ":4096:8", /*overwrite=*/0);
}

}  // namespace uegr
