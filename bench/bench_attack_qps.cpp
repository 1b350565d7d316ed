// uegr-bench-attack-qps: model queries per second of the charswap and wordnet attacks on a
// TextCNN trained briefly (vanilla, default architecture) on the bundled demo dataset, attacking
// the first dev examples with a fixed seed. Queries are candidate texts scored (AttackResult::queries),
// so the figure covers everything an attack does per candidate: editing, re-tokenising, batching
// and the forward pass. Prints a table, or JSON.
#include <torch/torch.h>
#include <unistd.h>
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <iostream>

#include "attack/char_swap_attack.h"
#include "attack/synonym_attack.h"
#include "attack/wordnet.h"
#include "data/dataset.h"
#include "model/model_bundle.h"
#include "train/trainer.h"
#include "util/install_paths.h"
#include "util/runtime_info.h"

using namespace uegr;
namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

struct Settings {
    int threads = 2;
    int examples = 100;
    int epochs = 1;
    std::int64_t budget = 1000;
    int batchSize = 32;  // `uegr attack`'s default
    std::uint64_t seed = 42;
    std::string demoDir = uegr::demoDataDirectory();
    std::string wordNetDir = kDefaultWordNetDirectory;
};

struct AttackFigures {
    std::string attack;
    std::size_t examples = 0;
    std::int64_t queries = 0;
    double seconds = 0;
    AttackSummary summary;
    double queriesPerSecond() const { return seconds > 0 ? static_cast<double>(queries) / seconds : 0; }
};

class Silent : public TrainingObserver {};

std::string trainDemoModel(const Settings& settings, const std::string& runDir) {
    RunConfig config;
    config.data.train = settings.demoDir + "/train.csv";
    config.data.dev = settings.demoDir + "/dev.csv";
    config.data.test = settings.demoDir + "/test.csv";
    config.model.type = "textcnn";
    config.training.method = "vanilla";
    config.training.epochs = settings.epochs;
    config.training.seed = settings.seed;
    config.training.device = "cpu";
    config.training.threads = settings.threads;
    config.output.dir = runDir;
    Trainer trainer(config);
    Silent silent;
    TrainingControl control;
    trainer.run(silent, control);
    return runDir + "/model";
}

