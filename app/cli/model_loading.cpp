#include "cli/model_loading.h"

#include <iostream>

namespace uegr::cli {

ModelBundle loadModelFolder(const std::string& dir) {
    ModelBundle bundle = loadModelBundle(dir);
    for (const std::string& warning : bundle.warnings) std::cerr << "warning: " << warning << "\n";
    return bundle;
}

}  // namespace uegr::cli
