#include "cli/table_options.h"

#include <algorithm>

#include "util/error.h"

namespace uegr::cli {
namespace {

ColumnRef columnArgument(const std::string& argument) {
    const bool isIndex = !argument.empty() && argument.size() <= 9 &&
                         std::all_of(argument.begin(), argument.end(), [](char c) { return c >= '0' && c <= '9'; });
    return isIndex ? ColumnRef{"", std::stoi(argument)} : ColumnRef{argument, -1};
}

std::string labelList(const LabelSet& labels) {
    std::string text;
    for (const std::string& name : labels.names()) text += (text.empty() ? "" : ", ") + name;
    return text;
}

}  // namespace

void addTableOptions(CLI::App& command, TableOptions& options) {
    command.add_option("--format", options.format, "File format (default: from the extension or content)")
        ->check(CLI::IsMember({"auto", "csv", "tsv", "jsonl"}))
        ->capture_default_str();
    command.add_option("--text-column", options.textColumn, "Text column: header name or zero-based index")
        ->capture_default_str();
    command.add_option("--pair-column", options.pairColumn, "Optional second text column (sentence pairs)");
    command.add_option("--label-column", options.labelColumn, "Label column: header name or zero-based index")
        ->capture_default_str();
}

ColumnMapping columnMapping(const TableOptions& options) {
    return {columnArgument(options.textColumn),
            options.pairColumn.empty() ? ColumnRef{} : columnArgument(options.pairColumn),
            columnArgument(options.labelColumn)};
}

Dataset readLabelledFile(const std::string& file, const TableOptions& options, const LabelSet& labels,
                         std::size_t limit) {
    const LabelledRows rows = mapColumns(readTable(file, options.format, false), columnMapping(options), false);
    Dataset dataset;
    dataset.source = rows.file;
    const std::size_t count = limit > 0 ? std::min(limit, rows.texts.size()) : rows.texts.size();
    for (std::size_t i = 0; i < count; ++i) {
        const int label = labels.indexOf(rows.labels[i]);
        if (label < 0)
            throw InputError(rows.file, rows.lines[i],
                             "label \"" + excerpt(rows.labels[i]) +
                                 "\" is not one the model was trained on (" + labelList(labels) + ")");
        dataset.examples.push_back(
            Example{rows.texts[i], rows.pairs.empty() ? std::string() : rows.pairs[i], label, rows.lines[i]});
    }
    return dataset;
}

}  // namespace uegr::cli
