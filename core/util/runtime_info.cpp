#include "util/runtime_info.h"

#include <ATen/Parallel.h>
#include <dlfcn.h>
#include <nlohmann/json.hpp>
#include <torch/cuda.h>
#include <torch/version.h>

#include <cstdlib>
#include <fstream>
#include <string>
#include <thread>

namespace uegr {
namespace {

// The BLAS LibTorch calls is whatever libblas.so.3 the dynamic linker mapped; its real path
// tells OpenBLAS from the reference implementation (Debian's alternatives system).
std::string loadedBlasPath() {
    std::ifstream maps("/proc/self/maps");
    std::string line;
    while (std::getline(maps, line)) {
        const auto slash = line.find('/');
        if (slash == std::string::npos) continue;
        const std::string path = line.substr(slash);
        if (path.find("libblas") != std::string::npos || path.find("libopenblas") != std::string::npos ||
            path.find("libmkl") != std::string::npos)
            return path;
    }
    return {};
}

std::string classifyBlas(const std::string& path) {
    if (path.find("openblas") != std::string::npos) return "OpenBLAS";
    if (path.find("mkl") != std::string::npos) return "MKL";
    if (path.find("blas") != std::string::npos) return "reference BLAS";
    return "unknown";
}

}  // namespace

RuntimeInfo runtimeInfo() {
    RuntimeInfo info;
    info.uegrVersion = UEGR_VERSION;
    info.torchVersion = TORCH_VERSION;
    info.blasLibrary = loadedBlasPath();
    info.blasKind = classifyBlas(info.blasLibrary);
    info.intraOpThreads = at::get_num_threads();
    if (const char* policy = std::getenv("OMP_WAIT_POLICY")) info.openMpWaitPolicy = policy;
    info.cudaAvailable = torch::cuda::is_available();
    info.cudaDevices = info.cudaAvailable ? static_cast<int>(torch::cuda::device_count()) : 0;
    return info;
}

nlohmann::json toJson(const RuntimeInfo& info) {
    return {{"uegr", info.uegrVersion},
            {"libtorch", info.torchVersion},
            {"blas", info.blasKind},
            {"blas_library", info.blasLibrary},
            {"threads", info.intraOpThreads},
            {"openmp_wait_policy", info.openMpWaitPolicy},
            {"cuda_available", info.cudaAvailable},
            {"cuda_devices", info.cudaDevices}};
}

void configureThreads(int threads) {
    using SetThreads = void (*)(int);
    if (auto* setOpenblasThreads = reinterpret_cast<SetThreads>(::dlsym(RTLD_DEFAULT, "openblas_set_num_threads")))
        setOpenblasThreads(1);
    at::set_num_threads(intraOpThreadsFor(threads));
}

int intraOpThreadsFor(int threads) {
    return threads > 0 ? threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

}  // namespace uegr
