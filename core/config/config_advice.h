#pragma once
// Settings that are valid but probably not what the user wants, such as a from-scratch learning
// rate for fine-tuning a pretrained model. Shown as warnings by `uegr config check`, `uegr train`
// and the studio's Configuration page; they never stop a run.
#include <string>
#include <vector>

#include "config/run_config.h"

namespace uegr {

struct ConfigAdvice {
    std::string key;      // e.g. "training.lr"
    std::string message;  // names the key, the value and what is usual
};

std::vector<ConfigAdvice> adviseRunConfig(const RunConfig& config);

}  // namespace uegr
