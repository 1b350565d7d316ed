#include "cli/model_loading.h"

#include <iostream>

namespace uegr::cli {

void addModelFolderOptions(CLI::App& command, ModelFolderOptions& options) {
    command
        .add_option("--model", options.dir, "Model folder: runs/<run>/model or a Hugging Face model folder")
        ->required();
    command.add_flag("--allow-missing-weights", options.load.allowMissingWeights,
                     "Initialise weights a Hugging Face folder lacks (no model.safetensors, a missing "
                     "tensor or classifier head) randomly instead of refusing the folder");
}

ModelBundle loadModelFolder(const ModelFolderOptions& options) {
    ModelBundle bundle = loadModelBundle(options.dir, options.load);
    for (const std::string& warning : bundle.warnings) std::cerr << "warning: " << warning << "\n";
    return bundle;
}

}  // namespace uegr::cli
