#pragma once
// uegr-studio's command line: an optional dataset or run-config file to open,
// --quit-after-ms for scripted start/exit smoke tests, and --report RUN --out FILE, which writes
// a run's report without a window.
#include <QString>
#include <QStringList>

namespace uegr::studio {

struct StudioOptions {
    QString fileToOpen;    // empty: the bundled demo dataset
    int quitAfterMs = -1;  // < 0: run until the user quits
    QString reportRun;     // non-empty: write this run's report to reportOut and exit
    QString reportOut;
};

// Prints help/version and exits on --help, --version or a malformed option, like any Qt tool.
StudioOptions parseCommandLine(const QStringList& arguments);

}  // namespace uegr::studio
