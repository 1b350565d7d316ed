#pragma once
// Accuracy under PGD against ε, one curve per run (run colours as on the Runs page), starting at
// ε = 0 with the clean accuracy. Drawn on the Robustness page and, off-screen, in the report.
#include <vector>

#include "robustness_results.h"

namespace uegr::studio {

class LivePlot;

// Clears `plot` and draws the PGD results among `results`; returns how many curves it drew.
int plotAccuracyVersusEpsilon(LivePlot& plot, const std::vector<RunAttackResult>& results);

}  // namespace uegr::studio
