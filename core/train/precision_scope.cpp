#include "train/precision_scope.h"

#include <ATen/autocast_mode.h>
#include <torch/version.h>

namespace uegr {
namespace {

// LibTorch 2.4 replaced the per-device autocast functions with ones taking the device type.
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
bool autocastEnabled(torch::DeviceType type) {
    return at::autocast::is_autocast_enabled(type);
}
at::ScalarType autocastType(torch::DeviceType type) {
    return at::autocast::get_autocast_dtype(type);
}
void setAutocast(torch::DeviceType type, bool enabled, at::ScalarType scalarType) {
    at::autocast::set_autocast_enabled(type, enabled);
    at::autocast::set_autocast_dtype(type, scalarType);
}
#else
bool autocastEnabled(torch::DeviceType type) {
    return type == torch::kCUDA ? at::autocast::is_enabled() : at::autocast::is_cpu_enabled();
}
at::ScalarType autocastType(torch::DeviceType type) {
    return type == torch::kCUDA ? at::autocast::get_autocast_gpu_dtype()
                                : at::autocast::get_autocast_cpu_dtype();
}
void setAutocast(torch::DeviceType type, bool enabled, at::ScalarType scalarType) {
    if (type == torch::kCUDA) {
        at::autocast::set_enabled(enabled);
        at::autocast::set_autocast_gpu_dtype(scalarType);
    } else {
        at::autocast::set_cpu_enabled(enabled);
        at::autocast::set_autocast_cpu_dtype(scalarType);
    }
}
#endif

}  // namespace

PrecisionScope::PrecisionScope(const std::string& precision, const torch::Device& device)
    : active_(precision == "bf16"), deviceType_(device.type()) {
    if (!active_) return;
    wasEnabled_ = autocastEnabled(deviceType_);
    previousType_ = autocastType(deviceType_);
    setAutocast(deviceType_, true, at::kBFloat16);
    at::autocast::increment_nesting();
}

PrecisionScope::~PrecisionScope() {
    if (!active_) return;
    // As Python's torch.autocast does: the cast-weight cache lives as long as the outermost scope.
    if (at::autocast::decrement_nesting() == 0) at::autocast::clear_cache();
    setAutocast(deviceType_, wasEnabled_, previousType_);
}

}  // namespace uegr
