#pragma once
// Hands telemetry from the training thread and the robustness monitor's thread (producers) to the
// GUI thread (consumer). A producer appends under a mutex and learns whether the buffer was empty,
// so it signals the GUI once per batch instead of once per point; the GUI takes everything at once
// and redraws once.
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "train/telemetry.h"

namespace uegr::studio {

struct TelemetryBatch {
    std::vector<StepTelemetry> steps;
    std::vector<EvalTelemetry> evals;
    std::vector<RobustnessTelemetry> robustness;
    std::vector<std::string> messages;
    std::optional<SaliencySnapshot> saliency;  // only the newest snapshot is kept

    bool empty() const {
        return steps.empty() && evals.empty() && robustness.empty() && messages.empty() && !saliency;
    }
};

class TelemetryBuffer {
public:
    // Each returns true when the buffer was empty before the call: the caller then tells the
    // consumer that data is waiting.
    bool append(const StepTelemetry& step);
    bool append(const EvalTelemetry& eval);
    bool append(const RobustnessTelemetry& robustness);  // from the robustness monitor's thread
    bool append(const SaliencySnapshot& snapshot);
    bool appendMessage(const std::string& message);

    TelemetryBatch takeAll();  // empties the buffer
    bool empty() const;

private:
    mutable std::mutex mutex_;
    TelemetryBatch pending_;
};

}  // namespace uegr::studio
