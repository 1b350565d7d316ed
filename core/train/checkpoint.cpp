#include "train/checkpoint.h"

#include <nlohmann/json.hpp>

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

nlohmann::json evalJson(const EvalTelemetry& eval) {
    return {{"step", eval.step}, {"epoch", eval.epoch}, {"accuracy", eval.accuracy},
            {"macro_f1", eval.macroF1}, {"mcc", eval.mcc}, {"loss", eval.loss}};
}

EvalTelemetry evalFromJson(const nlohmann::json& json) {
    EvalTelemetry eval;
    eval.step = json.at("step").get<std::int64_t>();
    eval.epoch = json.at("epoch").get<int>();
    eval.accuracy = json.at("accuracy").get<double>();
    eval.macroF1 = json.at("macro_f1").get<double>();
    eval.mcc = json.at("mcc").get<double>();
    eval.loss = json.at("loss").get<double>();
    return eval;
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

void writeCheckpointFiles(const fs::path& folder, TrainingEngine& engine, const TrainingProgress& progress) {
    writingFile(folder / "model.pt", "write", [&] {
        torch::serialize::OutputArchive archive;
        engine.model().save(archive);
        saveArchiveAtomically(archive, (folder / "model.pt").string());
    });
    writingFile(folder / "engine.pt", "write", [&] {
        torch::serialize::OutputArchive archive;
        engine.save(archive);
        saveArchiveAtomically(archive, (folder / "engine.pt").string());
    });
    const GeneratorStates generators = captureGeneratorStates();
    writingFile(folder / "rng.pt", "write",
                [&] { saveTensorAtomically(generators.cpu, (folder / "rng.pt").string()); });
    // One state per CUDA device, all of one size: stacked into one tensor.
    if (!generators.cuda.empty())
        writingFile(folder / kCudaGenerators, "write", [&] {
            saveTensorAtomically(torch::stack(generators.cuda), (folder / kCudaGenerators).string());
        });
    // Written last: a folder with progress.json is a complete checkpoint.
    const nlohmann::json json = {{"step", progress.step},
                                 {"epoch", progress.epoch},
                                 {"next_batch", progress.nextBatch},
                                 {"elapsed_seconds", progress.elapsedSeconds},
                                 {"best", progress.hasBest ? evalJson(progress.best) : nlohmann::json()}};
    writeFileAtomically((folder / "progress.json").string(), json.dump(2) + "\n");
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
    TrainingProgress progress;
    const fs::path progressFile = folder / "progress.json";
    withFile(progressFile, "read", [&] {
        const nlohmann::json json = nlohmann::json::parse(readFile(progressFile.string()));
        progress.step = json.at("step").get<std::int64_t>();
        progress.epoch = json.at("epoch").get<int>();
        progress.nextBatch = json.at("next_batch").get<std::int64_t>();
        progress.elapsedSeconds = json.at("elapsed_seconds").get<double>();
        progress.hasBest = !json.at("best").is_null();
        if (progress.hasBest) progress.best = evalFromJson(json.at("best"));
    });
    withFile(folder / "model.pt", "read", [&] {
        torch::serialize::InputArchive archive;
        archive.load_from((folder / "model.pt").string(), device);
        engine.model().load(archive);
    });
    withFile(folder / "engine.pt", "read", [&] {
        // Read on the CPU; engine.load moves each tensor to the model's device. (LibTorch 2.x
        // mis-reads bool tensors when it maps an archive straight onto CUDA.)
        torch::serialize::InputArchive archive;
        archive.load_from((folder / "engine.pt").string());
        engine.load(archive);
    });
    GeneratorStates generators;
    withFile(folder / "rng.pt", "read", [&] { torch::load(generators.cpu, (folder / "rng.pt").string()); });
    // Checkpoints written before CUDA states were saved, or on a machine without CUDA, lack them.
    if (fs::exists(folder / kCudaGenerators))
        withFile(folder / kCudaGenerators, "read", [&] {
            torch::Tensor stacked;
            torch::load(stacked, (folder / kCudaGenerators).string());
            generators.cuda = stacked.unbind(0);
        });
    restoreGeneratorStates(generators);
    return progress;
}

}  // namespace uegr
