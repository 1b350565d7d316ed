#include "train/checkpoint.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>

#include "train/generator_states.h"
#include "util/atomic_file.h"
#include "util/error.h"

namespace uegr {
namespace fs = std::filesystem;
namespace {

constexpr const char* kPrefix = "step-";
constexpr const char* kCudaGenerators = "rng-cuda.pt";

fs::path checkpointsRoot(const std::string& runDir) { return fs::path(runDir) / "checkpoints"; }

// Runs `body`, turning LibTorch's errors (corrupt archive, missing key, shape mismatch) and
// our own into an Error that names the file.
template <typename Body>
void withFile(const fs::path& file, const char* what, Body&& body) {
    try {
        body();
    } catch (const c10::Error& error) {
        throw Error("cannot " + std::string(what) + " " + file.string() + ": " + error.what_without_backtrace());
    } catch (const InputError&) {
        throw;
    } catch (const std::exception& error) {
        throw Error("cannot " + std::string(what) + " " + file.string() + ": " + error.what());
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

void removeOldCheckpoints(const fs::path& root, int keep) {
    if (keep <= 0) return;
    std::vector<std::pair<std::int64_t, fs::path>> folders;
    for (const auto& entry : fs::directory_iterator(root))
        if (entry.is_directory() && stepOf(entry.path()) >= 0) folders.emplace_back(stepOf(entry.path()), entry.path());
    std::sort(folders.begin(), folders.end());
    for (std::size_t i = 0; i + static_cast<std::size_t>(keep) < folders.size(); ++i) fs::remove_all(folders[i].second);
}

}  // namespace

std::string writeCheckpoint(const std::string& runDir, TrainingEngine& engine, const TrainingProgress& progress,
                            int keep) {
    const fs::path root = checkpointsRoot(runDir);
    const std::string name = kPrefix + std::to_string(progress.step);
    const fs::path staging = root / (".tmp-" + name);
    const fs::path target = root / name;
    fs::remove_all(staging);
    fs::create_directories(staging);

    withFile(staging / "model.pt", "write", [&] {
        torch::serialize::OutputArchive archive;
        engine.model().save(archive);
        archive.save_to((staging / "model.pt").string());
    });
    withFile(staging / "engine.pt", "write", [&] {
        torch::serialize::OutputArchive archive;
        engine.save(archive);
        archive.save_to((staging / "engine.pt").string());
    });
    const GeneratorStates generators = captureGeneratorStates();
    withFile(staging / "rng.pt", "write", [&] { torch::save(generators.cpu, (staging / "rng.pt").string()); });
    if (!generators.cuda.empty())
        withFile(staging / kCudaGenerators, "write",
                 [&] { torch::save(generators.cuda, (staging / kCudaGenerators).string()); });
    nlohmann::json json = {{"step", progress.step},
                           {"epoch", progress.epoch},
                           {"next_batch", progress.nextBatch},
                           {"elapsed_seconds", progress.elapsedSeconds},
                           {"best", progress.hasBest ? evalJson(progress.best) : nlohmann::json()}};
    writeFileAtomically((staging / "progress.json").string(), json.dump(2) + "\n");

    fs::remove_all(target);
    fs::rename(staging, target);
    writeFileAtomically((root / "latest").string(), name + "\n");
    removeOldCheckpoints(root, keep);
    return target.string();
}

std::string latestCheckpoint(const std::string& runDir) {
    const fs::path root = checkpointsRoot(runDir);
    const fs::path pointer = root / "latest";
    if (!fs::exists(pointer)) throw Error("no checkpoint to resume from: " + pointer.string() + " does not exist");
    std::string name = readFile(pointer.string());
    while (!name.empty() && (name.back() == '\n' || name.back() == '\r' || name.back() == ' ')) name.pop_back();
    if (stepOf(name) < 0) throw Error(pointer.string() + ": does not name a checkpoint (\"" + name + "\")");
    const fs::path folder = root / name;
    if (!fs::is_directory(folder)) throw Error(pointer.string() + ": checkpoint folder " + folder.string() + " is missing");
    return folder.string();
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
        withFile(folder / kCudaGenerators, "read",
                 [&] { torch::load(generators.cuda, (folder / kCudaGenerators).string()); });
    restoreGeneratorStates(generators);
    return progress;
}

}  // namespace uegr
