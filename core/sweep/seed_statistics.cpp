#include "sweep/seed_statistics.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <numeric>
#include <random>

namespace uegr {
namespace {

double meanOf(const std::vector<double>& values) {
    return std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
}

// Ranks of |d| (1-based, ties averaged), doubled so that every rank is an integer.
std::vector<long> doubledRanks(std::vector<double> magnitudes) {
    std::vector<std::size_t> order(magnitudes.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return magnitudes[a] < magnitudes[b]; });
    std::vector<long> ranks(magnitudes.size());
    for (std::size_t first = 0; first < order.size();) {
        std::size_t last = first;
        while (last + 1 < order.size() && magnitudes[order[last + 1]] == magnitudes[order[first]]) ++last;
        const long doubledAverage = static_cast<long>(first + last + 2);  // (first+1 + last+1) / 2, doubled
        for (std::size_t i = first; i <= last; ++i) ranks[order[i]] = doubledAverage;
        first = last + 1;
    }
    return ranks;
}

}  // namespace

SeedStatistics describeSeeds(const std::vector<double>& values, int resamples, std::uint64_t seed) {
    SeedStatistics stats;
    stats.count = values.size();
    if (values.empty()) return stats;
    stats.mean = meanOf(values);
    double squares = 0;
    for (double value : values) squares += (value - stats.mean) * (value - stats.mean);
    stats.standardDeviation =
        values.size() > 1 ? std::sqrt(squares / static_cast<double>(values.size() - 1)) : 0.0;

    std::mt19937_64 generator(seed);
    std::vector<double> means(static_cast<std::size_t>(std::max(resamples, 1)));
    for (double& mean : means) {
        double sum = 0;
        for (std::size_t i = 0; i < values.size(); ++i) sum += values[generator() % values.size()];
        mean = sum / static_cast<double>(values.size());
    }
    std::sort(means.begin(), means.end());
    const auto at = [&](double share) {
        return means[std::min(means.size() - 1,
                              static_cast<std::size_t>(share * static_cast<double>(means.size())))];
    };
    stats.low = at(0.025);
    stats.high = at(0.975);
    return stats;
}

double signedRankPValue(const std::vector<double>& differences) {
    std::vector<double> magnitudes;
    std::vector<bool> positive;
    for (double difference : differences)
        if (difference != 0) {
            magnitudes.push_back(std::abs(difference));
            positive.push_back(difference > 0);
        }
    if (magnitudes.empty()) return 1.0;
    const std::vector<long> ranks = doubledRanks(magnitudes);
    const long total = std::accumulate(ranks.begin(), ranks.end(), 0L);
    long observed = 0;  // W+, doubled
    for (std::size_t i = 0; i < ranks.size(); ++i)
        if (positive[i]) observed += ranks[i];
    // probability[s]: P(W+ = s) when each rank's sign is + or − with probability 1/2.
    std::vector<double> probability(static_cast<std::size_t>(total) + 1, 0.0);
    probability[0] = 1;
    long reach = 0;
    for (long rank : ranks) {
        reach += rank;
        for (long sum = reach; sum >= 0; --sum) {
            const double without = probability[static_cast<std::size_t>(sum)] / 2;
            const double with = sum >= rank ? probability[static_cast<std::size_t>(sum - rank)] / 2 : 0.0;
            probability[static_cast<std::size_t>(sum)] = without + with;
        }
    }
    // As extreme as observed: |2s − total| ≥ |2w − total|, both tails.
    const long distance = std::labs(2 * observed - total);
    double pValue = 0;
    for (long sum = 0; sum <= total; ++sum)
        if (std::labs(2 * sum - total) >= distance) pValue += probability[static_cast<std::size_t>(sum)];
    return std::min(pValue, 1.0);
}

}  // namespace uegr
