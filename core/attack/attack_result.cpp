#include "attack/attack_result.h"

#include <nlohmann/json.hpp>

#include "attack/candidate_scorer.h"

namespace uegr {

void AttackResult::finish(const std::vector<double>& finalProbabilities, bool flipped, std::int64_t queryCount) {
    adversarialProbabilities = finalProbabilities;
    adversarialLabel = argmax(finalProbabilities);
    perturbedWordShare = words > 0 ? static_cast<double>(perturbedWords) / static_cast<double>(words) : 0.0;
    status = flipped ? AttackStatus::Succeeded : AttackStatus::Failed;
    queries = queryCount;
}

namespace {

double ratio(double numerator, double denominator) {
    return denominator > 0 ? numerator / denominator : 0.0;
}

}  // namespace

std::string attackStatusName(AttackStatus status) {
    switch (status) {
        case AttackStatus::Succeeded:
            return "succeeded";
        case AttackStatus::Failed:
            return "failed";
        case AttackStatus::Skipped:
            return "skipped";
    }
    return "skipped";
}

AttackSummary summarizeAttack(const std::vector<AttackResult>& results) {
    AttackSummary summary;
    summary.examples = results.size();
    double perturbedShareSum = 0.0;
    double querySum = 0.0;
    for (const AttackResult& result : results) {
        switch (result.status) {
            case AttackStatus::Succeeded:
                ++summary.succeeded;
                perturbedShareSum += result.perturbedWordShare;
                querySum += static_cast<double>(result.queries);
                break;
            case AttackStatus::Failed:
                ++summary.failed;
                querySum += static_cast<double>(result.queries);
                break;
            case AttackStatus::Skipped:
                ++summary.skipped;
                break;
        }
    }
    const auto attacked = static_cast<double>(summary.succeeded + summary.failed);
    summary.cleanAccuracy = ratio(attacked, static_cast<double>(summary.examples));
    summary.accuracyUnderAttack =
        ratio(static_cast<double>(summary.failed), static_cast<double>(summary.examples));
    summary.attackSuccessRate = ratio(static_cast<double>(summary.succeeded), attacked);
    summary.avgPerturbedWordShare = ratio(perturbedShareSum, static_cast<double>(summary.succeeded));
    summary.avgQueries = ratio(querySum, attacked);
    return summary;
}

nlohmann::json toJson(const AttackSummary& summary) {
    return {{"examples", summary.examples},
            {"succeeded", summary.succeeded},
            {"failed", summary.failed},
            {"skipped", summary.skipped},
            {"clean_accuracy", summary.cleanAccuracy},
            {"accuracy_under_attack", summary.accuracyUnderAttack},
            {"attack_success_rate", summary.attackSuccessRate},
            {"avg_perturbed_word_share", summary.avgPerturbedWordShare},
            {"avg_queries", summary.avgQueries}};
}

nlohmann::json toJson(const AttackResult& result) {
    return {{"index", result.index},
            {"status", attackStatusName(result.status)},
            {"original_text", result.originalText},
            {"adversarial_text", result.adversarialText},
            {"true_label", result.trueLabel},
            {"original_label", result.originalLabel},
            {"original_probabilities", result.originalProbabilities},
            {"adversarial_label", result.adversarialLabel},
            {"adversarial_probabilities", result.adversarialProbabilities},
            {"queries", result.queries},
            {"words", result.words},
            {"perturbed_words", result.perturbedWords},
            {"perturbed_word_share", result.perturbedWordShare},
            {"edits", result.edits}};
}

}  // namespace uegr
