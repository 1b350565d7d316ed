#pragma once
// PWWS (Ren et al. 2019): greedy word substitution with WordNet synonyms. For each attackable
// word (attack/text_segments.h: not a stop-word, not punctuation) the best synonym w* is the one
// that lowers the true-class probability most (Δp*); its saliency S is the leave-one-out drop
// (word → <unk>). Words are substituted in decreasing softmax(S)·Δp* order, re-scoring the text
// after each, until the prediction flips (success), or the query budget or the perturbed-word
// cap max(1, floor(maxPerturbedShare × words)) is reached (failure). A synonym takes the
// original's capital first letter. Deterministic: no seed.
#include <cstdint>
#include <vector>

#include "attack/attack_progress.h"
#include "attack/attack_result.h"
#include "attack/candidate_scorer.h"
#include "attack/query_budget.h"
#include "attack/wordnet.h"
#include "data/dataset.h"
#include "model/model_bundle.h"

namespace uegr {

struct SynonymAttackOptions {
    // Model evaluations per example, the first clean one included.
    std::int64_t queryBudget = kDefaultQueryBudget;
    double maxPerturbedShare = 0.25;
    std::size_t maxSynonyms = 50;  // per word, in WordNet's (alphabetical) order
    int batchSize = 64;
};

AttackResult synonymAttackExample(CandidateScorer& scorer, WordNet& wordNet, const Example& example,
                                  std::size_t index, const SynonymAttackOptions& options);

std::vector<AttackResult> runSynonymAttack(const ModelBundle& bundle, WordNet& wordNet,
                                           const Dataset& dataset, const SynonymAttackOptions& options,
                                           const AttackProgress& progress = {});

}  // namespace uegr
