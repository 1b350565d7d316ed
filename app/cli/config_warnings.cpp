#include "cli/config_warnings.h"

#include <iostream>

#include "config/config_advice.h"
#include "model/step_cost.h"

namespace uegr::cli {

void printConfigWarnings(const RunConfig& config, const std::string& origin) {
    const std::string prefix = (origin.empty() ? "" : origin + ": ") + "warning: ";
    for (const ConfigAdvice& advice : adviseRunConfig(config)) std::cerr << prefix << advice.message << "\n";
    if (config.model.type != "hf") return;  // measuring the CPU takes ~0.1 s: only when needed
    if (const auto slow = slowCpuStepWarning(config, measureCpuFlopsPerSecond()))
        std::cerr << prefix << *slow << "\n";
}

}  // namespace uegr::cli
