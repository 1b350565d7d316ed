// `uegr sweep`: trains every point of a grid, a random draw from it or a list, each under several
// seeds, resumably, and summarises a metric per point with a paired test against a baseline
// (docs/EXPERIMENTS.md).
//   uegr sweep --config base.json --grid 'uegr.keep_ratio=0.3,0.5' --seeds 5 --out sweeps/S
//   uegr sweep --resume sweeps/S          continues an interrupted sweep
//   uegr sweep --summary sweeps/S --baseline training.method=vanilla
#include <nlohmann/json.hpp>

#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/sweep_runner.h"
#include "config/run_config.h"
#include "sweep/sweep_plan.h"
#include "sweep/sweep_results.h"
#include "util/atomic_file.h"
#include "util/error.h"
#include "util/json_text.h"

namespace uegr::cli {
namespace fs = std::filesystem;
namespace {

struct SweepOptions {
    std::string config, out, resume, summary, list, metric, preset;
    std::vector<std::string> grid, baseline;
    int seeds = 3, random = 0, workers = 1;
};

std::string planPath(const std::string& sweepDir) {
    return (fs::path(sweepDir) / "sweep.json").string();
}

SweepPlan readPlan(const std::string& sweepDir) {
    const std::string path = planPath(sweepDir);
    if (!fs::is_regular_file(path))
        throw InputError(sweepDir, 0, "not a sweep folder (it has no sweep.json)");
    return sweepPlanFromJson(parseJsonText(readFile(path), path), path);
}

nlohmann::json baselineKeys(const std::vector<std::string>& specs) {
    nlohmann::json keys = nlohmann::json::object();
    for (const std::string& spec : specs) {
        const SweepAxis axis = parseSweepAxis(spec);
        if (axis.values.size() != 1) throw InputError("--baseline " + spec, 0, "expected one value");
        keys[axis.key] = axis.values.front();
    }
    return keys;
}

SweepPlan newPlan(const SweepOptions& options) {
    std::vector<SweepAxis> axes;
    for (const std::string& spec : options.grid) axes.push_back(parseSweepAxis(spec));
    const bool ablation = options.preset == "ablation";
    std::vector<nlohmann::json> points = ablation                ? ablationPoints()
                                         : !options.list.empty() ? listPoints(options.list)
                                         : options.random > 0 ? randomPoints(axes, options.random, 20250321)
                                                              : gridPoints(axes);
    SweepPlan plan = makeSweepPlan(loadRunConfig(options.config), std::move(points), options.seeds);
    plan.baseline = ablation && options.baseline.empty() ? nlohmann::json{{"training.method", "vanilla"}}
                                                         : baselineKeys(options.baseline);
    for (const SweepTrial& trial : plan.trials())
        plan.trialConfig(trial, "");  // every point is a valid config
    return plan;
}

// A sweep folder holds one plan: starting the same sweep again continues it, another is refused.
void savePlan(const SweepPlan& plan, const std::string& sweepDir) {
    const std::string path = planPath(sweepDir);
    if (fs::exists(path)) {
        if (toJson(readPlan(sweepDir)) != toJson(plan))
            throw InputError(path, 0,
                             "holds a different sweep; choose another --out, or continue it with --resume");
        return;
    }
    fs::create_directories(sweepDir);
    writeFileAtomically(path, toJson(plan).dump(2) + "\n");
}

// A --baseline given with --summary overrides the one the sweep was started with.
int printSummary(const SweepPlan& plan, const std::vector<TrialResult>& results,
                 const SweepOptions& options) {
    std::string metric = options.metric;
    if (metric.empty()) {
        metric = "dev_accuracy";
        for (const TrialResult& result : results)
            if (result.metrics.count("test_accuracy")) metric = "test_accuracy";
    }
    const nlohmann::json baseline = options.baseline.empty() ? plan.baseline : baselineKeys(options.baseline);
    std::cout << formatSweepSummary(plan, summariseSweep(plan, results, metric, baseline), metric);
    return kExitOk;
}

int runSweepCommand(const SweepOptions& options) {
    if (!options.summary.empty()) {
        const SweepPlan plan = readPlan(options.summary);
        std::vector<TrialResult> results;
        for (const SweepTrial& trial : plan.trials())
            results.push_back(readTrialResult(trial, trialRunDir(options.summary, trial)));
        return printSummary(plan, results, options);
    }
    const std::string sweepDir = options.resume.empty() ? options.out : options.resume;
    const SweepPlan plan = options.resume.empty() ? newPlan(options) : readPlan(options.resume);
    savePlan(plan, sweepDir);
    const SweepRunOutcome outcome = runSweep(plan, sweepDir, options.workers);
    writeSweepResults(plan, outcome.results, sweepDir);
    printSummary(plan, outcome.results, options);
    if (outcome.interrupted) {
        std::cerr << "interrupted; continue with:\n  uegr sweep --resume " << sweepDir << "\n";
        return kExitInterrupted;
    }
    return outcome.failed > 0 ? kExitFailure : kExitOk;
}

}  // namespace

void registerSweepCommand(CLI::App& app, Action& action) {
    auto options = std::make_shared<SweepOptions>();
    CLI::App* sweep =
        app.add_subcommand("sweep", "Train a grid, random or listed set of configs over several seeds");
    CLI::Option* config =
        sweep->add_option("--config", options->config, "Base run config JSON")->check(CLI::ExistingFile);
    CLI::Option* grid =
        sweep->add_option("--grid", options->grid, "section.key=v1,v2,... (repeat for more keys)");
    sweep
        ->add_option("--random", options->random,
                     "Draw this many distinct points from the grid instead of all")
        ->check(CLI::PositiveNumber)
        ->needs(grid);
    CLI::Option* list = sweep
                            ->add_option("--list", options->list,
                                         "JSON Lines file: one object of section.key values per point")
                            ->check(CLI::ExistingFile)
                            ->excludes(grid);
    CLI::Option* preset =
        sweep
            ->add_option(
                "--preset", options->preset,
                "ablation: uegr, its four ablations, freelb, rdrop and vanilla over 5 seeds, against vanilla")
            ->check(CLI::IsMember({"ablation"}))
            ->excludes(grid, list);
    CLI::Option* seeds = sweep
                             ->add_option("--seeds", options->seeds,
                                          "Seeds per point, from the base config's training.seed (3)")
                             ->check(CLI::Range(1, 100));
    CLI::Option* out =
        sweep->add_option("--out", options->out, "Sweep folder (sweep.json, trials/, results)");
    sweep
        ->add_option("--workers", options->workers,
                     "Trials trained at once (each gets its share of the cores)")
        ->check(CLI::Range(1, 64));
    CLI::Option* resume = sweep->add_option("--resume", options->resume, "Continue the sweep in this folder")
                              ->check(CLI::ExistingDirectory)
                              ->excludes(config, grid, list, preset, out);
    CLI::Option* summary =
        sweep->add_option("--summary", options->summary, "Print the summary of this sweep folder")
            ->check(CLI::ExistingDirectory)
            ->excludes(config, grid, list, preset, out, resume);
    sweep->add_option("--metric", options->metric,
                      "Summarised metric (default test_accuracy, else dev_accuracy)");
    sweep->add_option("--baseline", options->baseline,
                      "section.key=value: compare each point with the one that differs only in these keys");
    sweep->callback([&action, options, config, out, grid, list, preset, seeds, resume, summary] {
        if (resume->count() == 0 && summary->count() == 0) {
            if (config->count() == 0 || out->count() == 0) throw CLI::RequiredError("--config and --out");
            if (grid->count() + list->count() + preset->count() == 0)
                throw CLI::RequiredError("--grid, --list or --preset");
        }
        if (preset->count() > 0 && seeds->count() == 0) options->seeds = 5;
        action = [options] { return runSweepCommand(*options); };
    });
}

}  // namespace uegr::cli
