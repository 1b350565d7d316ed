#include "train/checkpoint.h"

#include <torch/serialize.h>

#include <algorithm>
#include <filesystem>
#include <optional>

#include "io/archive_file.h"
#include "train/generator_states.h"
#include "util/atomic_file.h"
#include "util/error.h"

namespace uegr {
namespace fs = std::filesystem;
namespace {

constexpr const char* kPrefix = "step-";
constexpr const char* kCudaGenerators = "rng-cuda.pt";

fs::path checkpointsRoot(const std::string& runDir) { return fs::path(runDir) / "checkpoints"; }

Error fileError(const char* what, const fs::path& file, const std::string& reason) {
    return Error("cannot " + std::string(what) + " " + file.string() + ": " + reason);
}

// Runs `body`, turning LibTorch's errors (corrupt archive, missing key, shape mismatch) and
// our own into an Error that names the file.
template <typename Body>
void withFile(const fs::path& file, const char* what, Body&& body) {
    try {
        body();
    } catch (const c10::Error& error) {
        throw fileError(what, file, error.what_without_backtrace());
    } catch (const InputError&) {
        throw;
    } catch (const std::exception& error) {
        throw fileError(what, file, error.what());
    }
}

// The same for writing, where our own errors already name the file and the reason (full disk).
template <typename Body>
void writingFile(const fs::path& file, const char* what, Body&& body) {
    try {
        body();
    } catch (const Error&) {
        throw;
    } catch (const c10::Error& error) {
        throw fileError(what, file, error.what_without_backtrace());
    } catch (const std::exception& error) {
        throw fileError(what, file, error.what());
    }
}

std::int64_t stepOf(const fs::path& folder) {
    const std::string name = folder.filename().string();
    if (name.rfind(kPrefix, 0) != 0) return -1;
    try {
        std::size_t used = 0;
        const std::int64_t step = std::stoll(name.substr(5), &used);
        return used == name.size() - 5 ? step : -1;
    } catch (const std::exception&) {
        return -1;
    }
}

// Renamed first, so that a kill in the middle of the deletion leaves a temporary folder (removed
// on the next start) rather than a step-N folder with some of its files missing.
void removeCheckpointFolder(const fs::path& folder) {
    const fs::path doomed =
        folder.parent_path() / (std::string(kTemporaryMarker) + "old-" + folder.filename().string());
    fs::remove_all(doomed);
    fs::rename(folder, doomed);
    fs::remove_all(doomed);
}

// Keeps the `keep` newest checkpoints up to `current`. Folders after it belong to a timeline the
// run abandoned when it resumed from an earlier checkpoint, and would be mistaken for newer ones.
void removeOldCheckpoints(const fs::path& root, int keep, std::int64_t current) {
    std::vector<std::pair<std::int64_t, fs::path>> folders;
    for (const auto& entry : fs::directory_iterator(root))
        if (entry.is_directory() && stepOf(entry.path()) >= 0) folders.emplace_back(stepOf(entry.path()), entry.path());
    std::sort(folders.begin(), folders.end());
    while (!folders.empty() && folders.back().first > current) {
        removeCheckpointFolder(folders.back().second);
        folders.pop_back();
    }
    if (keep <= 0) return;
    for (std::size_t i = 0; i + static_cast<std::size_t>(keep) < folders.size(); ++i)
        removeCheckpointFolder(folders[i].second);
}

// Each file is written as it is serialised; its size and checksum go into progress.json, written
// last: a folder with progress.json is a complete checkpoint.
void writeCheckpointFiles(const fs::path& folder, TrainingEngine& engine, const TrainingProgress& progress) {
    CheckpointManifest manifest{progress, {}};
    const auto write = [&](const char* name, auto&& serialise) {
        const fs::path file = folder / name;
        writingFile(file, "write", [&] {
            const std::string bytes = serialise();
            writeFileAtomically(file.string(), bytes);
            manifest.files[name] = describeCheckpointFile(bytes);
        });
    };
    write("model.pt", [&] {
        torch::serialize::OutputArchive archive;
        engine.model().save(archive);
        return archiveBytes(archive);
    });
    write("engine.pt", [&] {
        torch::serialize::OutputArchive archive;
        engine.save(archive);
        return archiveBytes(archive);
    });
    const GeneratorStates generators = captureGeneratorStates();
    write("rng.pt", [&] { return tensorBytes(generators.cpu); });
    // One state per CUDA device, all of one size: stacked into one tensor.
    if (!generators.cuda.empty())
        write(kCudaGenerators, [&] { return tensorBytes(torch::stack(generators.cuda)); });
    writeFileAtomically((folder / "progress.json").string(), manifestJson(manifest));
}

bool isComplete(const fs::path& folder) {
    return fs::exists(folder / "progress.json");
}

// The newest complete step-N folder, for a "latest" that is missing or names a missing folder
// (a kill between the rename of a checkpoint and the update of "latest").
std::optional<fs::path> newestCompleteCheckpoint(const fs::path& root) {
    std::optional<fs::path> newest;
    std::int64_t newestStep = -1;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(root, error)) {
        const std::int64_t step = stepOf(entry.path());
        if (step > newestStep && entry.is_directory() && isComplete(entry.path())) {
            newestStep = step;
            newest = entry.path();
        }
    }
    return newest;
}

}  // namespace

