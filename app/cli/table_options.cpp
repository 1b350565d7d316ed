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

void addTableOptions(CLI::App& command, TableOptions& options, ColumnDefaults defaults) {
    const bool fromModel = defaults == ColumnDefaults::Model;
    const std::string model = fromModel ? "the model's, else " : "";
    command.add_option("--format", options.format, "File format (default: from the extension or content)")
        ->check(CLI::IsMember({"auto", "csv", "tsv", "jsonl"}))
        ->capture_default_str();
    command.add_option("--text-column", options.textColumn,
                       "Text column: header name or zero-based index (default: " + model + "text)");
    command.add_option("--pair-column", options.pairColumn,
                       "Second text column of sentence pairs (default: " + model + "none)");
    command.add_option("--label-column", options.labelColumn,
                       "Label column: header name or zero-based index (default: " + model + "label)");
}

ColumnMapping columnMapping(const TableOptions& options, const ColumnMapping& fallback) {
    const auto column = [](const std::string& argument, const ColumnRef& otherwise) {
        return argument.empty() ? otherwise : columnArgument(argument);
    };
    return {column(options.textColumn, fallback.text), column(options.pairColumn, fallback.pair),
            column(options.labelColumn, fallback.label)};
}

Dataset readLabelledFile(const std::string& file, const TableOptions& options, const ModelBundle& model,
                         std::size_t limit) {
    const LabelSet& labels = model.labels;
    const LabelledRows rows =
        mapColumns(readTable(file, options.format, false), columnMapping(options, model.columns), false);
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
