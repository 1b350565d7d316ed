#include "config/config_diff.h"

#include <set>

namespace uegr {
namespace {

void flattenInto(const nlohmann::json& value, const std::string& key, FlatConfig& out) {
    if (value.is_object() && !value.empty()) {
        for (const auto& [name, child] : value.items())
            flattenInto(child, key.empty() ? name : key + "." + name, out);
        return;
    }
    out[key] = value;
}

std::optional<nlohmann::json> valueAt(const FlatConfig& config, const std::string& key) {
    const auto found = config.find(key);
    if (found == config.end()) return std::nullopt;
    return found->second;
}

}  // namespace

FlatConfig flattenConfig(const nlohmann::json& config) {
    FlatConfig flat;
    // A bare scalar has no key of its own; it is not a config, so it yields nothing.
    if (config.is_object()) flattenInto(config, "", flat);
    return flat;
}

std::string configValueText(const nlohmann::json& value) {
    return value.is_string() ? value.get<std::string>() : value.dump();
}

std::vector<ConfigDifference> diffConfigs(const FlatConfig& left, const FlatConfig& right) {
    std::set<std::string> keys;
    for (const auto& entry : left) keys.insert(entry.first);
    for (const auto& entry : right) keys.insert(entry.first);
    std::vector<ConfigDifference> differences;
    for (const std::string& key : keys) {
        ConfigDifference difference{key, valueAt(left, key), valueAt(right, key)};
        if (difference.left != difference.right) differences.push_back(std::move(difference));
    }
    return differences;
}

std::vector<std::string> keysThatDiffer(const std::vector<const FlatConfig*>& configs) {
    if (configs.size() < 2) return {};
    std::set<std::string> differing;
    const FlatConfig& first = *configs.front();
    for (std::size_t i = 1; i < configs.size(); ++i)
        for (const ConfigDifference& difference : diffConfigs(first, *configs[i]))
            differing.insert(difference.key);
    return {differing.begin(), differing.end()};
}

}  // namespace uegr
