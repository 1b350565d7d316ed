#include "train/checkpoint_manifest.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <limits>

#include "util/atomic_file.h"
#include "util/crc32.h"
#include "util/error.h"
#include "util/json_text.h"

namespace uegr {
namespace {

// Reads the keys of one JSON object of progress.json, naming the file and the key in every error.
class ManifestReader {
public:
    ManifestReader(const nlohmann::json& object, std::string file, std::string path)
        : object_(object), file_(std::move(file)), path_(std::move(path)) {}

    const nlohmann::json& at(const std::string& key) const {
        const auto found = object_.find(key);
        if (found == object_.end()) fail(key, "is missing");
        return *found;
    }

    std::int64_t integer(const std::string& key, std::int64_t min,
                         std::int64_t max = std::numeric_limits<std::int64_t>::max()) const {
        const nlohmann::json& value = at(key);
        if (value.is_number_unsigned() && value.get<std::uint64_t>() <= static_cast<std::uint64_t>(max) &&
            static_cast<std::int64_t>(value.get<std::uint64_t>()) >= min)
            return value.get<std::int64_t>();
        if (value.is_number_integer() && !value.is_number_unsigned() && value.get<std::int64_t>() >= min &&
            value.get<std::int64_t>() <= max)
            return value.get<std::int64_t>();
        fail(key, "must be a whole number from " + std::to_string(min) + " to " + std::to_string(max));
    }

    double number(const std::string& key) const {
        const nlohmann::json& value = at(key);
        if (!value.is_number() || !std::isfinite(value.get<double>())) fail(key, "must be a finite number");
        return value.get<double>();
    }

    ManifestReader object(const std::string& key) const {
        const nlohmann::json& value = at(key);
        if (!value.is_object()) fail(key, "must be an object");
        return ManifestReader(value, file_, name(key));
    }

    const nlohmann::json& json() const { return object_; }
    const std::string& file() const { return file_; }

    [[noreturn]] void fail(const std::string& key, const std::string& what) const {
        throw InputError(file_, 0, "key \"" + name(key) + "\" " + what);
    }

private:
    std::string name(const std::string& key) const { return path_.empty() ? key : path_ + "." + key; }

    const nlohmann::json& object_;
    std::string file_;
    std::string path_;
};

constexpr std::int64_t kMaxEpoch = std::numeric_limits<int>::max();

nlohmann::json evalJson(const EvalTelemetry& eval) {
    return {{"step", eval.step},        {"epoch", eval.epoch}, {"accuracy", eval.accuracy},
            {"macro_f1", eval.macroF1}, {"mcc", eval.mcc},     {"loss", eval.loss}};
}

EvalTelemetry readEval(const ManifestReader& best) {
    EvalTelemetry eval;
    eval.step = best.integer("step", 0);
    eval.epoch = static_cast<int>(best.integer("epoch", 0, kMaxEpoch));
    eval.accuracy = best.number("accuracy");
    eval.macroF1 = best.number("macro_f1");
    eval.mcc = best.number("mcc");
    eval.loss = best.number("loss");
    return eval;
}

bool isChecksum(const std::string& text) {
    return text.size() == 8 && text.find_first_not_of("0123456789abcdef") == std::string::npos;
}

CheckpointFile readFileEntry(const ManifestReader& entry) {
    CheckpointFile file;
    file.bytes = static_cast<std::uint64_t>(entry.integer("bytes", 0));
    const nlohmann::json& crc = entry.at("crc32");
    if (!crc.is_string() || !isChecksum(crc.get<std::string>()))
        entry.fail("crc32", "must be 8 lowercase hex digits");
    file.crc32 = crc.get<std::string>();
    return file;
}

}  // namespace

CheckpointFile describeCheckpointFile(const std::string& content) {
    return {content.size(), crc32Hex(content)};
}

std::string manifestJson(const CheckpointManifest& manifest) {
    const TrainingProgress& progress = manifest.progress;
    nlohmann::json files = nlohmann::json::object();
    for (const auto& [name, file] : manifest.files)
        files[name] = {{"bytes", file.bytes}, {"crc32", file.crc32}};
    const nlohmann::json json = {{"step", progress.step},
                                 {"epoch", progress.epoch},
                                 {"next_batch", progress.nextBatch},
                                 {"elapsed_seconds", progress.elapsedSeconds},
                                 {"best", progress.hasBest ? evalJson(progress.best) : nlohmann::json()},
                                 {"files", files}};
    return json.dump(2) + "\n";
}

CheckpointManifest readCheckpointManifest(const std::string& progressFile) {
    const nlohmann::json json = parseJsonText(readFile(progressFile), progressFile);
    if (!json.is_object()) throw InputError(progressFile, 0, "expected a JSON object");
    const ManifestReader root(json, progressFile, "");
    CheckpointManifest manifest;
    TrainingProgress& progress = manifest.progress;
    progress.step = root.integer("step", 0);
    progress.epoch = static_cast<int>(root.integer("epoch", 1, kMaxEpoch));
    progress.nextBatch = root.integer("next_batch", 0);
    progress.elapsedSeconds = root.number("elapsed_seconds");
    progress.hasBest = !root.at("best").is_null();
    if (progress.hasBest) progress.best = readEval(root.object("best"));
    if (!json.contains("files"))
        root.fail("files",
                  "is missing: this checkpoint has no checksums (written before they were added), so "
                  "it cannot be verified; start the run again");
    const ManifestReader files = root.object("files");
    for (const auto& item : files.json().items())
        manifest.files[item.key()] = readFileEntry(files.object(item.key()));
    return manifest;
}

std::string readVerifiedCheckpointFile(const std::string& folder, const std::string& name,
                                       const CheckpointManifest& manifest) {
    const std::string path = (std::filesystem::path(folder) / name).string();
    const auto listed = manifest.files.find(name);
    if (listed == manifest.files.end())
        throw InputError(path, 0, "not listed in the checkpoint's progress.json (damaged checkpoint)");
    std::string content = readFile(path);
    if (content.size() != listed->second.bytes)
        throw InputError(path, 0,
                         "holds " + std::to_string(content.size()) + " bytes, progress.json says " +
                             std::to_string(listed->second.bytes) + " (damaged or truncated)");
    if (crc32Hex(content) != listed->second.crc32)
        throw InputError(path, 0, "checksum mismatch: the file is damaged");
    return content;
}

}  // namespace uegr
