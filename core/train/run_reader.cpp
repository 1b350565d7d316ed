#include "train/run_reader.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <optional>
#include <sstream>

#include "train/checkpoint_manifest.h"
#include "util/atomic_file.h"
#include "util/error.h"
#include "util/json_field.h"
#include "util/json_text.h"

namespace uegr {
namespace fs = std::filesystem;
namespace {

// Bytes read from the end of metrics.jsonl to find the last step without parsing the whole log.
constexpr std::streamoff kTailBytes = 64 * 1024;

nlohmann::json readJsonFile(const fs::path& path) {
    return parseJsonText(readFile(path.string()), path.string());
}

std::string nameOf(const fs::path& dir) {
    const fs::path normal = dir.lexically_normal();
    return (normal.has_filename() ? normal.filename() : normal.parent_path().filename()).string();
}

// The last "step" record of the log, read from its tail; nullopt-like empty object when none.
nlohmann::json lastStepRecord(const fs::path& metricsPath) {
    std::ifstream in(metricsPath, std::ios::binary | std::ios::ate);
    if (!in) return {};
    const std::streamoff size = in.tellg();
    const std::streamoff start = std::max<std::streamoff>(0, size - kTailBytes);
    in.seekg(start);
    std::string tail(static_cast<std::size_t>(size - start), '\0');
    in.read(tail.data(), static_cast<std::streamsize>(tail.size()));
    std::vector<std::string> lines;
    std::istringstream stream(tail);
    for (std::string line; std::getline(stream, line);) lines.push_back(line);
    // With start > 0 the first line is probably cut; its parse simply fails.
    for (auto line = lines.rbegin(); line != lines.rend(); ++line) {
        const nlohmann::json record = nlohmann::json::parse(*line, nullptr, /*allow_exceptions=*/false);
        if (record.is_object() && record.value("type", std::string()) == "step") return record;
    }
    return {};
}

void readConfig(const fs::path& dir, RunOverview& run) {
    const fs::path path = dir / "config.json";
    if (!fs::exists(path)) throw InputError(path.string(), 0, "missing: not a complete run folder");
    const nlohmann::json config = readJsonFile(path);
    if (!config.is_object()) throw InputError(path.string(), 0, "not a JSON object");
    try {
        const nlohmann::json empty = nlohmann::json::object();
        run.method = config.value("training", empty).value("method", std::string());
        run.modelType = config.value("model", empty).value("type", std::string());
        const std::string train = config.value("data", empty).value("train", std::string());
        run.dataset = train.empty() ? "demo" : fs::path(train).filename().string();
    } catch (const nlohmann::json::exception& error) {
        throw InputError(path.string(), 0, jsonErrorDescription(error));
    }
}

void readSummary(const fs::path& path, RunOverview& run) {
    const nlohmann::json json = readJsonFile(path);
    const JsonField summary(json, path.string());
    run.steps = summary.at("steps").asInteger(0, std::numeric_limits<std::int64_t>::max());
    run.wallSeconds = summary.at("wall_seconds").asNumberOrNaN();
    run.bestDev = metricsFromJson(summary.at("best_dev"));
    run.hasBestDev = run.bestDev.step > 0;  // a run without a dev split never evaluates
    const std::optional<JsonField> test = summary.find("test");
    run.hasTest = test.has_value();
    if (test) run.test = metricsFromJson(*test);
    // Summaries before "status" existed say only whether the run stopped early.
    const bool stopped = summary.find("status") ? summary.at("status").asString() == "stopped"
                                                : summary.boolOr("stopped_early", false);
    run.status = stopped ? RunStatus::Stopped : RunStatus::Finished;
}

// The newest checkpoint's progress.json, or an empty path when the run has no checkpoint.
fs::path latestProgress(const fs::path& dir) {
    const fs::path pointer = dir / "checkpoints" / "latest";
    if (!fs::exists(pointer)) return {};
    std::string name = readFile(pointer.string());
    while (!name.empty() && std::isspace(static_cast<unsigned char>(name.back()))) name.pop_back();
    const fs::path progress = dir / "checkpoints" / name / "progress.json";
    if (name.empty() || !fs::exists(progress))
        throw InputError(pointer.string(), 0, "names a checkpoint that does not exist (\"" + name + "\")");
    return progress;
}

void readCheckpointProgress(const fs::path& path, RunOverview& run) {
    const TrainingProgress progress = readCheckpointManifest(path.string()).progress;
    run.steps = std::max(run.steps, progress.step);
    run.wallSeconds = progress.elapsedSeconds;
    run.hasBestDev = progress.hasBest;
    if (run.hasBestDev) run.bestDev = progress.best;
}

bool isBeingWritten(const fs::path& metricsPath, const fs::path& progressPath) {
    std::error_code error;
    const auto written = fs::last_write_time(metricsPath, error);
    if (error) return false;
    const auto now = fs::file_time_type::clock::now();
    if (now - written > std::chrono::seconds(kRunningQuietSeconds)) return false;
    // A stop writes its checkpoint after the last metrics line.
    if (!progressPath.empty()) {
        const auto checkpointed = fs::last_write_time(progressPath, error);
        if (!error && checkpointed >= written) return false;
    }
    return true;
}

}  // namespace

std::string statusName(RunStatus status) {
    switch (status) {
        case RunStatus::Finished:
            return "finished";
        case RunStatus::Stopped:
            return "stopped";
        case RunStatus::Failed:
            return "failed";
        case RunStatus::Running:
            return "running";
    }
    return "unknown";
}

RunOverview readRunOverview(const std::string& runDir) {
    RunOverview run;
    run.dir = runDir;
    const fs::path dir(runDir);
    run.name = nameOf(dir);
    try {
        if (!fs::is_directory(dir)) throw InputError(runDir, 0, "not a folder");
        readConfig(dir, run);
        const fs::path metricsPath = dir / "metrics.jsonl";
        const nlohmann::json lastStep = lastStepRecord(metricsPath);
        if (lastStep.is_object()) {
            run.steps = lastStep.value("step", std::int64_t{0});
            run.totalSteps = lastStep.value("total_steps", std::int64_t{0});
        }
        const fs::path summaryPath = dir / "summary.json";
        if (fs::exists(summaryPath)) {
            readSummary(summaryPath, run);
            return run;
        }
        const fs::path progressPath = latestProgress(dir);
        if (!progressPath.empty()) {
            readCheckpointProgress(progressPath, run);
            run.resumable = true;
            run.status = RunStatus::Stopped;
        }
        if (isBeingWritten(metricsPath, progressPath)) run.status = RunStatus::Running;
    } catch (const std::exception& error) {
        run.error = error.what();
    }
    return run;
}

std::vector<std::string> listRunDirectories(const std::string& workspace) {
    std::vector<std::string> runs;
    std::error_code error;
    for (fs::directory_iterator entry(workspace, error), end; !error && entry != end;
         entry.increment(error)) {
        const fs::path& dir = entry->path();
        std::error_code ignored;
        if (!fs::is_directory(dir, ignored)) continue;
        if (fs::exists(dir / "config.json", ignored) || fs::exists(dir / "metrics.jsonl", ignored) ||
            fs::exists(dir / "summary.json", ignored))
            runs.push_back(dir.string());
    }
    std::sort(runs.begin(), runs.end());
    return runs;
}

RunMetrics readMetricsLog(const std::string& path) {
    const std::string content = readFile(path);
    RunMetrics metrics;
    std::size_t lineNumber = 0;
    std::size_t position = 0;
    while (position < content.size()) {
        std::size_t end = content.find('\n', position);
        const bool terminated = end != std::string::npos;
        if (!terminated) end = content.size();
        const std::string line = content.substr(position, end - position);
        position = end + 1;
        ++lineNumber;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        const nlohmann::json record = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
        if (!record.is_object()) {
            if (!terminated) break;  // the writer was killed mid-line
            throw InputError(path, lineNumber, "not a JSON object");
        }
        const JsonField fields(record, path, lineNumber);
        const std::string type = fields.at("type").asString();
        if (type == "step")
            metrics.steps.push_back(stepFromJson(fields));
        else if (type == "eval")
            metrics.evals.push_back(evalFromJson(fields));
        else if (type == "robustness")
            metrics.robustness.push_back(robustnessFromJson(fields));
        // Other record types may come from newer trainers; they are not curves.
    }
    return metrics;
}

}  // namespace uegr
