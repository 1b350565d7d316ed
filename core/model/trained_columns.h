#pragma once
// The columns of the table a model was trained on (text, optional pair, label), kept in its
// config.json: "columns" in our bundles, "uegr_columns" in Hugging Face folders, where
// transformers keeps unknown keys as attributes. `uegr eval`, `uegr attack` and the studio read a
// test file with the same columns unless told otherwise. A column is a header name (string) or a
// zero-based index (integer); the pair is null when there is none.
#include <nlohmann/json_fwd.hpp>

#include <string>

#include "data/table_reader.h"

namespace uegr {

// What a model without the key (saved before it existed, or by another tool) is read with.
ColumnMapping defaultColumns();

nlohmann::json columnsJson(const ColumnMapping& columns);

// Throws InputError naming `file` and `key` (e.g. "uegr_columns.text") when malformed.
ColumnMapping readColumns(const nlohmann::json& value, const std::string& file, const std::string& key);

}  // namespace uegr
