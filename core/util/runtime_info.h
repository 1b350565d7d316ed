#pragma once
// What the numerical runtime is: LibTorch version, which BLAS library is really loaded, thread
// counts and CUDA. Shown by `uegr --version`, the About dialog and reports, because a
// reference BLAS or thread oversubscription makes training an order of magnitude slower.
#include <nlohmann/json_fwd.hpp>

#include <string>

namespace uegr {

struct RuntimeInfo {
    std::string uegrVersion;
    std::string torchVersion;
    std::string blasLibrary;  // resolved path of the loaded BLAS, e.g. .../openblas-pthread/libblas.so.3
    std::string blasKind;     // "OpenBLAS", "reference BLAS", "MKL" or "unknown"
    int intraOpThreads = 0;
    std::string openMpWaitPolicy;  // OMP_WAIT_POLICY as the OpenMP runtime read it; "" = its default (spin)
    bool cudaAvailable = false;
    int cudaDevices = 0;
};

RuntimeInfo runtimeInfo();
nlohmann::json toJson(const RuntimeInfo& info);

// Sets LibTorch's intra-op threads (0 = all cores) and pins OpenBLAS to one thread so the two
// pools do not oversubscribe the cores.
void configureThreads(int threads);
// The intra-op threads configureThreads(threads) gives: `threads`, or every core for 0. Unlike
// RuntimeInfo::intraOpThreads it does not depend on the calling thread's OpenMP state.
int intraOpThreadsFor(int threads);

}  // namespace uegr
