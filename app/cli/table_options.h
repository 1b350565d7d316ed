#pragma once
// What every command that reads a labelled file shares: the --format and column options, and
// turning the file into examples labelled with a model's label set.
#include <CLI/CLI.hpp>

#include <cstddef>
#include <string>

#include "data/dataset.h"
#include "data/table_reader.h"

namespace uegr::cli {

struct TableOptions {
    std::string format = "auto";
    std::string textColumn = "text";
    std::string pairColumn;
    std::string labelColumn = "label";
};

// Adds --format, --text-column, --pair-column and --label-column to `command`.
void addTableOptions(CLI::App& command, TableOptions& options);

// A column argument that is all digits is a zero-based index; anything else a header name.
ColumnMapping columnMapping(const TableOptions& options);

// Reads `file` (the first `limit` rows; 0 = all) as examples labelled with `labels`. A label the
// model does not know is an InputError naming the file and line.
Dataset readLabelledFile(const std::string& file, const TableOptions& options, const LabelSet& labels,
                         std::size_t limit = 0);

}  // namespace uegr::cli
