#include "train/run_directory.h"

#include <nlohmann/json.hpp>

#include <ctime>
#include <filesystem>
#include <sstream>

#include "util/atomic_file.h"
#include "util/error.h"

namespace uegr {
namespace fs = std::filesystem;

std::string createRunDirectory(const std::string& configuredDir, const std::string& method) {
    if (!configuredDir.empty()) {
        fs::create_directories(configuredDir);
        return configuredDir;
    }
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &local);
    const fs::path base = fs::path("runs") / (std::string(stamp) + "-" + method);
    fs::create_directories(base.parent_path());
    fs::path candidate = base;
    // create_directory is atomic: two runs started in the same second get different folders.
    for (int suffix = 2; !fs::create_directory(candidate); ++suffix)
        candidate = base.string() + "-" + std::to_string(suffix);
    return candidate.string();
}

MetricsLog::MetricsLog(const std::string& path, std::int64_t keepUpToStep) : path_(path) {
    if (keepUpToStep >= 0 && fs::exists(path)) {
        std::istringstream lines(readFile(path));
        std::string kept, line;
        while (std::getline(lines, line)) {
            if (line.empty()) continue;
            const nlohmann::json record = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
            if (record.is_object() && record.value("step", std::int64_t{0}) <= keepUpToStep) kept += line + "\n";
        }
        writeFileAtomically(path, kept);
    }
    out_.open(path, std::ios::app);
    if (!out_) throw Error("cannot open " + path + " for writing");
}

void MetricsLog::append(const nlohmann::json& record) {
    const std::string line = record.dump();
    const std::lock_guard<std::mutex> lock(mutex_);
    out_ << line << '\n';
    out_.flush();
    if (!out_) throw Error("cannot write to " + path_);
}

}  // namespace uegr
