// `uegr predict --model DIR`: one text per input line in, one JSON object per line out,
// flushed at once so the command also works interactively or behind a pipe.
#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>
#include <string>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/model_loading.h"
#include "model/device_selection.h"
#include "model/model_bundle.h"
#include "model/predictor.h"
#include "util/runtime_info.h"

namespace uegr::cli {
namespace {

struct PredictOptions {
    ModelFolderOptions model;
    bool logits = false;
    std::string device = "auto";
    int threads = 0;
};

bool isBlank(const std::string& line) {
    return line.find_first_not_of(" \t\r\n\v\f") == std::string::npos;
}

int runPredict(const PredictOptions& options) {
    configureThreads(options.threads);
    const torch::Device device = resolveDevice(options.device, "--device");
    const ModelBundle bundle = loadModelFolder(options.model);
    bundle.model->to(device);

    std::string line;
    std::size_t lineNumber = 0;
    while (std::getline(std::cin, line)) {
        ++lineNumber;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        nlohmann::json output;
        if (isBlank(line)) {
            // Keeps output lines aligned with input lines instead of silently dropping one.
            output = {{"error", "empty line"}, {"line", lineNumber}};
        } else {
            const Prediction prediction = predictTexts(bundle, {line}, 1).front();
            output["label"] = bundle.labels.name(prediction.label);
            nlohmann::json probabilities = nlohmann::json::object();
            for (int k = 0; k < bundle.labels.size(); ++k)
                probabilities[bundle.labels.name(k)] = prediction.probabilities[static_cast<std::size_t>(k)];
            output["probabilities"] = probabilities;
            if (options.logits) output["logits"] = prediction.logits;
        }
        std::cout << output.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << std::endl;
    }
    return kExitOk;
}

}  // namespace

void registerPredictCommands(CLI::App& app, Action& action) {
    CLI::App* predict = app.add_subcommand(
        "predict",
        "Classify texts read from standard input, one per line; prints one JSON line each: "
        "{\"label\", \"probabilities\": {label: p}} (blank lines give {\"error\", \"line\"})");
    auto options = std::make_shared<PredictOptions>();
    addModelFolderOptions(*predict, options->model);
    predict->add_flag("--logits", options->logits, "Also print the raw logits, in label order");
    predict->add_option("--device", options->device, "auto, cpu, cuda or cuda:N")->capture_default_str();
    predict->add_option("--threads", options->threads, "Intra-op CPU threads (0: all cores)")
        ->check(CLI::NonNegativeNumber)
        ->capture_default_str();
    predict->callback([&action, options] { action = [options] { return runPredict(*options); }; });
}

}  // namespace uegr::cli
