#include "telemetry_buffer.h"

#include <utility>

namespace uegr::studio {

bool TelemetryBuffer::append(const StepTelemetry& step) {
    std::lock_guard<std::mutex> lock(mutex_);
    const bool wasEmpty = pending_.empty();
    pending_.steps.push_back(step);
    return wasEmpty;
}

bool TelemetryBuffer::append(const EvalTelemetry& eval) {
    std::lock_guard<std::mutex> lock(mutex_);
    const bool wasEmpty = pending_.empty();
    pending_.evals.push_back(eval);
    return wasEmpty;
}

bool TelemetryBuffer::append(const RobustnessTelemetry& robustness) {
    std::lock_guard<std::mutex> lock(mutex_);
    const bool wasEmpty = pending_.empty();
    pending_.robustness.push_back(robustness);
    return wasEmpty;
}

bool TelemetryBuffer::append(const SaliencySnapshot& snapshot) {
    std::lock_guard<std::mutex> lock(mutex_);
    const bool wasEmpty = pending_.empty();
    pending_.saliency = snapshot;
    return wasEmpty;
}

bool TelemetryBuffer::appendMessage(const std::string& message) {
    std::lock_guard<std::mutex> lock(mutex_);
    const bool wasEmpty = pending_.empty();
    pending_.messages.push_back(message);
    return wasEmpty;
}

TelemetryBatch TelemetryBuffer::takeAll() {
    std::lock_guard<std::mutex> lock(mutex_);
    return std::exchange(pending_, TelemetryBatch{});
}

bool TelemetryBuffer::empty() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return pending_.empty();
}

}  // namespace uegr::studio
