#pragma once
// A sweep's results (docs/EXPERIMENTS.md): one row per trial, read back from its run folder's
// summary.json, written as <sweep>/results.jsonl and results.csv, and summarised per point over
// its seeds against a baseline point.
#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "sweep/seed_statistics.h"
#include "sweep/sweep_plan.h"

namespace uegr {

struct TrialResult {
    SweepTrial trial;
    std::string status = "pending";         // finished | stopped | failed | pending
    std::map<std::string, double> metrics;  // dev_accuracy, test_accuracy, steps_per_second, ...
};

// The trial's row from <runDir>/summary.json; pending when there is none.
TrialResult readTrialResult(const SweepTrial& trial, const std::string& runDir);

// results.jsonl (trial, point, seed, the point's keys, status, metrics) and results.csv, atomically.
void writeSweepResults(const SweepPlan& plan, const std::vector<TrialResult>& results,
                       const std::string& sweepDir);

struct PointSummary {
    std::size_t point = 0;
    SeedStatistics statistics;            // of the finished trials' metric
    bool isBaseline = false;              // the baseline's keys already have the baseline's values
    std::optional<std::size_t> baseline;  // the point it is compared with, when there is one
    std::size_t pairs = 0;                // seeds finished under both
    double meanDifference = 0;            // this point − baseline, over the pairs
    double pValue = 1;                    // Wilcoxon signed-rank, two-sided
};

// The baseline of a point is the point with the same keys but those of `baseline` (an object of
// dotted keys, e.g. {"training.method": "vanilla"}) set to its values. Empty `baseline`: no tests.
std::vector<PointSummary> summariseSweep(const SweepPlan& plan, const std::vector<TrialResult>& results,
                                         const std::string& metric, const nlohmann::json& baseline);

// The summary as an aligned text table: the points' keys, n, mean ± std, 95 % CI, Δ and p.
std::string formatSweepSummary(const SweepPlan& plan, const std::vector<PointSummary>& summary,
                               const std::string& metric);

}  // namespace uegr
