#pragma once
// Building a model allocates what its config file describes. Absurd dimensions (a corrupt or
// hand-edited config.json) make LibTorch throw c10::Error, whose text carries a backtrace of
// our functions, or std::bad_alloc; both become an InputError naming the config file.
#include <c10/util/Exception.h>

#include <new>
#include <string>

#include "util/error.h"

namespace uegr {

// "describes a model too large for memory (one tensor needs 4398.0 GB)" or, for any other
// LibTorch failure, its first line without the source location, shortened.
std::string modelBuildFailure(const std::string& torchMessage);

template <typename Build>
auto buildDescribedModel(const std::string& configFile, Build build) -> decltype(build()) {
    try {
        return build();
    } catch (const c10::Error& error) {
        throw InputError(configFile, 0, modelBuildFailure(error.what_without_backtrace()));
    } catch (const std::bad_alloc&) {
        throw InputError(configFile, 0, "describes a model too large for memory");
    }
}

}  // namespace uegr
