#pragma once
// Reads what a training run left in its folder (config.json, metrics.jsonl, checkpoints/,
// summary.json; see train/run_directory.h) for the studio's run list, replays and reports.
// Folders written by older or crashed runs are common, so the summary never throws: it
// carries an error message instead.
#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "train/telemetry.h"

namespace uegr {

enum class RunStatus {
    Finished,  // summary.json written
    Stopped,   // no summary but a checkpoint: can be resumed
    Failed,    // neither summary nor checkpoint
    Running,   // no summary and metrics.jsonl is being appended to
};
std::string statusName(RunStatus status);  // "finished", "stopped", "failed", "running"

struct RunOverview {
    std::string dir;
    std::string name;                        // the folder's name
    std::string method, modelType, dataset;  // from config.json; dataset: the training file's name
    std::int64_t steps = 0;                  // optimizer steps done
    std::int64_t totalSteps = 0;             // planned steps (0 when no step was logged)
    bool hasBestDev = false;
    EvalTelemetry bestDev;
    bool hasTest = false;
    EvalTelemetry test;
    double wallSeconds = 0;
    RunStatus status = RunStatus::Failed;
    bool resumable = false;  // has a checkpoint and no summary
    std::string error;       // why the folder could not be read; empty when it could
};

// Seconds without a new metrics line after which a run with neither summary nor a newer
// checkpoint no longer counts as running.
constexpr int kRunningQuietSeconds = 60;

// Never throws; problems end up in RunOverview::error.
RunOverview readRunOverview(const std::string& runDir);

// The sub-folders of `workspace` that look like runs (contain config.json, metrics.jsonl or
// summary.json), sorted by name. An unreadable workspace yields an empty list.
std::vector<std::string> listRunDirectories(const std::string& workspace);

struct RunMetrics {
    std::vector<StepTelemetry> steps;
    std::vector<EvalTelemetry> evals;
    std::vector<RobustnessTelemetry> robustness;  // by step: one check runs at a time
};

// Parses metrics.jsonl. Throws InputError(path, line, ...) on a line that is not a JSON object
// with a known "type" and the fields telemetry.cpp writes. A truncated last line (a run killed
// mid-write) is ignored.
RunMetrics readMetricsLog(const std::string& path);

}  // namespace uegr
