#include "util/json_field.h"

#include <cmath>
#include <limits>

#include "util/error.h"
#include "util/message_text.h"

namespace uegr {

JsonField JsonField::child(const nlohmann::json& value, const std::string& suffix) const {
    const bool indexed = !suffix.empty() && suffix.front() == '[';
    return JsonField(&value, file_, line_, path_.empty() || indexed ? path_ + suffix : path_ + "." + suffix);
}

void JsonField::fail(const std::string& message) const {
    throw InputError(file_, line_, (path_.empty() ? std::string("the document") : path_) + " " + message);
}

void JsonField::requireObject() const {
    if (!value_->is_object()) fail("must be an object");
}

JsonField JsonField::at(const std::string& key) const {
    requireObject();
    const auto found = value_->find(key);
    if (found == value_->end()) child(*value_, excerpt(key)).fail("is missing");
    return child(*found, key);
}

std::optional<JsonField> JsonField::find(const std::string& key) const {
    requireObject();
    const auto found = value_->find(key);
    if (found == value_->end() || found->is_null()) return std::nullopt;
    return child(*found, key);
}

std::vector<JsonField> JsonField::elements() const {
    if (!value_->is_array()) fail("must be a list");
    std::vector<JsonField> out;
    out.reserve(value_->size());
    for (std::size_t i = 0; i < value_->size(); ++i)
        out.push_back(child((*value_)[i], "[" + std::to_string(i) + "]"));
    return out;
}

std::vector<std::pair<std::string, JsonField>> JsonField::members() const {
    requireObject();
    std::vector<std::pair<std::string, JsonField>> out;
    out.reserve(value_->size());
    for (const auto& [key, value] : value_->items()) out.emplace_back(key, child(value, excerpt(key)));
    return out;
}

std::string JsonField::asString() const {
    if (!value_->is_string()) fail("must be a string");
    return value_->get<std::string>();
}

bool JsonField::asBool() const {
    if (!value_->is_boolean()) fail("must be true or false");
    return value_->get<bool>();
}

std::int64_t JsonField::asCount() const {
    return asInteger(0, std::numeric_limits<std::int64_t>::max());
}

std::int64_t JsonField::asInteger(std::int64_t min, std::int64_t max) const {
    const auto range = "[" + std::to_string(min) + ", " + std::to_string(max) + "]";
    if (!value_->is_number_integer()) fail("must be an integer in " + range);
    if (value_->is_number_unsigned() && value_->get<std::uint64_t>() > static_cast<std::uint64_t>(max))
        fail("must be an integer in " + range);
    const std::int64_t value = value_->get<std::int64_t>();
    if (value < min || value > max)
        fail("must be an integer in " + range + " (got " + std::to_string(value) + ")");
    return value;
}

double JsonField::asNumber() const {
    if (!value_->is_number()) fail("must be a number");
    return value_->get<double>();
}

double JsonField::asFiniteNumber() const {
    if (!value_->is_number() || !std::isfinite(value_->get<double>())) fail("must be a finite number");
    return value_->get<double>();
}

double JsonField::asNumberOrNaN() const {
    if (value_->is_null()) return std::numeric_limits<double>::quiet_NaN();
    if (!value_->is_number()) fail("must be a number or null");
    return value_->get<double>();
}

bool JsonField::boolOr(const std::string& key, bool fallback) const {
    const std::optional<JsonField> member = find(key);
    return member ? member->asBool() : fallback;
}

std::string JsonField::stringOr(const std::string& key, const std::string& fallback) const {
    const std::optional<JsonField> member = find(key);
    return member ? member->asString() : fallback;
}

}  // namespace uegr
