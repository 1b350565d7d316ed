#include "sweep/sweep_plan.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <numeric>
#include <random>
#include <set>

#include "util/error.h"
#include "util/json_field.h"
#include "util/json_text.h"

namespace uegr {
namespace {

// Splits on commas outside brackets, braces and double quotes.
std::vector<std::string> splitValues(const std::string& text) {
    std::vector<std::string> parts(1);
    int depth = 0;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted && c == '\\' && i + 1 < text.size()) {
            parts.back() += c;
            parts.back() += text[++i];
            continue;
        }
        if (c == '"') quoted = !quoted;
        if (!quoted && (c == '[' || c == '{')) ++depth;
        if (!quoted && (c == ']' || c == '}')) --depth;
        if (!quoted && depth == 0 && c == ',') {
            parts.emplace_back();
            continue;
        }
        parts.back() += c;
    }
    return parts;
}

nlohmann::json axisValue(const std::string& text) {
    const nlohmann::json parsed = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    return parsed.is_discarded() ? nlohmann::json(text) : parsed;
}

void setDotted(nlohmann::json& document, const std::string& key, const nlohmann::json& value) {
    const std::size_t dot = key.find('.');
    nlohmann::json& section = document[key.substr(0, dot)];
    if (!section.is_object()) section = nlohmann::json::object();
    section[key.substr(dot + 1)] = value;
}

}  // namespace

SweepAxis parseSweepAxis(const std::string& spec) {
    const std::size_t equals = spec.find('=');
    const std::string key = spec.substr(0, std::min(equals, spec.size()));
    const std::size_t dot = key.find('.');
    if (equals == std::string::npos || dot == std::string::npos || dot == 0 || dot + 1 == key.size() ||
        key.find('.', dot + 1) != std::string::npos || equals + 1 == spec.size())
        throw InputError("--grid " + spec, 0, "expected section.key=value1,value2,...");
    SweepAxis axis{key, {}};
    for (const std::string& value : splitValues(spec.substr(equals + 1))) {
        if (value.empty()) throw InputError("--grid " + spec, 0, "empty value");
        axis.values.push_back(axisValue(value));
    }
    return axis;
}

std::vector<nlohmann::json> ablationPoints() {
    std::vector<nlohmann::json> points;
    for (const char* method : {"uegr", "uegr_no_mask", "uegr_no_js", "uegr_no_adv", "uegr_uniform_dropout",
                               "freelb", "rdrop", "vanilla"})
        points.push_back({{"training.method", method}});
    return points;
}

std::vector<nlohmann::json> gridPoints(const std::vector<SweepAxis>& axes) {
    std::vector<nlohmann::json> points{nlohmann::json::object()};
    for (const SweepAxis& axis : axes) {
        std::vector<nlohmann::json> next;
        for (const nlohmann::json& point : points)
            for (const nlohmann::json& value : axis.values) {
                nlohmann::json extended = point;
                extended[axis.key] = value;
                next.push_back(std::move(extended));
            }
        points = std::move(next);
    }
    return points;
}

std::vector<nlohmann::json> randomPoints(const std::vector<SweepAxis>& axes, int count, std::uint64_t seed) {
    std::vector<nlohmann::json> all = gridPoints(axes);
    std::mt19937_64 generator(seed);
    for (std::size_t i = all.size(); i > 1; --i) std::swap(all[i - 1], all[generator() % i]);  // Fisher-Yates
    all.resize(std::min(all.size(), static_cast<std::size_t>(std::max(count, 0))));
    return all;
}

std::vector<nlohmann::json> listPoints(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw InputError(path, 0, "cannot read the list of points");
    std::vector<nlohmann::json> points;
    std::string line;
    for (std::size_t number = 1; std::getline(in, line); ++number) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        nlohmann::json point = parseJsonText(line, path, number);
        if (!point.is_object()) throw InputError(path, number, "expected an object of dotted config keys");
        points.push_back(std::move(point));
    }
    if (points.empty()) throw InputError(path, 0, "no points listed");
    return points;
}

std::vector<SweepTrial> SweepPlan::trials() const {
    std::vector<SweepTrial> trials;
    for (std::size_t point = 0; point < points.size(); ++point)
        for (std::uint64_t seed : seeds) {
            char id[48];
            std::snprintf(id, sizeof id, "p%02zu-s%llu", point, static_cast<unsigned long long>(seed));
            trials.push_back({id, point, seed});
        }
    return trials;
}

RunConfig SweepPlan::trialConfig(const SweepTrial& trial, const std::string& runDir) const {
    nlohmann::json document = base;
    for (const auto& [key, value] : points.at(trial.point).items()) {
        if (key.find('.') == std::string::npos) throw ConfigError(key, key + ": expected section.key");
        setDotted(document, key, value);
    }
    setDotted(document, "training.seed", trial.seed);
    setDotted(document, "output.dir", runDir);
    return parseRunConfig(document, "sweep point " + points.at(trial.point).dump());
}

SweepPlan makeSweepPlan(const RunConfig& base, std::vector<nlohmann::json> points, int seeds) {
    SweepPlan plan{toJson(base), std::move(points), {}};
    for (int i = 0; i < std::max(seeds, 1); ++i)
        plan.seeds.push_back(base.training.seed + static_cast<std::uint64_t>(i));
    return plan;
}

nlohmann::json toJson(const SweepPlan& plan) {
    return {{"base", plan.base}, {"points", plan.points}, {"seeds", plan.seeds}, {"baseline", plan.baseline}};
}

SweepPlan sweepPlanFromJson(const nlohmann::json& document, const std::string& source) {
    const JsonField root(document, source);
    root.requireObject();
    SweepPlan plan;
    plan.base = root.at("base").json();
    for (const JsonField& point : root.at("points").elements()) {
        point.requireObject();
        plan.points.push_back(point.json());
    }
    for (const JsonField& seed : root.at("seeds").elements())
        plan.seeds.push_back(static_cast<std::uint64_t>(seed.asInteger(0, INT64_MAX)));
    if (const auto baseline = root.find("baseline")) {
        baseline->requireObject();
        plan.baseline = baseline->json();
    }
    if (plan.points.empty() || plan.seeds.empty())
        throw InputError(source, 0, "a sweep needs points and seeds");
    return plan;
}

}  // namespace uegr
