#include "attack/attack_runner.h"

#include "util/error.h"

namespace uegr {
namespace {

AttackOutcome textAttackOutcome(const std::vector<AttackResult>& results) {
    AttackOutcome outcome;
    outcome.summary = summarizeAttack(results);
    outcome.summaryJson = toJson(outcome.summary);
    for (const AttackResult& result : results) outcome.records.push_back(toJson(result));
    return outcome;
}

}  // namespace

AttackOutcome runNamedAttack(const ModelBundle& bundle, const Dataset& dataset,
                             const AttackSettings& settings, WordNet* wordNet,
                             const AttackProgress& progress) {
    if (settings.attack == "charswap") {
        const CharSwapOptions& options = settings.charSwap;
        AttackOutcome outcome = textAttackOutcome(runCharSwapAttack(bundle, dataset, options, progress));
        outcome.summaryJson["query_budget"] = options.queryBudget;
        outcome.summaryJson["max_perturbed_share"] = options.maxPerturbedShare;
        outcome.summaryJson["max_edit_share"] = options.maxEditShare;
        return outcome;
    }
    if (settings.attack == "wordnet") {
        if (wordNet == nullptr) throw Error("the wordnet attack needs the WordNet database");
        const SynonymAttackOptions& options = settings.synonym;
        AttackOutcome outcome =
            textAttackOutcome(runSynonymAttack(bundle, *wordNet, dataset, options, progress));
        outcome.summaryJson["query_budget"] = options.queryBudget;
        outcome.summaryJson["max_perturbed_share"] = options.maxPerturbedShare;
        return outcome;
    }
    if (settings.attack == "pgd") {
        const PgdReport report = runPgdAttack(bundle, dataset, settings.pgd, progress);
        AttackOutcome outcome;
        outcome.summary = report.perEpsilon.back().summary;
        outcome.summaryJson = toJson(outcome.summary);
        outcome.summaryJson.update(toJson(report, settings.pgd));
        outcome.records = pgdRecords(report);
        return outcome;
    }
    throw Error("unknown attack \"" + settings.attack + "\" (charswap, wordnet or pgd)");
}

}  // namespace uegr
