// uegr-bench-hf-step: step time of fine-tuning a BERT-shaped encoder (randomly initialised from
// a config.json this program writes, no download needed) with vanilla and UEGR, against the
// estimate the studio's pretrained-model panel shows (core/model/step_cost.h), so that the
// "slow on this CPU" warning can be trusted. Prints a table, or JSON.
#include <torch/torch.h>
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <unistd.h>

#include "bench_timing.h"
#include "model/device_selection.h"
#include "model/pretrained_model.h"
#include "model/step_cost.h"
#include "train/precision_scope.h"
#include "train/training_engine.h"
#include "train/training_method.h"
#include "util/runtime_info.h"

using namespace uegr;
namespace fs = std::filesystem;

namespace {

struct Settings {
    int layers = 4, hidden = 256, heads = 4, intermediate = 1024;  // BERT-mini
    int vocab = 8000;
    int batch = 16, length = 128;
    int warmup = 2, repeats = 5;
    int threads = 0;
    std::string deviceName = "cpu";
    std::string precision = "fp32";
    torch::Device device{torch::kCPU};
};

// A BERT folder without weights: loading initialises every tensor as transformers would.
void writeBertFolder(const fs::path& folder, const Settings& settings) {
    fs::create_directories(folder);
    const nlohmann::json config = {{"architectures", {"BertForMaskedLM"}},
                                   {"model_type", "bert"},
                                   {"vocab_size", settings.vocab},
                                   {"hidden_size", settings.hidden},
                                   {"num_hidden_layers", settings.layers},
                                   {"num_attention_heads", settings.heads},
                                   {"intermediate_size", settings.intermediate},
                                   {"hidden_act", "gelu"},
                                   {"hidden_dropout_prob", 0.1},
                                   {"attention_probs_dropout_prob", 0.1},
                                   {"max_position_embeddings", 512},
                                   {"type_vocab_size", 2},
                                   {"layer_norm_eps", 1e-12},
                                   {"pad_token_id", 0}};
    std::ofstream(folder / "config.json") << config.dump(2);
    std::ofstream vocab(folder / "vocab.txt");
    vocab << "[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\n";
    for (int i = 5; i < settings.vocab; ++i) vocab << "w" << i << "\n";
}

struct MethodResult {
    std::string method;
    int passes = 0;
    double measuredMs = 0, estimatedMs = 0;
};

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{
        "uegr-bench-hf-step: fine-tuning step time of a BERT-shaped encoder against the studio's estimate"};
    Settings settings;
    bool json = false;
    app.add_flag("--json", json, "Print JSON instead of a table");
    app.add_option("--layers", settings.layers, "Encoder layers");
    app.add_option("--hidden", settings.hidden, "Hidden size");
    app.add_option("--heads", settings.heads, "Attention heads");
    app.add_option("--intermediate", settings.intermediate, "Feed-forward size");
    app.add_option("--batch", settings.batch, "Examples per step");
    app.add_option("--length", settings.length, "Tokens per example (no padding)");
    app.add_option("--repeats", settings.repeats, "Timed steps (median reported)");
    app.add_option("--warmup", settings.warmup, "Untimed steps first");
    app.add_option("--threads", settings.threads, "Intra-op threads (0 = all cores)");
    app.add_option("--device", settings.deviceName, "cpu | cuda | auto");
    app.add_option("--precision", settings.precision, "fp32 | bf16 (training.precision)")
        ->check(CLI::IsMember({"fp32", "bf16"}));
    CLI11_PARSE(app, argc, argv);
    settings.device = resolveDevice(settings.deviceName, "--device");
    configureThreads(settings.threads);

    const fs::path folder = fs::temp_directory_path() / ("uegr-bench-bert-" + std::to_string(::getpid()));
    writeBertFolder(folder, settings);
    const HfModelInfo info = readHfModelInfo(folder.string());
    const double flopsPerSecond = measureCpuFlopsPerSecond();

    torch::manual_seed(1);
    Batch batch;
    batch.inputIds = torch::randint(5, settings.vocab, {settings.batch, settings.length}, torch::kInt64);
    batch.attentionMask = torch::ones({settings.batch, settings.length}, torch::kBool);
    batch.labels = torch::randint(0, 2, {settings.batch}, torch::kInt64);
    batch = batch.to(settings.device);

    std::vector<MethodResult> results;
    for (const std::string method : {"vanilla", "uegr"}) {
        RunConfig config;
        config.model.type = "hf";
        config.model.path = folder.string();
        config.model.allowMissingWeights = true;  // the folder has no weights: only the step time counts
        config.training.method = method;
        config.training.batchSize = settings.batch;
        config.training.precision = settings.precision;
        config.data.maxLength = settings.length;
        config.uegr.maskWarmupRatio = 0;  // the steady-state cost, mask included
        torch::manual_seed(1);
        PretrainedModel pretrained = loadPretrainedModel(config.model, 2, settings.length);
        pretrained.model->to(settings.device);
        pretrained.model->train();
        const auto steps = createTrainingMethod(method);
        TrainingEngine engine(pretrained.model, config, 1000000, steps->dropoutRule(config));
        std::int64_t step = 0;
        MethodResult result{method, passesPerStep(config)};
        result.measuredMs = bench::medianMs(settings.warmup, settings.repeats, settings.device, [&] {
            const PrecisionScope precision(settings.precision, settings.device);
            steps->step(engine, batch, {++step, false});
        });
        result.estimatedMs = 1000 * estimateStepSeconds(info, config, flopsPerSecond);
        results.push_back(result);
    }
    fs::remove_all(folder);

    const RuntimeInfo runtime = runtimeInfo();
    if (json) {
        nlohmann::json report = {{"device", settings.device.str()},
                                 {"layers", settings.layers},
                                 {"hidden", settings.hidden},
                                 {"heads", settings.heads},
                                 {"intermediate", settings.intermediate},
                                 {"parameters", info.parameterCount},
                                 {"batch", settings.batch},
                                 {"tokens", settings.length},
                                 {"precision", settings.precision},
                                 {"measured_gflops", flopsPerSecond / 1e9},
                                 {"runtime", toJson(runtime)},
                                 {"methods", nlohmann::json::array()}};
        for (const auto& r : results)
            report["methods"].push_back({{"method", r.method},
                                         {"passes", r.passes},
                                         {"measured_ms", r.measuredMs},
                                         {"estimated_ms", r.estimatedMs},
                                         {"measured_over_estimated", r.measuredMs / r.estimatedMs}});
        std::cout << report.dump(2) << "\n";
        return 0;
    }
    std::printf(
        "BERT-shaped encoder: %d layers, hidden %d, %d heads, ff %d (%.1f M parameters); device %s,\n"
        "batch %d x %d tokens, %s, median of %d steps, %d threads, BLAS: %s; matmul throughput %.1f GFLOP/s\n\n",
        settings.layers, settings.hidden, settings.heads, settings.intermediate,
        static_cast<double>(info.parameterCount) / 1e6, settings.device.str().c_str(), settings.batch,
        settings.length, settings.precision.c_str(), settings.repeats, runtime.intraOpThreads, runtime.blasKind.c_str(),
        flopsPerSecond / 1e9);
    std::printf("%-8s %7s %12s %13s %10s\n", "method", "passes", "measured", "estimated", "ratio");
    for (const auto& r : results)
        std::printf("%-8s %7d %10.0fms %11.0fms %9.2fx\n", r.method.c_str(), r.passes, r.measuredMs,
                    r.estimatedMs, r.measuredMs / r.estimatedMs);
    return 0;
}
