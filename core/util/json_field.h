#pragma once
// A value inside a parsed JSON file together with its dotted key path ("model.vocab",
// "normalizer.normalizers[2].type"), so that every type or presence check of a reader throws an
// InputError naming the file (and line, for a JSON Lines record) and the key, e.g.
// "tokenizer.json: model.vocab must be an object". No conversion can overflow: integers are
// range-checked first.
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace uegr {

class JsonField {
public:
    // The document's root; `file` (and `line`, when not 0) name it in errors.
    JsonField(const nlohmann::json& root, std::string file, std::size_t line = 0)
        : value_(&root), file_(std::move(file)), line_(line) {}

    const std::string& file() const { return file_; }
    const std::string& path() const { return path_; }
    const nlohmann::json& json() const { return *value_; }
    bool isNull() const { return value_->is_null(); }

    // A member that must be present (null counts as present).
    JsonField at(const std::string& key) const;
    // A member that is absent or null gives nullopt.
    std::optional<JsonField> find(const std::string& key) const;
    // The elements of an array, in order.
    std::vector<JsonField> elements() const;
    // The members of an object, in key order.
    std::vector<std::pair<std::string, JsonField>> members() const;

    std::string asString() const;
    bool asBool() const;
    std::int64_t asInteger(std::int64_t min, std::int64_t max) const;
    std::int64_t asCount() const;  // an integer from 0 up
    double asNumber() const;
    double asFiniteNumber() const;
    double asNumberOrNaN() const;  // null reads as NaN: nlohmann writes NaN and infinities as null
    void requireObject() const;

    // Member shorthands with a default for absent or null members.
    bool boolOr(const std::string& key, bool fallback) const;
    std::string stringOr(const std::string& key, const std::string& fallback) const;

    // Throws InputError "<file>: <path> <message>".
    [[noreturn]] void fail(const std::string& message) const;

private:
    JsonField(const nlohmann::json* value, std::string file, std::size_t line, std::string path)
        : value_(value), file_(std::move(file)), line_(line), path_(std::move(path)) {}
    JsonField child(const nlohmann::json& value, const std::string& suffix) const;

    const nlohmann::json* value_;
    std::string file_;
    std::size_t line_ = 0;
    std::string path_;
};

}  // namespace uegr
