#include "runtime_summary.h"

#include "util/runtime_info.h"

namespace uegr::studio {

RuntimeSummary queryRuntime() {
    const RuntimeInfo info = runtimeInfo();
    RuntimeSummary summary;
    summary.uegrVersion = QString::fromStdString(info.uegrVersion);
    summary.torchVersion = QString::fromStdString(info.torchVersion);
    summary.blasKind = QString::fromStdString(info.blasKind);
    summary.blasLibrary = QString::fromStdString(info.blasLibrary);
    // What a run with training.threads 0 gets, the same from every thread that asks.
    summary.intraOpThreads = intraOpThreadsFor(0);
    summary.cudaAvailable = info.cudaAvailable;
    summary.cudaDevices = info.cudaDevices;
    return summary;
}

}  // namespace uegr::studio
