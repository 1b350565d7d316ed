#pragma once
#include <cstddef>
#include <functional>

namespace uegr {

// Called after each attacked example (or batch of examples) with how many are done.
using AttackProgress = std::function<void(std::size_t done, std::size_t total)>;

}  // namespace uegr
