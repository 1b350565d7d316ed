// `uegr eval --model DIR --data FILE`: clean metrics of a saved model on a labelled file.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "data/table_reader.h"
#include "eval/evaluation.h"
#include "model/device_selection.h"
#include "model/model_bundle.h"
#include "text/batching.h"
#include "util/error.h"
#include "util/runtime_info.h"

namespace uegr::cli {
namespace {

struct EvalOptions {
    std::string model;
    std::string data;
    std::string format = "auto";
    std::string textColumn = "text";
    std::string pairColumn;
    std::string labelColumn = "label";
    int batchSize = 64;
    std::string device = "auto";
    int threads = 0;
};

// All digits: a zero-based index; anything else: a header name (as `uegr data inspect`).
ColumnRef columnArgument(const std::string& argument) {
    const bool isIndex =
        !argument.empty() && argument.size() <= 9 &&
        std::all_of(argument.begin(), argument.end(), [](char c) { return c >= '0' && c <= '9'; });
    return isIndex ? ColumnRef{"", std::stoi(argument)} : ColumnRef{argument, -1};
}

std::string labelList(const LabelSet& labels) {
    std::string text;
    for (const std::string& name : labels.names()) text += (text.empty() ? "" : ", ") + name;
    return text;
}

// Rows of the file as examples labelled with the bundle's label indices.
Dataset labelledDataset(const LabelledRows& rows, const LabelSet& labels) {
    Dataset dataset;
    dataset.source = rows.file;
    for (std::size_t i = 0; i < rows.texts.size(); ++i) {
        const int label = labels.indexOf(rows.labels[i]);
        if (label < 0)
            throw InputError(rows.file, rows.lines[i],
                             "label \"" + rows.labels[i] + "\" is not one the model was trained on (" +
                                 labelList(labels) + ")");
        dataset.examples.push_back(
            Example{rows.texts[i], rows.pairs.empty() ? std::string() : rows.pairs[i], label, rows.lines[i]});
    }
    return dataset;
}

int runEval(const EvalOptions& options) {
    configureThreads(options.threads);
    const torch::Device device = resolveDevice(options.device, "--device");
    const ModelBundle bundle = loadModelBundle(options.model);
    bundle.model->to(device);

    const RawTable table = readTable(options.data, options.format, false);
    const ColumnMapping mapping{columnArgument(options.textColumn),
                                options.pairColumn.empty() ? ColumnRef{} : columnArgument(options.pairColumn),
                                columnArgument(options.labelColumn)};
    const Dataset dataset = labelledDataset(mapColumns(table, mapping, false), bundle.labels);
    if (dataset.examples.empty()) throw InputError(options.data, 0, "no examples to evaluate");

    const EncodedDataset encoded(dataset, bundle.vocabulary, bundle.lowercase, bundle.maxLength);
    const EvaluationResult result = evaluate(*bundle.model, encoded, options.batchSize, device);
    std::cout << toJson(result).dump(2) << "\n";
    return kExitOk;
}

}  // namespace

void registerEvalCommands(CLI::App& app, Action& action) {
    CLI::App* eval = app.add_subcommand("eval",
                                        "Evaluate a saved model on a labelled file; prints {accuracy, "
                                        "macro_f1, mcc, loss, examples} as JSON");
    auto options = std::make_shared<EvalOptions>();
    eval->add_option("--model", options->model, "Model folder (runs/<run>/model)")->required();
    eval->add_option("--data", options->data, "Labelled CSV, TSV or JSONL file")->required();
    eval->add_option("--format", options->format, "File format (default: from the extension or content)")
        ->check(CLI::IsMember({"auto", "csv", "tsv", "jsonl"}))
        ->capture_default_str();
    eval->add_option("--text-column", options->textColumn, "Text column: header name or zero-based index")
        ->capture_default_str();
    eval->add_option("--pair-column", options->pairColumn, "Optional second text column (sentence pairs)");
    eval->add_option("--label-column", options->labelColumn, "Label column: header name or zero-based index")
        ->capture_default_str();
    eval->add_option("--batch-size", options->batchSize, "Examples per forward pass")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    eval->add_option("--device", options->device, "auto, cpu, cuda or cuda:N")->capture_default_str();
    eval->add_option("--threads", options->threads, "Intra-op CPU threads (0: all cores)")
        ->check(CLI::NonNegativeNumber)
        ->capture_default_str();
    eval->callback([&action, options] { action = [options] { return runEval(*options); }; });
}

}  // namespace uegr::cli
