#pragma once
// Run configurations as flat key/value maps and their differences, for the studio's
// hyper-parameter columns and its config diff of two runs. Nested objects become dotted keys
// ("uegr.keep_ratio"); arrays, empty objects and scalars are values. Values compare as JSON,
// so 1 and 1.0 are equal. No Qt, no torch.
#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace uegr {

using FlatConfig = std::map<std::string, nlohmann::json>;

FlatConfig flattenConfig(const nlohmann::json& config);

// A value as a person reads it: strings without quotes, everything else as compact JSON.
std::string configValueText(const nlohmann::json& value);

struct ConfigDifference {
    std::string key;
    std::optional<nlohmann::json> left, right;  // nullopt: the key is absent from that config
};

// The keys whose values differ, or that only one side has, sorted by key.
std::vector<ConfigDifference> diffConfigs(const FlatConfig& left, const FlatConfig& right);

// The keys that do not have one value in all `configs` (absent counts as a value of its own),
// sorted. Fewer than two configs have none.
std::vector<std::string> keysThatDiffer(const std::vector<const FlatConfig*>& configs);

}  // namespace uegr
