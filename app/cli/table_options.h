#pragma once
// What every command that reads a labelled file shares: the --format and column options, and
// turning the file into examples labelled with a model's label set. A column option left out
// means the model's own (model/trained_columns.h), so a model trained on a "sentence" column
// reads its test file the same way without being told.
#include <CLI/CLI.hpp>

#include <cstddef>
#include <string>

#include "data/dataset.h"
#include "data/table_reader.h"
#include "model/model_bundle.h"

namespace uegr::cli {

struct TableOptions {
    std::string format = "auto";
    std::string textColumn, pairColumn, labelColumn;  // empty: the fallback's (see columnMapping)
};

enum class ColumnDefaults { Model, TextAndLabel };

// Adds --format, --text-column, --pair-column and --label-column to `command`; `defaults` says in
// the help what a column left out means.
void addTableOptions(CLI::App& command, TableOptions& options, ColumnDefaults defaults);

// A column argument that is all digits is a zero-based index; anything else a header name; an
// empty one is `fallback`'s.
ColumnMapping columnMapping(const TableOptions& options, const ColumnMapping& fallback = defaultColumns());

// Reads `file` (the first `limit` rows; 0 = all) as examples labelled with the model's labels,
// from the model's columns unless the options name others. A label the model does not know is an
// InputError naming the file and line.
Dataset readLabelledFile(const std::string& file, const TableOptions& options, const ModelBundle& model,
                         std::size_t limit = 0);

}  // namespace uegr::cli
