#pragma once
// Runs a sweep's trials as `uegr train` child processes, `workers` at a time (docs/EXPERIMENTS.md).
// A finished trial is never run again; a stopped or interrupted one resumes from its checkpoint.
// Ctrl-C or SIGTERM stops every running trial with a checkpoint. Each trial's output goes to
// <sweep>/trials/<id>.log.
#include <string>
#include <vector>

#include "sweep/sweep_plan.h"
#include "sweep/sweep_results.h"

namespace uegr::cli {

struct SweepRunOutcome {
    std::vector<TrialResult> results;  // in the plan's trial order
    bool interrupted = false;
    int failed = 0;
};

SweepRunOutcome runSweep(const SweepPlan& plan, const std::string& sweepDir, int workers);

std::string trialRunDir(const std::string& sweepDir, const SweepTrial& trial);  // <sweep>/trials/<id>

}  // namespace uegr::cli
