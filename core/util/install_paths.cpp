#include "util/install_paths.h"

#include <cstdlib>
#include <system_error>

namespace uegr {

std::filesystem::path executableDirectory() {
    std::error_code error;
    const std::filesystem::path executable = std::filesystem::read_symlink("/proc/self/exe", error);
    return error ? std::filesystem::path() : executable.parent_path();
}

std::filesystem::path sharedDataDirectory() {
    return executableDirectory().parent_path() / "share" / "uegr-studio";
}

std::filesystem::path documentationDirectory() {
    return executableDirectory().parent_path() / "share" / "doc" / "uegr";
}

std::string demoDataDirectory() {
    const char* overridden = std::getenv("UEGR_DEMO_DIR");
    if (overridden != nullptr && *overridden != '\0') return overridden;
    return (sharedDataDirectory() / "demo").string();
}

}  // namespace uegr
