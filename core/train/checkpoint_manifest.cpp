#include "train/checkpoint_manifest.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <limits>

#include "util/atomic_file.h"
#include "util/crc32.h"
#include "util/error.h"
#include "util/json_fields.h"
#include "util/json_text.h"

namespace uegr {
namespace {

using namespace json_fields;

// Runs `read`, naming `context` (a key of progress.json) in its error.
template <typename Read>
auto within(const std::string& context, Read&& read) {
    try {
        return read();
    } catch (const Error& error) {
        throw Error(context + ": " + error.what());
    }
}

bool isChecksum(const std::string& text) {
    return text.size() == 8 && text.find_first_not_of("0123456789abcdef") == std::string::npos;
}

CheckpointFile readFileEntry(const nlohmann::json& entry) {
    if (!entry.is_object()) throw Error("must be an object {bytes, crc32}");
    CheckpointFile file;
    file.bytes =
        static_cast<std::uint64_t>(wholeNumber(entry, "bytes", 0, std::numeric_limits<std::int64_t>::max()));
    file.crc32 = text(entry, "crc32");
    if (!isChecksum(file.crc32)) throw Error("key \"crc32\" must be 8 lowercase hex digits");
    return file;
}

CheckpointManifest manifestFromJson(const nlohmann::json& json) {
    CheckpointManifest manifest;
    TrainingProgress& progress = manifest.progress;
    progress.step = wholeNumber(json, "step", 0, std::numeric_limits<std::int64_t>::max());
    progress.epoch = static_cast<int>(wholeNumber(json, "epoch", 1, std::numeric_limits<int>::max()));
    progress.nextBatch = wholeNumber(json, "next_batch", 0, std::numeric_limits<std::int64_t>::max());
    progress.elapsedSeconds = finiteNumber(json, "elapsed_seconds");
    const nlohmann::json& best = required(json, "best");
    if (!best.is_null() && !best.is_object()) throw Error("key \"best\" must be an object or null");
    progress.hasBest = best.is_object();
    if (progress.hasBest) progress.best = within("best", [&] { return metricsFromJson(best); });
    // Checkpoints written before the checksums have none; readVerifiedCheckpointFile refuses them.
    if (!json.contains("files")) return manifest;
    const nlohmann::json& files = json.at("files");
    if (!files.is_object()) throw Error("key \"files\" must be an object");
    for (const auto& item : files.items())
        manifest.files[item.key()] =
            within("files." + item.key(), [&] { return readFileEntry(item.value()); });
    return manifest;
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
                                 {"best", progress.hasBest ? metricsJson(progress.best) : nlohmann::json()},
                                 {"files", files}};
    return json.dump(2) + "\n";
}

CheckpointManifest readCheckpointManifest(const std::string& progressFile) {
    const nlohmann::json json = parseJsonText(readFile(progressFile), progressFile);
    if (!json.is_object()) throw InputError(progressFile, 0, "expected a JSON object");
    try {
        return manifestFromJson(json);
    } catch (const Error& error) {
        throw InputError(progressFile, 0, error.what());
    }
}

std::string readVerifiedCheckpointFile(const std::string& folder, const std::string& name,
                                       const CheckpointManifest& manifest) {
    const std::string path = (std::filesystem::path(folder) / name).string();
    if (manifest.files.empty())
        throw InputError((std::filesystem::path(folder) / "progress.json").string(), 0,
                         "lists no checksums: the checkpoint was written before they were added and "
                         "cannot be verified; start the run again");
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