AttackFigures measure(const std::string& attack, const Dataset& dataset,
                      const std::function<std::vector<AttackResult>(const Dataset&)>& run) {
    Dataset warmup;
    warmup.examples.assign(dataset.examples.begin(),
                           dataset.examples.begin() + std::min<std::size_t>(2, dataset.examples.size()));
    run(warmup);  // the first LibTorch calls and the WordNet files' first reads are slow
    AttackFigures figures;
    figures.attack = attack;
    const auto start = Clock::now();
    const std::vector<AttackResult> results = run(dataset);
    figures.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    figures.examples = results.size();
    for (const AttackResult& result : results) figures.queries += result.queries;
    figures.summary = summarizeAttack(results);
    return figures;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{
        "uegr-bench-attack-qps: queries per second of the charswap and wordnet attacks on a TextCNN"};
    Settings settings;
    bool json = false;
    app.add_flag("--json", json, "Print JSON instead of a table");
    app.add_option("--threads", settings.threads, "Intra-op threads (0 = all cores)")->capture_default_str();
    app.add_option("--examples", settings.examples, "Dev examples attacked")->capture_default_str();
    app.add_option("--epochs", settings.epochs, "Training epochs of the attacked model")
        ->capture_default_str();
    app.add_option("--budget", settings.budget, "Queries per example")->capture_default_str();
    app.add_option("--batch-size", settings.batchSize, "Candidates per forward pass")->capture_default_str();
    app.add_option("--seed", settings.seed, "Training and charswap seed")->capture_default_str();
    app.add_option("--demo-dir", settings.demoDir, "Folder with the demo dataset's train/dev/test.csv")
        ->capture_default_str();
    app.add_option("--wordnet-dir", settings.wordNetDir, "WordNet 3.0 database folder")
        ->capture_default_str();
    CLI11_PARSE(app, argc, argv);

    configureThreads(settings.threads);
    const fs::path runDir = fs::temp_directory_path() / ("uegr-bench-attack-" + std::to_string(::getpid()));
    const auto trainStart = Clock::now();
    const ModelBundle bundle = loadModelBundle(trainDemoModel(settings, runDir.string()));
    const double trainSeconds = std::chrono::duration<double>(Clock::now() - trainStart).count();
    configureThreads(settings.threads);  // the trainer set them from its config; keep the bench's

    DataConfig data;
    data.train = settings.demoDir + "/train.csv";
    data.dev = settings.demoDir + "/dev.csv";
    data.test = settings.demoDir + "/test.csv";
    Dataset dev = loadDatasetSplits(data).dev;
    if (dev.examples.size() > static_cast<std::size_t>(settings.examples))
        dev.examples.resize(static_cast<std::size_t>(settings.examples));
    fs::remove_all(runDir);

    std::vector<AttackFigures> figures;
    CharSwapOptions charSwap;
    charSwap.queryBudget = settings.budget;
    charSwap.seed = settings.seed;
    charSwap.batchSize = settings.batchSize;
    figures.push_back(measure("charswap", dev, [&](const Dataset& dataset) {
        return runCharSwapAttack(bundle, dataset, charSwap);
    }));
    WordNet wordNet(settings.wordNetDir);
    SynonymAttackOptions synonym;
    synonym.queryBudget = settings.budget;
    synonym.batchSize = settings.batchSize;
    figures.push_back(measure("wordnet", dev, [&](const Dataset& dataset) {
        return runSynonymAttack(bundle, wordNet, dataset, synonym);
    }));

    const RuntimeInfo runtime = runtimeInfo();
    constexpr double kTarget = 200;
    nlohmann::json report = {{"model", "textcnn"},
                             {"dataset", "demo"},
                             {"train_epochs", settings.epochs},
                             {"train_seconds", trainSeconds},
                             {"examples", dev.examples.size()},
                             {"budget", settings.budget},
                             {"batch_size", settings.batchSize},
                             {"seed", settings.seed},
                             {"target_queries_per_second", kTarget},
                             {"runtime", toJson(runtime)},
                             {"attacks", nlohmann::json::array()}};
    for (const AttackFigures& f : figures)
        report["attacks"].push_back({{"attack", f.attack},
                                     {"examples", f.examples},
                                     {"queries", f.queries},
                                     {"seconds", f.seconds},
                                     {"queries_per_second", f.queriesPerSecond()},
                                     {"avg_queries", f.summary.avgQueries},
                                     {"clean_accuracy", f.summary.cleanAccuracy},
                                     {"accuracy_under_attack", f.summary.accuracyUnderAttack},
                                     {"target_met", f.queriesPerSecond() >= kTarget}});
    if (json) {
        std::cout << report.dump(2) << "\n";
        return 0;
    }
    std::printf(
        "textcnn trained %d epoch(s) on the demo dataset in %.1f s; %zu dev examples, budget %lld, "
        "batch %d, seed %llu, %d threads, BLAS: %s\n\n",
        settings.epochs, trainSeconds, dev.examples.size(), static_cast<long long>(settings.budget),
        settings.batchSize, static_cast<unsigned long long>(settings.seed), runtime.intraOpThreads,
        runtime.blasKind.c_str());
    std::printf("%-10s %8s %9s %9s %12s %11s %10s %13s\n", "attack", "examples", "queries", "seconds",
                "queries/s", "avg queries", "clean acc", "acc attacked");
    for (const AttackFigures& f : figures)
        std::printf("%-10s %8zu %9lld %9.2f %12.1f %11.1f %10.3f %13.3f\n", f.attack.c_str(), f.examples,
                    static_cast<long long>(f.queries), f.seconds, f.queriesPerSecond(), f.summary.avgQueries,
                    f.summary.cleanAccuracy, f.summary.accuracyUnderAttack);
    std::printf("\ntarget: >= %.0f queries/s\n", kTarget);
    for (const AttackFigures& f : figures)
        std::printf("%-10s %s\n", f.attack.c_str(), f.queriesPerSecond() >= kTarget ? "met" : "MISSED");
    return 0;
}
