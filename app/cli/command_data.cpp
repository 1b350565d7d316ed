// `uegr data inspect`: reads one dataset file as training would and prints its statistics.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/table_options.h"
#include "data/statistics.h"
#include "data/table_reader.h"

namespace uegr::cli {
namespace {

struct InspectOptions {
    std::string file;
    TableOptions table;
    bool skipBadRows = false;
};

int runInspect(const InspectOptions& options) {
    const RawTable table = readTable(options.file, options.table.format, options.skipBadRows);
    const LabelledRows rows = mapColumns(table, columnMapping(options.table), options.skipBadRows);
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
    if (!rows.skipped.empty())
        std::cerr << "skipped " << rows.skipped.size() << " bad row(s), listed under \"skipped\"\n";
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
    addTableOptions(*inspect, options->table, ColumnDefaults::TextAndLabel);
    inspect->add_flag("--skip-bad-rows", options->skipBadRows,
                      "Skip malformed rows and list them instead of failing");
    inspect->callback([&action, options] { action = [options] { return runInspect(*options); }; });
}

}  // namespace uegr::cli
