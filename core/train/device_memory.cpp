#include "train/device_memory.h"

#if UEGR_HAVE_CUDA_MEMORY_STATS
#include <c10/cuda/CUDACachingAllocator.h>
#endif

namespace uegr {

#if UEGR_HAVE_CUDA_MEMORY_STATS
std::optional<double> takePeakDeviceMemoryMb(const torch::Device& device) {
    if (!device.is_cuda()) return std::nullopt;
    namespace allocator = c10::cuda::CUDACachingAllocator;
    const c10::DeviceIndex index = device.has_index() ? device.index() : 0;
    // Index 0 of each statistic is the aggregate over the small and large pools in every LibTorch
    // version (StatType::AGGREGATE), whose namespace moved between versions.
    const auto peakBytes = allocator::getDeviceStats(index).allocated_bytes[0].peak;
    allocator::resetPeakStats(index);
    return static_cast<double>(peakBytes) / (1024.0 * 1024.0);
}
#else
std::optional<double> takePeakDeviceMemoryMb(const torch::Device&) {
    return std::nullopt;
}
#endif

}  // namespace uegr
