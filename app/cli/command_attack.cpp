// `uegr attack --model DIR --data FILE --attack charswap|wordnet|pgd`: robustness of a saved model under
// a character-level or synonym attack on the text or PGD on the word embeddings. Prints the summary as JSON
// and writes one JSONL record per example to --out.
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <iostream>
#include <limits>
#include <memory>
#include <optional>
#include <sstream>

#include "attack/attack_runner.h"
#include "attack/query_budget.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/model_loading.h"
#include "cli/table_options.h"
#include "data/table_reader.h"
#include "model/device_selection.h"
#include "model/model_bundle.h"
#include "util/atomic_file.h"
#include "util/error.h"
#include "util/runtime_info.h"

namespace uegr::cli {
namespace {

struct AttackOptions {
    ModelFolderOptions model;
    std::string data;
    std::string attack;
    TableOptions table;
    std::size_t limit = 0;
    std::int64_t budget = kDefaultQueryBudget;
    std::uint64_t seed = 42;
    std::string out;
    std::string wordNet = kDefaultWordNetDirectory;
    std::string epsilons = "0.01,0.05,0.1";
    std::string norm = "l2";
    bool absolute = false;
    int steps = 10;
    int restarts = 1;
    int batchSize = 32;
    std::string device = "auto";
    int threads = 0;
};

std::vector<double> parseEpsilons(const std::string& list) {
    std::vector<double> values;
    std::stringstream stream(list);
    std::string item;
    while (std::getline(stream, item, ',')) {
        std::size_t used = 0;
        double value = -1;
        try {
            value = std::stod(item, &used);
        } catch (const std::exception&) {
            used = 0;
        }
        if (used == 0 || used != item.size() || !(value >= 0))
            throw ConfigError(
                "--eps",
                "--eps must be a comma-separated list of non-negative numbers (got \"" + list + "\")");
        values.push_back(value);
    }
    if (values.empty()) throw ConfigError("--eps", "--eps needs at least one value");
    return values;
}

AttackProgress terminalProgress(const std::string& label) {
    if (isatty(STDERR_FILENO) == 0) return {};
    return [label](std::size_t done, std::size_t total) {
        std::cerr << "\r" << label << ": " << done << "/" << total << (done == total ? "\n" : "")
                  << std::flush;
    };
}

void writeJsonLines(const std::string& path, const std::vector<nlohmann::json>& records) {
    writeFileAtomically(path, [&records](std::ostream& out) {
        for (const nlohmann::json& record : records) out << record.dump() << "\n";
    });
}

AttackSettings attackSettings(const AttackOptions& options) {
    AttackSettings settings;
    settings.attack = options.attack;
    settings.charSwap.queryBudget = options.budget;
    settings.charSwap.seed = options.seed;
    settings.charSwap.batchSize = options.batchSize;
    settings.synonym.queryBudget = options.budget;
    settings.synonym.batchSize = options.batchSize;
    if (options.attack == "pgd") {
        settings.pgd.norm = parsePgdNorm(options.norm);
        settings.pgd.epsilons = parseEpsilons(options.epsilons);
    }
    settings.pgd.relative = !options.absolute;
    settings.pgd.steps = options.steps;
    settings.pgd.restarts = options.restarts;
    settings.pgd.seed = options.seed;
    settings.pgd.batchSize = options.batchSize;
    return settings;
}

int runAttack(const AttackOptions& options) {
    configureThreads(options.threads);
    const torch::Device device = resolveDevice(options.device, "--device");
    const ModelBundle bundle = loadModelFolder(options.model);
    bundle.model->to(device);

    const Dataset dataset = readLabelledFile(options.data, options.table, bundle, options.limit);
    if (dataset.examples.empty()) throw InputError(options.data, 0, "no examples to attack");

    const AttackSettings settings = attackSettings(options);
    std::optional<WordNet> wordNet;
    if (options.attack == "wordnet") wordNet.emplace(options.wordNet);
    const AttackOutcome outcome = runNamedAttack(bundle, dataset, settings, wordNet ? &*wordNet : nullptr,
                                                 terminalProgress(options.attack));
    if (!options.out.empty()) writeJsonLines(options.out, outcome.records);
    nlohmann::json summary{{"attack", options.attack}, {"seed", options.seed}};
    summary.update(outcome.summaryJson);
    if (!options.out.empty()) summary["records"] = options.out;
    std::cout << summary.dump(2) << "\n";
    return kExitOk;
}

}  // namespace

void registerAttackCommand(CLI::App& app, Action& action) {
    CLI::App* attack = app.add_subcommand("attack",
                                          "Attack a saved model on a labelled file (charswap: character "
                                          "edits; wordnet: WordNet synonym substitution; pgd: "
                                          "embedding-space PGD); prints "
                                          "{attack, examples, clean_accuracy, accuracy_under_attack, "
                                          "attack_success_rate, avg_perturbed_word_share, "
                                          "avg_queries} as JSON");
    auto options = std::make_shared<AttackOptions>();
    addModelFolderOptions(*attack, options->model);
    attack->add_option("--data", options->data, "Labelled CSV, TSV or JSONL file")->required();
    attack->add_option("--attack", options->attack, "Attack recipe")
        ->required()
        ->check(CLI::IsMember({"charswap", "pgd", "wordnet"}));
    attack->add_option("--limit", options->limit, "Attack only the first N examples (0: all)")
        ->capture_default_str();
    attack->add_option("--budget", options->budget, "charswap, wordnet: model queries per example")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    attack->add_option("--seed", options->seed, "Seed of the random edits / PGD restarts")
        ->capture_default_str();
    attack->add_option("--out", options->out, "Write one JSON record per example to this JSONL file");
    attack
        ->add_option("--wordnet-dir", options->wordNet, "wordnet: WordNet 3.0 database folder (wordnet-base)")
        ->capture_default_str();
    attack->add_option("--eps", options->epsilons, "pgd: comma-separated epsilons")->capture_default_str();
    attack->add_option("--norm", options->norm, "pgd: l2 or linf")
        ->check(CLI::IsMember({"l2", "linf"}))
        ->capture_default_str();
    attack->add_flag("--eps-absolute", options->absolute,
                     "pgd: epsilons are absolute norms, not fractions of each example's embedding norm");
    // A range, not CLI::PositiveNumber, whose message for 0 names the range 0 to 1.8e308.
    const CLI::Range atLeastOne(1, std::numeric_limits<int>::max());
    attack->add_option("--steps", options->steps, "pgd: gradient steps per restart")
        ->check(atLeastOne)
        ->capture_default_str();
    attack
        ->add_option("--restarts", options->restarts,
                     "pgd: restarts, the first from 0, the others from a random point in the ε ball; "
                     "an example is broken if any restart breaks it")
        ->check(atLeastOne)
        ->capture_default_str();
    addTableOptions(*attack, options->table, ColumnDefaults::Model);
    attack
        ->add_option("--batch-size", options->batchSize,
                     "Candidates (charswap) or examples (pgd) per forward pass")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    attack->add_option("--device", options->device, "auto, cpu, cuda or cuda:N")->capture_default_str();
    attack->add_option("--threads", options->threads, "Intra-op CPU threads (0: all cores)")
        ->check(CLI::NonNegativeNumber)
        ->capture_default_str();
    attack->callback([&action, options] { action = [options] { return runAttack(*options); }; });
}

}  // namespace uegr::cli
