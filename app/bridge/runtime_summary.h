#pragma once
// uegr::runtimeInfo() in Qt types, for the About dialog and the training page.
#include <QString>

namespace uegr::studio {

struct RuntimeSummary {
    QString uegrVersion;
    QString torchVersion;
    QString blasKind;
    QString blasLibrary;
    int intraOpThreads = 0;  // of a run with training.threads 0 (all cores)
    bool cudaAvailable = false;
    int cudaDevices = 0;
};

RuntimeSummary queryRuntime();

}  // namespace uegr::studio
