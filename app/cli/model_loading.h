#pragma once
// Loads the model folder a command names (a studio bundle or a Hugging Face folder) and prints
// what loading warned about (e.g. a classifier head that was never fine-tuned) to stderr.
#include <string>

#include "model/model_bundle.h"

namespace uegr::cli {

ModelBundle loadModelFolder(const std::string& dir);

inline constexpr const char* kModelFolderHelp =
    "Model folder: runs/<run>/model or a Hugging Face model folder";

}  // namespace uegr::cli
