#pragma once
// Typed reads of one key of a JSON object, for the readers of the files we write ourselves
// (metrics.jsonl, summary.json, progress.json). Every failure is a uegr::Error naming the key,
// never nlohmann's exception text; the caller adds the file and line. Integers are range-checked
// before conversion, so no value from a file can overflow a conversion.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace uegr::json_fields {

// The value at `key`; Error "key "K" is missing" when `object` is no object or lacks it.
const nlohmann::json& required(const nlohmann::json& object, const std::string& key);

std::int64_t wholeNumber(const nlohmann::json& object, const std::string& key, std::int64_t min,
                         std::int64_t max);

// nlohmann writes NaN and infinities as null: null reads back as NaN.
double numberOrNaN(const nlohmann::json& object, const std::string& key);

double finiteNumber(const nlohmann::json& object, const std::string& key);

std::string text(const nlohmann::json& object, const std::string& key);

}  // namespace uegr::json_fields
