// uegr-bench-step: median optimizer-step time of vanilla, R-Drop, FreeLB and UEGR for TextCNN
// and a Transformer on synthetic batches, the share of the UEGR step spent on saliency and
// masking, and the hard-masked AdamW update against a plain one. Prints a table, or JSON.
#include <ATen/record_function.h>
#include <torch/torch.h>
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <iostream>
#include <set>
#include <string>

#include "bench_timing.h"
#include "model/device_selection.h"
#include "model/text_classifier.h"
#include "train/masked_adamw.h"
#include "train/training_engine.h"
#include "train/training_method.h"
#include "util/runtime_info.h"

using namespace uegr;

namespace {

struct Settings {
    int warmup = 3;
    int repeats = 15;
    int batch = 32;
    int length = 64;
    std::int64_t vocab = 5000;
    int threads = 0;
    int passes = 3;
    std::string deviceName = "cpu";
    torch::Device device{torch::kCPU};
};

double medianMs(const Settings& settings, const std::function<void()>& body) {
    return bench::medianMs(settings.warmup, settings.repeats, settings.device, body);
}

// Counts the ATen operators dispatched at the top level (not those they call internally),
// views and allocations left out. On a GPU each is about one kernel launch, and launches are
// what makes work on many small tensors slow there; the count is the same on any machine.
class OperatorCounter {
public:
    explicit OperatorCounter(const std::function<void()>& body) {
        state() = {};
        const at::CallbackHandle handle = at::addThreadLocalCallback(
            at::RecordFunctionCallback(&OperatorCounter::enter, &OperatorCounter::leave));
        body();
        at::removeCallback(handle);
    }
    std::int64_t operators() const { return state().operators; }

private:
    struct State {
        int depth = 0;
        std::int64_t operators = 0;
    };
    static State& state() {
        thread_local State counts;
        return counts;
    }
    static std::unique_ptr<at::ObserverContext> enter(const at::RecordFunction& function) {
        static const std::set<std::string> kNoKernel{
            "aten::view",  "aten::narrow",     "aten::slice",        "aten::reshape", "aten::_reshape_alias",
            "aten::alias", "aten::as_strided", "aten::detach",       "aten::empty",   "aten::empty_strided",
            "aten::to",    "aten::lift_fresh", "aten::_unsafe_view", "aten::expand",  "aten::select"};
        if (state().depth++ == 0 && kNoKernel.count(function.name()) == 0) ++state().operators;
        return nullptr;
    }
    static void leave(const at::RecordFunction&, at::ObserverContext*) { --state().depth; }
};

Batch syntheticBatch(const Settings& settings) {
    Batch batch;
    batch.inputIds = torch::randint(3, settings.vocab, {settings.batch, settings.length}, torch::kInt64);
    batch.attentionMask = torch::ones({settings.batch, settings.length}, torch::kBool);
    batch.labels = torch::randint(0, 2, {settings.batch}, torch::kInt64);
    return batch.to(settings.device);
}

RunConfig benchConfig(const std::string& modelType, const Settings& settings) {
    RunConfig config;
    config.model.type = modelType;
    config.uegr.passes = settings.passes;
    config.uegr.maskWarmupRatio = 0;  // mask from the first step: the steady-state cost
    return config;
}

struct ModelResult {
    std::string model;
    std::int64_t parameters = 0, eligible = 0;
    std::vector<std::pair<std::string, double>> stepMs;  // method -> median ms
    // The backward stage's update after backpropagation, as TrainingEngine::applyUpdate runs
    // it for UEGR (saliency, importance sums, top-ρ selection, mask counts, hard-masked AdamW)
    // and for vanilla (plain AdamW); the difference is what saliency and masking add.
    double uegrUpdateMs = 0, plainUpdateMs = 0;
    std::int64_t uegrUpdateOperators = 0, plainUpdateOperators = 0;
    double plainAdamMs = 0, maskedAdamMs = 0, torchAdamMs = 0;
    // The hard-masked step through tensor ops (the path of GPUs and non-float32 parameters).
    std::int64_t maskedTensorOpsOperators = 0;
    double uegrMs() const { return stepMs.back().second; }
    double vanillaMs() const { return stepMs.front().second; }
    double saliencyMaskMs() const { return std::max(0.0, uegrUpdateMs - plainUpdateMs); }
    double overheadShare() const { return saliencyMaskMs() / uegrMs(); }
};

ModelResult benchModel(const std::string& modelType, const Settings& settings) {
    ModelResult result;
    result.model = modelType;
    const RunConfig config = benchConfig(modelType, settings);
    const Batch batch = syntheticBatch(settings);
    for (const std::string method : {"vanilla", "rdrop", "freelb", "uegr"}) {
        torch::manual_seed(1);
        const TextClassifier model = createModel(config.model, settings.vocab, 2, settings.length);
        model->to(settings.device);
        model->train();
        const auto steps = createTrainingMethod(method);
        TrainingEngine engine(model, config, 1000000, steps->dropoutRule(config));
        std::int64_t step = 0;
        result.stepMs.emplace_back(method, medianMs(settings, [&] {
                                       steps->step(engine, batch, {++step, false});
                                   }));

        if (method != "uegr") continue;
        // The backward stage alone, on the UEGR model's real gradients (left in .grad() by the
        // last step; applyUpdate does not clear them).
        UpdatePlan uegrPlan;
        uegrPlan.mask = UpdatePlan::Mask::Scheduled;
        uegrPlan.feedImportance = true;
        const UpdatePlan plainPlan;
        result.uegrUpdateMs = medianMs(settings, [&] { engine.applyUpdate(uegrPlan, ++step); });
        result.plainUpdateMs = medianMs(settings, [&] { engine.applyUpdate(plainPlan, ++step); });
        // Operators counted with the optimizer's tensor-ops path, the one GPUs take.
        engine.optimizer().setFusedCpuKernel(false);
        result.uegrUpdateOperators =
            OperatorCounter([&] { engine.applyUpdate(uegrPlan, ++step); }).operators();
        result.plainUpdateOperators =
            OperatorCounter([&] { engine.applyUpdate(plainPlan, ++step); }).operators();
        engine.optimizer().setFusedCpuKernel(true);

        std::vector<torch::Tensor> all;
        for (const auto& parameter : engine.parameters()) {
            all.push_back(parameter.tensor);
            result.parameters += parameter.tensor.numel();
            if (parameter.eligible) result.eligible += parameter.tensor.numel();
        }
        // The top-ρ masks of the last UEGR update, undefined for exempt parameters.
        const std::vector<torch::Tensor> fullMasks = engine.masks();
        // Separate copies so the three optimizers do not disturb each other's parameters.
        std::vector<torch::Tensor> plainCopy, maskedCopy, torchCopy, tensorOpsCopy;
        for (const auto& p : all) {
            for (auto* copies : {&plainCopy, &maskedCopy, &torchCopy, &tensorOpsCopy}) {
                copies->push_back(p.detach().clone().requires_grad_(true));
                copies->back().mutable_grad() = p.grad().clone();
            }
        }
        MaskedAdamW plain(plainCopy, {}), masked(maskedCopy, {});
        torch::optim::AdamW reference(torchCopy, torch::optim::AdamWOptions(1e-3).weight_decay(0.01));
        result.plainAdamMs = medianMs(settings, [&] { plain.step(); });
        result.maskedAdamMs = medianMs(settings, [&] { masked.step(fullMasks, MaskMode::Hard); });
        result.torchAdamMs = medianMs(settings, [&] { reference.step(); });
        MaskedAdamW tensorOps(tensorOpsCopy, {});
        tensorOps.setFusedCpuKernel(false);
        result.maskedTensorOpsOperators =
            OperatorCounter([&] { tensorOps.step(fullMasks, MaskMode::Hard); }).operators();
    }
    return result;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"uegr-bench-step: step time of UEGR and the baselines on synthetic batches"};
    Settings settings;
    bool json = false;
    app.add_flag("--json", json, "Print JSON instead of a table");
    app.add_option("--repeats", settings.repeats, "Timed steps per measurement (median reported)");
    app.add_option("--warmup", settings.warmup, "Untimed steps first");
    app.add_option("--threads", settings.threads, "Intra-op threads (0 = all cores)");
    app.add_option("--passes", settings.passes, "UEGR passes K");
    app.add_option("--device", settings.deviceName, "cpu | cuda | auto");
    CLI11_PARSE(app, argc, argv);
    settings.device = resolveDevice(settings.deviceName, "--device");

