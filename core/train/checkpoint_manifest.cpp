#include "train/checkpoint_manifest.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <limits>
#include <optional>

#include "util/atomic_file.h"
#include "util/crc32.h"
#include "util/error.h"
#include "util/json_field.h"
#include "util/json_text.h"

namespace uegr {
namespace {

bool isChecksum(const std::string& text) {
    return text.size() == 8 && text.find_first_not_of("0123456789abcdef") == std::string::npos;
}

CheckpointFile readFileEntry(const JsonField& entry) {
    CheckpointFile file;
    file.bytes = static_cast<std::uint64_t>(entry.at("bytes").asCount());
    const JsonField crc = entry.at("crc32");
    file.crc32 = crc.asString();
    if (!isChecksum(file.crc32)) crc.fail("must be 8 lowercase hex digits");
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
                                 {"best", progress.hasBest ? metricsJson(progress.best) : nlohmann::json()},
                                 {"files", files}};
    return json.dump(2) + "\n";
}

CheckpointManifest readCheckpointManifest(const std::string& progressFile) {
    const nlohmann::json json = parseJsonText(readFile(progressFile), progressFile);
    const JsonField root(json, progressFile);
    root.requireObject();
    CheckpointManifest manifest;
    TrainingProgress& progress = manifest.progress;
    progress.step = root.at("step").asCount();
    progress.epoch = static_cast<int>(root.at("epoch").asInteger(1, std::numeric_limits<int>::max()));
    progress.nextBatch = root.at("next_batch").asCount();
    progress.elapsedSeconds = root.at("elapsed_seconds").asFiniteNumber();
    if (const std::optional<JsonField> best = root.find("best")) {  // null before the first evaluation
        progress.hasBest = true;
        progress.best = metricsFromJson(*best);
    }
    // Checkpoints written before the checksums have none; readVerifiedCheckpointFile refuses them.
    if (const std::optional<JsonField> files = root.find("files"))
        for (const auto& [name, entry] : files->members()) manifest.files[name] = readFileEntry(entry);
    return manifest;
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
