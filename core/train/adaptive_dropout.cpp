#include "train/adaptive_dropout.h"

#include <algorithm>
#include <sstream>

#include "model/random_draws.h"
#include "util/error.h"

namespace uegr {

namespace {

// One draw of U(low, high), from the generator or from the injected draws of a test.
double uniformDraw(std::mt19937_64& generator, double low, double high) {
    if (RandomDraws* injected = injectedRandomDraws()) return low + (high - low) * injected->unitUniform();
    return std::uniform_real_distribution<double>(low, high)(generator);
}

}  // namespace

AdaptiveDropoutOptions AdaptiveDropoutOptions::fromConfig(const UegrConfig& config) {
    AdaptiveDropoutOptions options;
    options.minRate = config.dropoutMin;
    options.maxRate = config.dropoutMax;
    options.jitter = config.dropoutJitter;
    options.rule = config.dropoutRule;
    options.importanceEma = config.importanceEma;
    return options;
}

AdaptiveDropout::AdaptiveDropout(std::vector<std::string> siteNames, AdaptiveDropoutOptions options,
                                 std::uint64_t seed)
    : siteNames_(std::move(siteNames)), options_(std::move(options)), generator_(seed) {}

void AdaptiveDropout::observeSaliency(const std::vector<double>& siteMeanSaliency) {
    if (siteMeanSaliency.size() != siteNames_.size())
        throw Error("adaptive dropout: expected " + std::to_string(siteNames_.size()) + " site saliencies, got " +
                    std::to_string(siteMeanSaliency.size()));
    if (smoothedSaliency_.empty()) {
        smoothedSaliency_ = siteMeanSaliency;
        return;
    }
    const double beta = options_.importanceEma;
    for (std::size_t i = 0; i < siteMeanSaliency.size(); ++i)
        smoothedSaliency_[i] = beta * smoothedSaliency_[i] + (1 - beta) * siteMeanSaliency[i];
}

std::vector<double> AdaptiveDropout::importance() const {
    if (smoothedSaliency_.empty()) return {};
    const auto [low, high] = std::minmax_element(smoothedSaliency_.begin(), smoothedSaliency_.end());
    const double range = *high - *low;
    std::vector<double> normalised(smoothedSaliency_.size());
    for (std::size_t i = 0; i < normalised.size(); ++i)
        // All sites equally important (or a single site): none is favoured, all sit mid-range.
        normalised[i] = range > 0 ? (smoothedSaliency_[i] - *low) / range : 0.5;
    return normalised;
}

std::vector<std::vector<double>> AdaptiveDropout::sampleRates(int passes) {
    const double low = options_.minRate, high = options_.maxRate;
    const std::size_t sites = siteNames_.size();
    std::vector<std::vector<double>> rates(static_cast<std::size_t>(std::max(passes, 0)), std::vector<double>(sites));
    if (options_.rule == "fixed") {
        // The spec names no rate for `fixed`; the middle of the range keeps the configured
        // dropout_min/dropout_max meaningful and makes the K passes R-Drop-like.
        for (auto& pass : rates) std::fill(pass.begin(), pass.end(), (low + high) / 2);
        return rates;
    }
    const std::vector<double> importanceNow = importance();
    if (options_.rule == "uniform" || importanceNow.empty()) {
        for (auto& pass : rates)
            for (auto& rate : pass) rate = uniformDraw(generator_, low, high);
        return rates;
    }
    const double halfWidth = options_.jitter * (high - low) / 2;
    for (auto& pass : rates)
        for (std::size_t site = 0; site < sites; ++site) {
            const double base = high - (high - low) * importanceNow[site];
            const double noise = halfWidth > 0 ? uniformDraw(generator_, -halfWidth, halfWidth) : 0.0;
            pass[site] = std::clamp(base + noise, low, high);
        }
    return rates;
}

std::string AdaptiveDropout::saveState() const {
    std::ostringstream out;
    out.precision(17);
    out << smoothedSaliency_.size();
    for (double value : smoothedSaliency_) out << ' ' << value;
    out << '\n' << generator_;
    return out.str();
}

void AdaptiveDropout::loadState(const std::string& state) {
    std::istringstream in(state);
    std::size_t count = 0;
    if (!(in >> count) || (count != 0 && count != siteNames_.size()))
        throw Error("adaptive dropout state does not match the model's dropout sites");
    std::vector<double> smoothed(count);
    for (double& value : smoothed)
        if (!(in >> value)) throw Error("adaptive dropout state is truncated");
    std::mt19937_64 generator;
    if (!(in >> generator)) throw Error("adaptive dropout generator state is malformed");
    smoothedSaliency_ = std::move(smoothed);
    generator_ = generator;
}

}  // namespace uegr
