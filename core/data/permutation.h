#pragma once
// A seeded permutation that is the same on every platform: std::shuffle and
// std::uniform_int_distribution are implementation-defined, so data splits and batch orders
// use this Fisher-Yates over std::mt19937_64 (whose output the standard fixes).
#include <cstddef>
#include <cstdint>
#include <vector>

namespace uegr {

std::vector<std::size_t> seededPermutation(std::size_t count, std::uint64_t seed);

}  // namespace uegr
