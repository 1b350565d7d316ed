#pragma once
// A metric over the seeds of one sweep configuration: mean, sample standard deviation, a 95 %
// percentile-bootstrap interval of the mean, and Wilcoxon's signed-rank test of the differences
// to a baseline paired by seed (docs/EXPERIMENTS.md). Written here: Debian packages no C++ library
// with the exact signed-rank test (GSL has none; Boost.Math has distributions, not this test).
#include <cstddef>
#include <cstdint>
#include <vector>

namespace uegr {

struct SeedStatistics {
    std::size_t count = 0;
    double mean = 0, standardDeviation = 0;  // sample (n − 1); 0 for one value
    double low = 0, high = 0;                // 95 % bootstrap interval of the mean
};

// `resamples` bootstrap means drawn with a generator seeded by `seed`, so the interval is
// reproducible. Empty `values` give count 0.
SeedStatistics describeSeeds(const std::vector<double>& values, int resamples = 10000,
                             std::uint64_t seed = 20250321);

// Two-sided p-value of Wilcoxon's signed-rank test that the differences are centred on zero.
// Zero differences are dropped and tied magnitudes get their average rank; the p-value is exact:
// it comes from the distribution of the statistic over all 2^n signs of those ranks. 1 when no
// difference is non-zero.
double signedRankPValue(const std::vector<double>& differences);

}  // namespace uegr
