#pragma once
// The run directory: who may write it, its layout and its append-only metrics log.
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "train/run_lock.h"

namespace uegr {

// What a new run does with a configured folder that already holds something.
enum class ExistingRunFolder {
    kRefuse,     // InputError naming the folder, suggesting --resume or --overwrite
    kMoveAside,  // renamed to <folder>.old-<YYYYmmdd-HHMMSS>, never deleted
};

// A run folder this process writes, locked for as long as this object lives.
struct OwnedRunDirectory {
    std::string path;
    std::string movedAside;  // where kMoveAside put the previous content; empty if nothing moved
    std::unique_ptr<RunLock> lock;
};

// A new run: output.dir when set (created if needed; only an empty folder or one holding just
// a released run.lock is taken as it is), otherwise runs/<YYYYmmdd-HHMMSS>-<method> with a
// "-2", "-3", ... suffix when that folder already exists. Throws InputError when another process
// holds the folder.
OwnedRunDirectory createRunDirectory(const std::string& configuredDir, const std::string& method,
                                     ExistingRunFolder existing);

// An existing run, to continue: locks it and removes the temporary files and folders (".tmp-")
// a killed writer left behind.
OwnedRunDirectory openRunDirectory(const std::string& runDir);

// metrics.jsonl: one JSON object per line. Each line is written with one write(2) and taken
// back if it did not fit (full disk), so the file never holds a partial line; sync() makes it
// durable and runs before each checkpoint, since a resume drops every line after its checkpoint
// anyway. append() is thread-safe: robustness results arrive from the robustness monitor's
// thread while the training thread logs steps.
class MetricsLog {
public:
    // Opens for appending, first dropping every line whose "step" is larger than keepUpToStep
    // (records after the checkpoint a run resumes from) and every line that is not a complete
    // JSON object (a write cut short by a kill).
    MetricsLog(const std::string& path, std::int64_t keepUpToStep);
    ~MetricsLog();
    MetricsLog(const MetricsLog&) = delete;
    MetricsLog& operator=(const MetricsLog&) = delete;

    void append(const nlohmann::json& record);  // throws Error naming the file; the file keeps its lines
    void sync();                                // throws Error naming the file

private:
    std::string path_;
    std::mutex mutex_;
    int fd_ = -1;
};

}  // namespace uegr
