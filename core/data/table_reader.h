#pragma once
// Reads a labelled text file (CSV per RFC 4180, TSV in the GLUE layout, or JSONL) into raw
// string rows, with the source line of every row, before any column mapping.
#include <cstddef>
#include <string>
#include <vector>

#include "config/run_config.h"
#include "data/dataset.h"

namespace uegr {

enum class TableFormat { Csv, Tsv, Jsonl };

// From the extension (.csv, .tsv, .jsonl/.ndjson), else from the first non-empty line.
TableFormat detectFormat(const std::string& path, const std::string& content);
TableFormat parseFormat(const std::string& name, const std::string& path, const std::string& content);  // "auto" detects
std::string formatName(TableFormat format);

struct RawRow {
    std::size_t line = 0;             // first line of the row (1-based)
    std::vector<std::string> fields;  // one per header column
    // JSONL only: why a column has no usable value (key missing, not a string or integer);
    // one entry per column, empty when fine. Only mapped columns make the row bad.
    std::vector<std::string> fieldErrors;
};

struct RawTable {
    std::string file;
    TableFormat format = TableFormat::Csv;
    std::vector<std::string> header;  // JSONL: the keys of the first object, in order
    std::size_t headerLine = 1;
    std::vector<RawRow> rows;
    std::vector<SkippedRow> skipped;
};

// Throws InputError on the first malformed row, or records it in `skipped` when skipBadRows.
RawTable readTable(const std::string& path, const std::string& format, bool skipBadRows);

struct ColumnMapping {
    ColumnRef text, pair, label;
};

struct LabelledRows {
    std::string file;
    std::vector<std::string> texts, pairs, labels;  // pairs empty when no pair column
    std::vector<std::size_t> lines;
    std::vector<SkippedRow> skipped;
};

// Resolves the mapping against the header (by name or index) and checks each row (empty
// text or label). Throws InputError naming the file and line.
LabelledRows mapColumns(const RawTable& table, const ColumnMapping& mapping, bool skipBadRows);

}  // namespace uegr