std::string writeCheckpoint(const std::string& runDir, TrainingEngine& engine,
                            const TrainingProgress& progress, int keep) {
    const fs::path root = checkpointsRoot(runDir);
    const std::string name = kPrefix + std::to_string(progress.step);
    const fs::path staging = root / (kTemporaryMarker + name);
    const fs::path target = root / name;
    try {
        writingFile(target, "write", [&] {
            fs::remove_all(staging);
            fs::create_directories(staging);
            writeCheckpointFiles(staging, engine, progress);
            if (fs::exists(target)) removeCheckpointFolder(target);  // a step saved again
            fs::rename(staging, target);
            syncDirectory(root.string());
            writeFileAtomically((root / "latest").string(), name + "\n");
        });
    } catch (...) {
        std::error_code ignored;
        fs::remove_all(staging, ignored);
        throw;
    }
    writingFile(root, "clean up", [&] { removeOldCheckpoints(root, keep, progress.step); });
    return target.string();
}

std::optional<std::string> findLatestCheckpoint(const std::string& runDir) {
    const fs::path root = checkpointsRoot(runDir);
    const fs::path pointer = root / "latest";
    if (fs::exists(pointer)) {
        std::string name = readFile(pointer.string());
        while (!name.empty() && (name.back() == '\n' || name.back() == '\r' || name.back() == ' '))
            name.pop_back();
        if (stepOf(name) >= 0 && isComplete(root / name)) return (root / name).string();
    }
    if (const auto newest = newestCompleteCheckpoint(root)) return newest->string();
    return std::nullopt;
}

std::string latestCheckpoint(const std::string& runDir) {
    if (const auto latest = findLatestCheckpoint(runDir)) return *latest;
    throw Error("no checkpoint to resume from in " + checkpointsRoot(runDir).string());
}

TrainingProgress readCheckpoint(const std::string& checkpointDir, TrainingEngine& engine) {
    const fs::path folder(checkpointDir);
    const torch::Device device = engine.parameters().empty() ? torch::Device(torch::kCPU)
                                                             : engine.parameters().front().tensor.device();
    const CheckpointManifest manifest = readCheckpointManifest((folder / "progress.json").string());
    const auto readArchive = [&](const char* name, c10::optional<torch::Device> onto, auto&& use) {
        // Verified before LibTorch parses it (train/checkpoint_manifest.h).
        const std::string bytes = readVerifiedCheckpointFile(folder.string(), name, manifest);
        withFile(folder / name, "read", [&] {
            torch::serialize::InputArchive archive;
            archive.load_from(bytes.data(), bytes.size(), onto);
            use(archive);
        });
    };
    readArchive("model.pt", device, [&](auto& archive) { engine.model().load(archive); });
    // Read on the CPU; engine.load moves each tensor to the model's device. (LibTorch 2.x
    // mis-reads bool tensors when it maps an archive straight onto CUDA.)
    readArchive("engine.pt", c10::nullopt, [&](auto& archive) { engine.load(archive); });
    GeneratorStates generators;
    // "0" is the key torch::save gives a lone tensor.
    readArchive("rng.pt", c10::nullopt, [&](auto& archive) { archive.read("0", generators.cpu); });
    // Checkpoints written on a machine without CUDA lack them.
    if (manifest.files.count(kCudaGenerators))
        readArchive(kCudaGenerators, c10::nullopt, [&](auto& archive) {
            torch::Tensor stacked;
            archive.read("0", stacked);
            generators.cuda = stacked.unbind(0);
        });
    restoreGeneratorStates(generators);
    return manifest.progress;
}

}  // namespace uegr
