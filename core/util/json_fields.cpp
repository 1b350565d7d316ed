#include "util/json_fields.h"

#include <cmath>
#include <limits>

#include "util/error.h"

namespace uegr::json_fields {
namespace {

[[noreturn]] void fail(const std::string& key, const std::string& what) {
    throw Error("key \"" + key + "\" " + what);
}

}  // namespace

const nlohmann::json& required(const nlohmann::json& object, const std::string& key) {
    if (!object.is_object()) throw Error("expected an object with the key \"" + key + "\"");
    const auto found = object.find(key);
    if (found == object.end()) fail(key, "is missing");
    return *found;
}

std::int64_t wholeNumber(const nlohmann::json& object, const std::string& key, std::int64_t min,
                         std::int64_t max) {
    const nlohmann::json& value = required(object, key);
    const bool inRange = value.is_number_unsigned()
                             ? value.get<std::uint64_t>() <= static_cast<std::uint64_t>(max) &&
                                   static_cast<std::int64_t>(value.get<std::uint64_t>()) >= min
                             : value.is_number_integer() && value.get<std::int64_t>() >= min &&
                                   value.get<std::int64_t>() <= max;
    if (!inRange)
        fail(key, "must be a whole number from " + std::to_string(min) + " to " + std::to_string(max));
    return value.get<std::int64_t>();
}

double numberOrNaN(const nlohmann::json& object, const std::string& key) {
    const nlohmann::json& value = required(object, key);
    if (value.is_null()) return std::numeric_limits<double>::quiet_NaN();
    if (!value.is_number()) fail(key, "must be a number or null");
    return value.get<double>();
}

double finiteNumber(const nlohmann::json& object, const std::string& key) {
    const nlohmann::json& value = required(object, key);
    if (!value.is_number() || !std::isfinite(value.get<double>())) fail(key, "must be a finite number");
    return value.get<double>();
}

std::string text(const nlohmann::json& object, const std::string& key) {
    const nlohmann::json& value = required(object, key);
    if (!value.is_string()) fail(key, "must be a string");
    return value.get<std::string>();
}

}  // namespace uegr::json_fields
