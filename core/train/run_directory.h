#pragma once
// The run directory layout and its append-only metrics log.
#include <cstdint>
#include <fstream>
#include <mutex>
#include <string>

#include <nlohmann/json_fwd.hpp>

namespace uegr {

// output.dir when set (created if needed), otherwise runs/<YYYYmmdd-HHMMSS>-<method> with a
// "-2", "-3", ... suffix when that folder already exists. The folder is created.
std::string createRunDirectory(const std::string& configuredDir, const std::string& method);

// metrics.jsonl: one JSON object per line, flushed after each line so a crash loses nothing
// written before it. append() is thread-safe: robustness results arrive from the
// robustness monitor's thread while the training thread logs steps.
class MetricsLog {
public:
    // Opens for appending. With keepUpToStep >= 0 (resume), first drops every line whose "step"
    // is larger, so records after the checkpoint are not duplicated.
    MetricsLog(const std::string& path, std::int64_t keepUpToStep);
    void append(const nlohmann::json& record);

private:
    std::string path_;
    std::mutex mutex_;
    std::ofstream out_;
};

}  // namespace uegr
