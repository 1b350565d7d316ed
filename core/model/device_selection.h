#pragma once
// Turns the device setting ("auto", "cpu", "cuda" or "cuda:N") into a torch::Device.
#include <torch/torch.h>

#include <string>

namespace uegr {

// "auto" picks CUDA when available. Throws ConfigError(key, ...) for an unknown name or when
// CUDA is asked for but not available.
torch::Device resolveDevice(const std::string& name, const std::string& key = "training.device");

}  // namespace uegr
