#pragma once
// Projected gradient descent on the word embeddings (Madry et al. 2018): maximise the
// cross-entropy of the true label over a perturbation δ of the embeddings e in an ε-ball, with
// `steps` steps of size α = 2.5·ε/steps (L2: along the per-example normalised gradient; L∞: along
// its sign), projecting back onto the ball after each step. Restart 0 starts at δ = 0, later
// restarts at a point drawn uniformly per component in [-ε, ε] (then projected), from a generator
// seeded by seed, ε index, restart and batch. Norms are per example over the non-padding
// positions; padding positions stay exactly 0. Relative ε is a fraction of the example's own
// embedding norm (‖e‖₂ for L2, max|e| for L∞).
// An example counts as broken at ε if any restart ends misclassified, or if it is broken at a
// smaller ε of the list (its ball lies inside this one), so accuracy under attack never
// increases with ε. Originally misclassified examples are skipped.
#include <torch/torch.h>

#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "attack/attack_progress.h"
#include "attack/attack_result.h"
#include "data/dataset.h"
#include "model/model_bundle.h"
#include "text/batching.h"

namespace uegr {

enum class PgdNorm { L2, Linf };

PgdNorm parsePgdNorm(const std::string& name);  // "l2" | "linf"; throws uegr::Error otherwise
std::string pgdNormName(PgdNorm norm);

struct PgdOptions {
    PgdNorm norm = PgdNorm::L2;
    std::vector<double> epsilons{0.01, 0.05, 0.1};  // attacked in ascending order
    bool relative = true;
    int steps = 10;
    int restarts = 1;
    std::uint64_t seed = 42;
    int batchSize = 32;
};

void validate(const PgdOptions& options);  // throws uegr::Error

struct PgdBatchOutcome {
    torch::Tensor delta;   // [B, T, E] the perturbation of the last restart (or the breaking one)
    torch::Tensor radius;  // [B] ε of each example (absolute)
    torch::Tensor broken;  // [B] bool: misclassified after some restart
    torch::Tensor logits;  // [B, C] logits under `delta`
    int restartsRun = 0;   // fewer than asked when every example broke early
};

// One ε on one batch (on the model's device). The model is run in eval mode; no parameter
// gradient is accumulated.
PgdBatchOutcome pgdAttackBatch(TextClassifierImpl& model, const Batch& batch, double epsilon,
                               const PgdOptions& options, std::uint64_t seed);

// Per example, queries are the forward passes on its perturbed embeddings, (steps + 1) per
// restart, summed over the ε values it was attacked at; perturbed words are the real positions
// whose perturbation is non-zero.
struct PgdEpsilonResult {
    double epsilon = 0.0;
    std::vector<AttackResult> results;  // one per example (text fields unchanged: embedding space)
    AttackSummary summary;
};

struct PgdReport {
    std::vector<PgdEpsilonResult> perEpsilon;  // ascending ε
};

PgdReport runPgdAttack(const ModelBundle& bundle, const Dataset& dataset, const PgdOptions& options,
                       const AttackProgress& progress = {});

// {"norm", "relative", "steps", "restarts", "per_epsilon": [{"epsilon", summary keys...}]}
nlohmann::json toJson(const PgdReport& report, const PgdOptions& options);

// Per-example JSONL records: {"index", "text", "true_label", "original_label",
// "original_probabilities", "per_epsilon": [{"epsilon", "status", "adversarial_label",
// "adversarial_probabilities", "queries", "perturbed_word_share"}]}.
std::vector<nlohmann::json> pgdRecords(const PgdReport& report);

}  // namespace uegr
