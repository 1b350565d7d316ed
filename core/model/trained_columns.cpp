#include "model/trained_columns.h"

#include <nlohmann/json.hpp>

#include <limits>

#include "util/error.h"

namespace uegr {
namespace {

nlohmann::json columnJson(const ColumnRef& column) {
    if (column.empty()) return nullptr;
    if (column.index >= 0) return column.index;
    return column.name;
}

ColumnRef readColumn(const nlohmann::json& object, const char* name, bool optional, const std::string& file,
                     const std::string& key) {
    const auto found = object.find(name);
    if (found != object.end() && found->is_string() && !found->get<std::string>().empty())
        return {found->get<std::string>(), -1};
    if (found != object.end() && found->is_number_integer() && found->get<std::int64_t>() >= 0 &&
        found->get<std::int64_t>() <= std::numeric_limits<int>::max())
        return {"", found->get<int>()};
    if (optional && (found == object.end() || found->is_null())) return {};
    throw InputError(file, 0,
                     key + "." + name + " must be a column name or a zero-based column index" +
                         (optional ? " or null" : ""));
}

}  // namespace

ColumnMapping defaultColumns() {
    return {{"text", -1}, {}, {"label", -1}};
}

nlohmann::json columnsJson(const ColumnMapping& columns) {
    return {{"text", columnJson(columns.text)},
            {"pair", columnJson(columns.pair)},
            {"label", columnJson(columns.label)}};
}

ColumnMapping readColumns(const nlohmann::json& value, const std::string& file, const std::string& key) {
    if (!value.is_object()) throw InputError(file, 0, key + " must be an object {text, pair, label}");
    return {readColumn(value, "text", false, file, key), readColumn(value, "pair", true, file, key),
            readColumn(value, "label", false, file, key)};
}

}  // namespace uegr