    configureThreads(settings.threads);
    const RuntimeInfo runtime = runtimeInfo();
    std::vector<ModelResult> results;
    for (const std::string model : {"textcnn", "transformer"}) results.push_back(benchModel(model, settings));

    const double stepBound = 1.1 * (settings.passes + 2);
    nlohmann::json report = {{"device", settings.device.str()},  {"batch", settings.batch},
                             {"tokens", settings.length},        {"passes", settings.passes},
                             {"repeats", settings.repeats},      {"runtime", toJson(runtime)},
                             {"models", nlohmann::json::array()}};
    for (const auto& r : results) {
        nlohmann::json entry = {{"model", r.model},
                                {"parameters", r.parameters},
                                {"eligible_parameters", r.eligible},
                                {"step_ms", nlohmann::json::object()},
                                {"uegr_over_vanilla", r.uegrMs() / r.vanillaMs()},
                                {"uegr_bound", stepBound},
                                {"update_uegr_ms", r.uegrUpdateMs},
                                {"update_plain_ms", r.plainUpdateMs},
                                {"update_uegr_operators", r.uegrUpdateOperators},
                                {"update_plain_operators", r.plainUpdateOperators},
                                {"saliency_mask_ms", r.saliencyMaskMs()},
                                {"saliency_mask_share", r.overheadShare()},
                                {"adamw_plain_ms", r.plainAdamMs},
                                {"adamw_hard_masked_ms", r.maskedAdamMs},
                                {"torch_adamw_ms", r.torchAdamMs},
                                {"adamw_hard_masked_tensor_ops_operators", r.maskedTensorOpsOperators},
                                {"masked_over_plain", r.maskedAdamMs / r.plainAdamMs}};
        for (const auto& [method, ms] : r.stepMs) entry["step_ms"][method] = ms;
        entry["targets_met"] = {{"uegr_step", r.uegrMs() / r.vanillaMs() <= stepBound},
                                {"saliency_mask_share", r.overheadShare() <= 0.05},
                                {"masked_adamw", r.maskedAdamMs / r.plainAdamMs <= 1.5}};
        report["models"].push_back(entry);
    }
    if (json) {
        std::cout << report.dump(2) << "\n";
        return 0;
    }
    std::printf("device %s, batch %d x %d tokens, K = %d, median of %d steps, %d threads, BLAS: %s\n\n",
                settings.device.str().c_str(), settings.batch, settings.length, settings.passes,
                settings.repeats, runtime.intraOpThreads, runtime.blasKind.c_str());
    std::printf("%-12s %9s %9s %9s %9s %10s %14s %10s %10s %10s\n", "model", "vanilla", "rdrop", "freelb",
                "uegr", "uegr/van", "salience+mask", "adamw", "masked", "torch");
    for (const auto& r : results) {
        std::printf("%-12s", r.model.c_str());
        for (const auto& [method, ms] : r.stepMs) std::printf(" %7.1fms", ms);
        std::printf(" %9.2fx %13.1f%% %8.2fms %8.2fms %8.2fms\n", r.uegrMs() / r.vanillaMs(),
                    100 * r.overheadShare(), r.plainAdamMs, r.maskedAdamMs, r.torchAdamMs);
    }
    std::printf(
        "\nbackward-stage update (applyUpdate after backpropagation): time and top-level ATen operators\n");
    std::printf("%-12s %11s %11s %11s %11s %17s\n", "model", "uegr", "plain", "uegr ops", "plain ops",
                "masked adamw ops");
    for (const auto& r : results)
        std::printf("%-12s %9.2fms %9.2fms %11lld %11lld %17lld\n", r.model.c_str(), r.uegrUpdateMs,
                    r.plainUpdateMs, static_cast<long long>(r.uegrUpdateOperators),
                    static_cast<long long>(r.plainUpdateOperators),
                    static_cast<long long>(r.maskedTensorOpsOperators));
    std::printf(
        "(ops: top-level ATen operators with the optimizer's tensor-ops path, the one GPUs take;\n"
        " masked adamw ops: one hard-masked MaskedAdamW step alone)\n");
    std::printf(
        "\ntargets: uegr <= %.1fx vanilla; saliency+mask <= 5%% of the uegr step; masked AdamW <= 1.5x "
        "plain\n",
        stepBound);
    for (const auto& r : results)
        std::printf("%-12s uegr %s, saliency+mask %s, masked AdamW %s (%.2fx)\n", r.model.c_str(),
                    r.uegrMs() / r.vanillaMs() <= stepBound ? "met" : "MISSED",
                    r.overheadShare() <= 0.05 ? "met" : "MISSED",
                    r.maskedAdamMs / r.plainAdamMs <= 1.5 ? "met" : "MISSED", r.maskedAdamMs / r.plainAdamMs);
    return 0;
}
