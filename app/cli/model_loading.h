#pragma once
// The model folder a command names (a studio bundle or a Hugging Face folder): its command-line
// options, and loading it with what loading warned about (e.g. weights initialised on purpose)
// printed to stderr.
#include <CLI/CLI.hpp>

#include <string>

#include "model/model_bundle.h"

namespace uegr::cli {

struct ModelFolderOptions {
    std::string dir;
    ModelLoadOptions load;
};

// --model DIR (required) and --allow-missing-weights.
void addModelFolderOptions(CLI::App& command, ModelFolderOptions& options);

ModelBundle loadModelFolder(const ModelFolderOptions& options);

}  // namespace uegr::cli
