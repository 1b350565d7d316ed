#pragma once
// Trains the tiny run of tiny_run_config.h with the `uegr` CLI, as a user would: vanilla by
// default, evaluated and checkpointed after every epoch. Takes a few seconds.
#include <QDir>
#include <QString>

#include "cli_runner.h"
#include "tiny_run_config.h"

namespace uegr::testing {

struct TinyRunOptions {
    QString method = QStringLiteral("vanilla");
    int epochs = 2;
    double devRatio = 0.25;
    int seed = 13;
    int checkpointEverySteps = 0;  // 0: at every evaluation
    int keepCheckpoints = 2;       // newest checkpoints kept
};

// Writes <runDir>.config.json next to the run and trains into runDir. Returns the CLI's result;
// exitCode 0 means the run finished with its model/ bundle.
inline CliResult trainTinyRun(const QString& runDir, const TinyRunOptions& options = {}) {
    RunConfig config = tinyRunConfig(runDir);
    config.data.devRatio = options.devRatio;
    config.training.method = options.method.toStdString();
    config.training.epochs = options.epochs;
    config.training.seed = static_cast<std::uint64_t>(options.seed);
    config.output.checkpointEverySteps = options.checkpointEverySteps;
    config.output.keepCheckpoints = options.keepCheckpoints;
    const QString configPath = QDir::cleanPath(runDir) + QStringLiteral(".config.json");
    saveRunConfig(config, configPath.toStdString());
    return runCli(
        {QStringLiteral("train"), QStringLiteral("--config"), configPath, QStringLiteral("--out"), runDir});
}

}  // namespace uegr::testing
