#pragma once
// The adaptive dropout controller of docs/METHOD.md step 3: per-site importance from the
// parameter saliency of the site's layer, and per-pass dropout rates (important sites are
// dropped less, a random jitter makes the K sub-models differ).
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "config/run_config.h"

namespace uegr {

struct AdaptiveDropoutOptions {
    double minRate = 0.05;
    double maxRate = 0.30;
    double jitter = 1.0;
    std::string rule = "importance";  // importance | uniform | fixed
    double importanceEma = 0.9;

    static AdaptiveDropoutOptions fromConfig(const UegrConfig& config);
};

class AdaptiveDropout {
public:
    AdaptiveDropout(std::vector<std::string> siteNames, AdaptiveDropoutOptions options, std::uint64_t seed);

    // Folds this step's mean per-element saliency of each site's layer (one value per site, in
    // site order) into the importance EMA.
    void observeSaliency(const std::vector<double>& siteMeanSaliency);

    // Rates for `passes` forward passes: result[k][l] is pass k's rate at site l.
    std::vector<std::vector<double>> sampleRates(int passes);

    // I_l in [0, 1]: the EMA min-max normalised across sites; empty before any observation.
    std::vector<double> importance() const;
    bool hasImportance() const { return !smoothedSaliency_.empty(); }
    const std::vector<std::string>& siteNames() const { return siteNames_; }

    // Checkpoint state: the raw EMA and the generator, as text.
    std::string saveState() const;
    void loadState(const std::string& state);  // throws uegr::Error on malformed state

private:
    std::vector<std::string> siteNames_;
    AdaptiveDropoutOptions options_;
    std::vector<double> smoothedSaliency_;
    std::mt19937_64 generator_;
};

}  // namespace uegr
