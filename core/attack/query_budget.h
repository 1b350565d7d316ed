#pragma once
// The default query budget of the text attacks, shared by their options, the run config, the CLI
// and the studio so that a robustness figure means the same budget wherever it was measured.
#include <cstdint>

namespace uegr {

// Model evaluations per attacked example, the first clean one included.
inline constexpr std::int64_t kDefaultQueryBudget = 1000;

}  // namespace uegr
