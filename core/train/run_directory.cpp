#include "train/run_directory.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <sstream>
#include <vector>

#include "util/atomic_file.h"
#include "util/error.h"

namespace uegr {
namespace fs = std::filesystem;
namespace {

std::string timestamp() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &local);
    return stamp;
}

// `base`, or base-2, base-3, ...: the first that does not exist yet, created.
// create_directory is atomic: two runs started in the same second get different folders.
fs::path createUniqueDirectory(const fs::path& base) {
    fs::path candidate = base;
    for (int suffix = 2; !fs::create_directory(candidate); ++suffix)
        candidate = base.string() + "-" + std::to_string(suffix);
    return candidate;
}

// Anything besides the lock file of a run that ended.
bool holdsAnything(const fs::path& dir) {
    for (const auto& entry : fs::directory_iterator(dir))
        if (entry.path().filename() != kRunLockFile) return true;
    return false;
}

InputError occupiedFolder(const fs::path& dir) {
    const std::string advice =
        fs::exists(dir / "config.json")
            ? "already holds a run; continue it with `uegr train --resume " + dir.string() + "`, or"
            : "is not empty;";
    return InputError(dir.string(), 0,
                      advice + " pass --overwrite to move it aside to " + dir.string() + ".old-<time>");
}

// Renames dir to dir.old-<stamp> (-2, -3, ... if taken); returns the new name.
std::string moveAside(const fs::path& dir) {
    const std::string base = dir.string() + ".old-" + timestamp();
    std::string aside = base;
    for (int suffix = 2; fs::exists(aside); ++suffix) aside = base + "-" + std::to_string(suffix);
    std::error_code error;
    fs::rename(dir, aside, error);
    if (error) throw Error("cannot move " + dir.string() + " aside to " + aside + ": " + error.message());
    return aside;
}

fs::path lexicallyClean(const std::string& dir) {
    const fs::path clean = fs::path(dir).lexically_normal();
    return clean.filename().empty() ? clean.parent_path() : clean;  // "runs/a/" -> "runs/a"
}

bool truncateTo(int fd, off_t size) {
    return ::ftruncate(fd, size) == 0;
}

}  // namespace

OwnedRunDirectory createRunDirectory(const std::string& configuredDir, const std::string& method,
                                     ExistingRunFolder existing) {
    OwnedRunDirectory run;
    if (configuredDir.empty()) {
        const fs::path base = fs::path("runs") / (timestamp() + "-" + method);
        fs::create_directories(base.parent_path());
        run.path = createUniqueDirectory(base).string();
        run.lock = std::make_unique<RunLock>(run.path);
        return run;
    }
    const fs::path dir = lexicallyClean(configuredDir);
    fs::create_directories(dir);
    run.path = configuredDir;
    run.lock = std::make_unique<RunLock>(run.path);  // a second writer stops here
    if (!holdsAnything(dir)) return run;
    if (existing == ExistingRunFolder::kRefuse) throw occupiedFolder(dir);
    run.movedAside = moveAside(dir);
    fs::create_directory(dir);
    run.lock = std::make_unique<RunLock>(run.path);
    return run;
}

OwnedRunDirectory openRunDirectory(const std::string& runDir) {
    if (!fs::is_directory(runDir)) throw InputError(runDir, 0, "run folder does not exist");
    OwnedRunDirectory run;
    run.path = runDir;
    run.lock = std::make_unique<RunLock>(runDir);
    std::vector<fs::path> stale;
    for (auto it = fs::recursive_directory_iterator(runDir); it != fs::recursive_directory_iterator(); ++it) {
        if (!isTemporaryName(it->path().filename().string())) continue;
        stale.push_back(it->path());
        it.disable_recursion_pending();
    }
    for (const fs::path& path : stale) fs::remove_all(path);
    return run;
}

MetricsLog::MetricsLog(const std::string& path, std::int64_t keepUpToStep) : path_(path) {
    if (keepUpToStep >= 0 && fs::exists(path)) {
        std::istringstream lines(readFile(path));
        std::string kept, line;
        while (std::getline(lines, line)) {
            if (line.empty() || lines.eof()) continue;  // the last line without '\n' was cut short
            const nlohmann::json record = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
            if (record.is_object() && record.value("step", std::int64_t{0}) <= keepUpToStep) kept += line + "\n";
        }
        writeFileAtomically(path, kept);
    }
    fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd_ < 0) throw Error("cannot open " + path + " for writing: " + std::strerror(errno));
}

MetricsLog::~MetricsLog() {
    if (fd_ >= 0) ::close(fd_);
}

void MetricsLog::append(const nlohmann::json& record) {
    const std::string line = record.dump() + "\n";
    const std::lock_guard<std::mutex> lock(mutex_);
    struct stat before {};
    if (::fstat(fd_, &before) != 0) throw Error("cannot write to " + path_ + ": " + std::strerror(errno));
    if (const int error = writeFully(fd_, line.data(), line.size())) {
        truncateTo(fd_, before.st_size);  // if even that fails, the next resume drops the partial line
        throw Error("cannot write to " + path_ + ": " + std::strerror(error));
    }
}

void MetricsLog::sync() {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (::fsync(fd_) != 0) throw Error("cannot write to " + path_ + ": " + std::strerror(errno));
}

}  // namespace uegr
