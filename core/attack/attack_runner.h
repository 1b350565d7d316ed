#pragma once
// One attack, chosen by name, on one sample: what `uegr attack`, the studio's Robustness page and
// the robustness checks during training all run. Besides the summary it gives what they save:
// the summary as JSON with the attack's settings, and one JSON record per example.
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "attack/attack_progress.h"
#include "attack/attack_result.h"
#include "attack/char_swap_attack.h"
#include "attack/pgd_attack.h"
#include "attack/synonym_attack.h"
#include "attack/wordnet.h"

namespace uegr {

struct AttackSettings {
    std::string attack = "charswap";  // charswap | wordnet | pgd; only that one's options apply
    CharSwapOptions charSwap;
    SynonymAttackOptions synonym;
    PgdOptions pgd;
};

struct AttackOutcome {
    AttackSummary summary;  // pgd: at the largest ε
    nlohmann::json summaryJson;
    std::vector<nlohmann::json> records;
};

// `wordNet` is needed by "wordnet" only. `progress` is the attack's own: for pgd, done / pending
// of each ε in turn. Throws uegr::Error for an unknown attack or options out of range.
AttackOutcome runNamedAttack(const ModelBundle& bundle, const Dataset& dataset,
                             const AttackSettings& settings, WordNet* wordNet,
                             const AttackProgress& progress = {});

}  // namespace uegr
