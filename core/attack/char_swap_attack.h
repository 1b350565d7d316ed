#pragma once
// DeepWordBug-style character attack (Gao et al. 2018), greedy:
//  1. rank the words by importance: leave-one-out, the word's id replaced by <unk>, importance =
//     drop in true-class probability (all candidates of an example scored in batches);
//  2. in that order, for each word draw `candidatesPerWord` character edits (swap two adjacent
//     characters, delete one, insert a random letter a-z, substitute a random letter a-z; edits
//     and positions from a generator seeded by seed and the example index), score them in one
//     batch and keep the one that lowers the true-class probability most, if it lowers it at all;
//  3. stop when the prediction flips (success), or when the query budget, the edit budget or the
//     perturbed-word cap is reached (failure).
// Words are tokens of the model's tokenizer that contain a letter or digit; punctuation tokens,
// single non-ASCII characters and stop-words (attack/stop_words.h) are never touched. Each kept
// edit counts as one character edit (Damerau-Levenshtein distance 1); the edit budget is
// max(1, floor(maxEditShare × code points of the text)); the word cap is
// max(1, floor(maxPerturbedShare × words)). Only the first text of a sentence pair is attacked.
#include <cstdint>
#include <vector>

#include "attack/attack_progress.h"
#include "attack/attack_result.h"
#include "attack/candidate_scorer.h"
#include "attack/query_budget.h"
#include "data/dataset.h"
#include "model/model_bundle.h"

namespace uegr {

struct CharSwapOptions {
    // Model evaluations per example, the first clean one included.
    std::int64_t queryBudget = kDefaultQueryBudget;
    std::uint64_t seed = 42;
    double maxPerturbedShare = 0.25;
    double maxEditShare = 0.05;
    int candidatesPerWord = 8;
    int batchSize = 64;
};

// Throws uegr::Error on options out of range.
void validate(const CharSwapOptions& options);

AttackResult charSwapAttackExample(CandidateScorer& scorer, const Example& example, std::size_t index,
                                   const CharSwapOptions& options);

std::vector<AttackResult> runCharSwapAttack(const ModelBundle& bundle, const Dataset& dataset,
                                            const CharSwapOptions& options,
                                            const AttackProgress& progress = {});

}  // namespace uegr
