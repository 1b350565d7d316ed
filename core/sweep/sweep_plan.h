#pragma once
// What a sweep trains (docs/EXPERIMENTS.md): a base run config, the points to try (each a set of
// dotted config keys and their values) and the seeds every point is trained with. A trial is one
// point under one seed; its run folder is <sweep>/trials/<id>.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "config/run_config.h"

namespace uegr {

// One --grid argument: "section.key=v1,v2,...". Values are JSON where they parse as JSON (0.3,
// true, ["a","b"]) and strings otherwise; commas inside brackets or quotes do not split.
struct SweepAxis {
    std::string key;
    std::vector<nlohmann::json> values;
};
SweepAxis parseSweepAxis(const std::string& spec);  // throws InputError naming the argument

// The ablation preset: UEGR, each of its ablations and the baselines, one point per method.
std::vector<nlohmann::json> ablationPoints();

// Every combination of the axes' values, the first axis varying slowest.
std::vector<nlohmann::json> gridPoints(const std::vector<SweepAxis>& axes);
// `count` distinct combinations drawn at random (all of them when the grid is smaller).
std::vector<nlohmann::json> randomPoints(const std::vector<SweepAxis>& axes, int count, std::uint64_t seed);
// A JSON Lines file, one object of dotted keys per line.
std::vector<nlohmann::json> listPoints(const std::string& path);

struct SweepTrial {
    std::string id;  // "p03-s44": point 3, seed 44
    std::size_t point = 0;
    std::uint64_t seed = 0;
};

struct SweepPlan {
    nlohmann::json base;                 // the resolved base config (toJson(RunConfig))
    std::vector<nlohmann::json> points;  // objects of dotted keys
    std::vector<std::uint64_t> seeds;
    nlohmann::json baseline = nlohmann::json::object();  // dotted keys the summary compares against

    std::vector<SweepTrial> trials() const;  // point-major
    // The trial's config: the base with the point's keys and the seed, writing to `runDir`.
    // Throws ConfigError naming the key when the result is not a valid config.
    RunConfig trialConfig(const SweepTrial& trial, const std::string& runDir) const;
};

// `seeds` consecutive seeds from the base config's training.seed.
SweepPlan makeSweepPlan(const RunConfig& base, std::vector<nlohmann::json> points, int seeds);
nlohmann::json toJson(const SweepPlan& plan);
SweepPlan sweepPlanFromJson(const nlohmann::json& document, const std::string& source);

}  // namespace uegr
