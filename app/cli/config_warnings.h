#pragma once
// Prints what is valid in a run config but probably unintended (core/config/config_advice.h) and,
// for a pretrained model that will train on the CPU, a step-time estimate that is slow
// (core/model/step_cost.h), one "warning: " line each on stderr. `uegr config check` and
// `uegr train` print them before anything else.
#include <string>

#include "config/run_config.h"

namespace uegr::cli {

// `origin` prefixes each line (e.g. the config file), empty for none.
void printConfigWarnings(const RunConfig& config, const std::string& origin);

}  // namespace uegr::cli
