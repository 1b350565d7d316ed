#include "model/device_selection.h"

#include "util/error.h"

namespace uegr {

torch::Device resolveDevice(const std::string& name, const std::string& key) {
    if (name == "auto")
        return torch::cuda::is_available() ? torch::Device(torch::kCUDA) : torch::Device(torch::kCPU);
    if (name == "cpu") return torch::Device(torch::kCPU);
    if (name == "cuda" || name.rfind("cuda:", 0) == 0) {
        if (!torch::cuda::is_available())
            throw ConfigError(key, "CUDA was requested but is not available in this build or machine");
        if (name == "cuda") return torch::Device(torch::kCUDA);
        const std::string index = name.substr(5);
        if (index.empty() || index.find_first_not_of("0123456789") != std::string::npos || index.size() > 3)
            throw ConfigError(key, "\"" + name + "\" is not a device (auto, cpu, cuda or cuda:N)");
        const int ordinal = std::stoi(index);
        if (ordinal >= static_cast<int>(torch::cuda::device_count()))
            throw ConfigError(key, "\"" + name + "\": only " + std::to_string(torch::cuda::device_count()) +
                                       " CUDA device(s)");
        return torch::Device(torch::kCUDA, static_cast<c10::DeviceIndex>(ordinal));
    }
    throw ConfigError(key, "\"" + name + "\" is not a device (auto, cpu, cuda or cuda:N)");
}

}  // namespace uegr
