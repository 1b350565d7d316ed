#include "model/step_cost.h"

#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <iomanip>
#include <sstream>

#include "model/device_selection.h"

namespace uegr {

double encoderForwardFlops(const HfModelInfo& info, std::int64_t batch, std::int64_t length) {
    const auto hidden = static_cast<double>(info.hiddenSize);
    const auto intermediate = static_cast<double>(info.intermediateSize);
    const auto tokens = static_cast<double>(batch) * static_cast<double>(length);
    const double multiplyAddsPerToken =
        4.0 * hidden * hidden + 2.0 * hidden * intermediate + 2.0 * static_cast<double>(length) * hidden;
    return 2.0 * multiplyAddsPerToken * tokens * static_cast<double>(info.numLayers);
}

int passesPerStep(const RunConfig& config) {
    const std::string& method = config.training.method;
    const UegrConfig& uegr = config.uegr;
    if (method == "vanilla" || method == "childtuning_d") return 1;
    if (method == "rdrop") return 2;
    if (method == "freelb") return 1 + uegr.advSteps;
    const int adversary = method == "uegr_no_adv" ? 0 : uegr.advSteps;
    return (uegr.useCleanLoss ? 1 : 0) + adversary + uegr.passes;
}

double estimateStepSeconds(const HfModelInfo& info, const RunConfig& config, double flopsPerSecond) {
    const double forward = encoderForwardFlops(info, config.training.batchSize, config.data.maxLength);
    constexpr double kForwardAndBackward = 3.0;
    return forward * kForwardAndBackward * passesPerStep(config) / std::max(flopsPerSecond, 1.0);
}

double measureCpuFlopsPerSecond() {
    torch::NoGradGuard noGrad;
    constexpr std::int64_t kSize = 384;
    const torch::Tensor a = torch::rand({kSize, kSize});
    const torch::Tensor b = torch::rand({kSize, kSize});
    torch::mm(a, b);  // warm-up: thread pool and caches
    constexpr int kRepeats = 8;
    const auto start = std::chrono::steady_clock::now();
    torch::Tensor sink;
    for (int i = 0; i < kRepeats; ++i) sink = torch::mm(a, b);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double flops = 2.0 * kSize * kSize * kSize * kRepeats;
    return flops / std::max(seconds, 1e-9);
}

std::optional<std::string> slowCpuStepWarning(const RunConfig& config, double cpuFlopsPerSecond) {
    const std::string& device = config.training.device;
    const bool onCpu = (device == "cpu" || device == "auto") && resolveDevice(device).is_cpu();
    if (config.model.type != "hf" || !onCpu || !isHfModelFolder(config.model.path)) return std::nullopt;
    const double seconds = estimateStepSeconds(readHfModelInfo(config.model.path), config, cpuFlopsPerSecond);
    if (seconds <= kSlowCpuStepSeconds) return std::nullopt;
    std::ostringstream text;
    text << std::fixed << std::setprecision(seconds < 100 ? 1 : 0)
         << "a training step of this pretrained model"
         << " is estimated at " << seconds << " s on this CPU; a CUDA GPU (training.device), a smaller"
         << " training.batch_size or data.max_length, or fewer uegr.passes would be faster";
    return text.str();
}

}  // namespace uegr
