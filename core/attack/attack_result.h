#pragma once
// Per-example outcome of a text attack and the summary TextAttack reports for a run. Rates are
// fractions in [0, 1] (TextAttack prints percentages).
#include <cstddef>
#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

namespace uegr {

enum class AttackStatus {
    Succeeded,  // the prediction flipped away from the true label
    Failed,     // originally correct and still correct when a budget ran out
    Skipped,    // originally misclassified: not attacked
};

std::string attackStatusName(AttackStatus status);  // "succeeded" | "failed" | "skipped"

struct AttackResult {
    std::size_t index = 0;  // position in the attacked dataset
    std::string originalText;
    std::string adversarialText;  // equals originalText when nothing was changed
    int trueLabel = -1;
    int originalLabel = -1;  // prediction before the attack
    std::vector<double> originalProbabilities;
    int adversarialLabel = -1;  // prediction after the attack
    std::vector<double> adversarialProbabilities;
    std::int64_t queries = 0;         // model evaluations of candidate texts for this example
    std::size_t words = 0;            // word tokens in the text (punctuation excluded)
    std::size_t perturbedWords = 0;   // words changed in the adversarial text
    double perturbedWordShare = 0.0;  // perturbedWords / words (0 when there are no words)
    std::int64_t edits = 0;           // character edits made (charswap)
    AttackStatus status = AttackStatus::Skipped;

    // Records the end of a word-level attack: the final probabilities and prediction, the
    // perturbed-word share, the status, and the queries spent on this example.
    void finish(const std::vector<double>& finalProbabilities, bool flipped, std::int64_t queryCount);
};

struct AttackSummary {
    std::size_t examples = 0;
    std::size_t succeeded = 0, failed = 0, skipped = 0;
    double cleanAccuracy = 0.0;          // (succeeded + failed) / examples
    double accuracyUnderAttack = 0.0;    // failed / examples
    double attackSuccessRate = 0.0;      // succeeded / (succeeded + failed)
    double avgPerturbedWordShare = 0.0;  // mean over successful attacks
    double avgQueries = 0.0;             // mean over attacked (non-skipped) examples
};

// All rates are 0 when their denominator is 0.
AttackSummary summarizeAttack(const std::vector<AttackResult>& results);

// {"examples", "succeeded", "failed", "skipped", "clean_accuracy", "accuracy_under_attack",
//  "attack_success_rate", "avg_perturbed_word_share", "avg_queries"}
nlohmann::json toJson(const AttackSummary& summary);
// One JSONL record: every field of AttackResult in snake_case, labels as indices.
nlohmann::json toJson(const AttackResult& result);

}  // namespace uegr
