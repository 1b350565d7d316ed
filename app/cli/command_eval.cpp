// `uegr eval --model DIR --data FILE`: clean metrics of a saved model on a labelled file.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/model_loading.h"
#include "cli/table_options.h"
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
    ModelFolderOptions model;
    std::string data;
    TableOptions table;
    int batchSize = 64;
    std::string device = "auto";
    int threads = 0;
};

int runEval(const EvalOptions& options) {
    configureThreads(options.threads);
    const torch::Device device = resolveDevice(options.device, "--device");
    const ModelBundle bundle = loadModelFolder(options.model);
    bundle.model->to(device);

    const Dataset dataset = readLabelledFile(options.data, options.table, bundle);
    if (dataset.examples.empty()) throw InputError(options.data, 0, "no examples to evaluate");

    const EncodedDataset encoded(dataset, bundle.encoder, bundle.maxLength);
    const EvaluationResult result = evaluate(*bundle.model, encoded, options.batchSize, device);
    std::cout << toJson(result, bundle.labels.names()).dump(2) << "\n";
    return kExitOk;
}

}  // namespace

void registerEvalCommands(CLI::App& app, Action& action) {
    CLI::App* eval = app.add_subcommand("eval",
                                        "Evaluate a saved model on a labelled file; prints {accuracy, "
                                        "macro_f1, mcc, loss, examples, labels, confusion, per_class} "
                                        "as JSON");
    auto options = std::make_shared<EvalOptions>();
    addModelFolderOptions(*eval, options->model);
    eval->add_option("--data", options->data, "Labelled CSV, TSV or JSONL file")->required();
    addTableOptions(*eval, options->table, ColumnDefaults::Model);
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
