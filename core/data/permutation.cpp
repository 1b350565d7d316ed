#include "data/permutation.h"

#include <numeric>
#include <random>

namespace uegr {
namespace {

// Uniform in [0, bound) by rejection, so no value is favoured by the modulo.
std::uint64_t uniformBelow(std::mt19937_64& engine, std::uint64_t bound) {
    const std::uint64_t limit = std::mt19937_64::max() - std::mt19937_64::max() % bound;
    std::uint64_t value = engine();
    while (value >= limit) value = engine();
    return value % bound;
}

}  // namespace

std::vector<std::size_t> seededPermutation(std::size_t count, std::uint64_t seed) {
    std::vector<std::size_t> order(count);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::mt19937_64 engine(seed);
    for (std::size_t i = count; i > 1; --i) {
        const auto j = static_cast<std::size_t>(uniformBelow(engine, i));
        std::swap(order[i - 1], order[j]);
    }
    return order;
}

}  // namespace uegr
