// `uegr data inspect`: reads one dataset file as training would and prints its statistics.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "data/statistics.h"
#include "data/table_reader.h"

namespace uegr::cli {
namespace {

struct InspectOptions {
    std::string file;
    std::string format = "auto";
    std::string textColumn = "text";
    std::string pairColumn;
    std::string labelColumn = "label";
    bool skipBadRows = false;
};

// All digits: a zero-based index; anything else: a header name.
ColumnRef columnArgument(const std::string& argument) {
    const bool isIndex =
        !argument.empty() && argument.size() <= 9 &&
        std::all_of(argument.begin(), argument.end(), [](char c) { return c >= '0' && c <= '9'; });
    return isIndex ? ColumnRef{"", std::stoi(argument)} : ColumnRef{argument, -1};
}

int runInspect(const InspectOptions& options) {
    const RawTable table = readTable(options.file, options.format, options.skipBadRows);
    const ColumnMapping mapping{columnArgument(options.textColumn),
                                options.pairColumn.empty() ? ColumnRef{} : columnArgument(options.pairColumn),
                                columnArgument(options.labelColumn)};
    const LabelledRows rows = mapColumns(table, mapping, options.skipBadRows);
    // Ordered so that the file and its format come first for a reader.
    nlohmann::ordered_json report = {
        {"file", options.file}, {"format", formatName(table.format)}, {"columns", table.header}};
    const nlohmann::json statistics = toJson(computeStatistics(rows, true));
    for (const auto& [key, value] : statistics.items()) report[key] = value;
    nlohmann::ordered_json skipped = nlohmann::ordered_json::array();
    for (const SkippedRow& row : rows.skipped)
        skipped.push_back({{"line", row.line}, {"reason", row.reason}});
    report["skipped"] = skipped;
    std::cout << report.dump(2) << "\n";
    return kExitOk;
}

}  // namespace

void registerDataCommands(CLI::App& app, Action& action) {
    CLI::App* data = app.add_subcommand("data", "Inspect dataset files");
    data->require_subcommand(1);
    CLI::App* inspect =
        data->add_subcommand("inspect", "Read a CSV, TSV or JSONL file and print its statistics as JSON");
    auto options = std::make_shared<InspectOptions>();
    inspect->add_option("file", options->file, "Dataset file")->required();
    inspect->add_option("--format", options->format, "File format (default: from the extension or content)")
        ->check(CLI::IsMember({"auto", "csv", "tsv", "jsonl"}))
        ->capture_default_str();
    inspect->add_option("--text-column", options->textColumn, "Text column: header name or zero-based index")
        ->capture_default_str();
    inspect->add_option("--pair-column", options->pairColumn, "Optional second text column (sentence pairs)");
    inspect
        ->add_option("--label-column", options->labelColumn, "Label column: header name or zero-based index")
        ->capture_default_str();
    inspect->add_flag("--skip-bad-rows", options->skipBadRows,
                      "Skip malformed rows and list them instead of failing");
    inspect->callback([&action, options] { action = [options] { return runInspect(*options); }; });
}

}  // namespace uegr::cli
