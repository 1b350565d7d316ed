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
    summary.intraOpThreads = info.intraOpThreads;
    summary.cudaAvailable = info.cudaAvailable;
    summary.cudaDevices = info.cudaDevices;
    return summary;
}

}  // namespace uegr::studio
