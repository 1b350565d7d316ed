#pragma once
// Peak GPU memory per training step, for the telemetry (metrics.jsonl `peak_memory_mb`, the
// studio's Training page).
#include <torch/torch.h>

#include <optional>

namespace uegr {

// The most memory LibTorch's CUDA caching allocator held for tensors on `device` since the
// previous call (or the start), in MiB; resets that peak. nullopt on the CPU and when this build's
// LibTorch has no CUDA allocator statistics (UEGR_HAVE_CUDA_MEMORY_STATS, see core/CMakeLists.txt).
std::optional<double> takePeakDeviceMemoryMb(const torch::Device& device);

}  // namespace uegr
