#pragma once
// The states of the default random generators (the CPU's and each CUDA device's), saved with a
// checkpoint so that a resumed run draws the same dropout masks, adversary starts and
// jitter as the uninterrupted run would have.
#include <torch/torch.h>

#include <vector>

namespace uegr {

struct GeneratorStates {
    torch::Tensor cpu;
    std::vector<torch::Tensor> cuda;  // by device index; empty without CUDA
};

GeneratorStates captureGeneratorStates();

// Restores what was captured; CUDA states for devices this process lacks are ignored.
void restoreGeneratorStates(const GeneratorStates& states);

}  // namespace uegr
