#pragma once
// Trains a tiny run with the `uegr` CLI, as a user would: a TextCNN (8-dimensional embeddings,
// 4 filters of widths 2 and 3) on tests/data/studio/tiny.csv (48 rows, a quarter split off as
// dev), 2 epochs of 3 steps, one thread, evaluated and checkpointed after every epoch. Takes a
// few seconds.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include "cli_runner.h"

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
    const QJsonObject config{
        {QStringLiteral("data"),
         QJsonObject{{QStringLiteral("train"), QStringLiteral(UEGR_TEST_DATA_DIR "/studio/tiny.csv")},
                     {QStringLiteral("dev_ratio"), options.devRatio},
                     {QStringLiteral("test_ratio"), 0}}},
        {QStringLiteral("model"), QJsonObject{{QStringLiteral("type"), QStringLiteral("textcnn")},
                                              {QStringLiteral("embedding_dim"), 8},
                                              {QStringLiteral("num_filters"), 4},
                                              {QStringLiteral("kernel_sizes"), QJsonArray{2, 3}}}},
        {QStringLiteral("training"), QJsonObject{{QStringLiteral("method"), options.method},
                                                 {QStringLiteral("epochs"), options.epochs},
                                                 {QStringLiteral("batch_size"), 12},
                                                 {QStringLiteral("threads"), 1},
                                                 {QStringLiteral("seed"), options.seed}}},
        {QStringLiteral("output"),
         QJsonObject{{QStringLiteral("checkpoint_every_steps"), options.checkpointEverySteps},
                     {QStringLiteral("keep_checkpoints"), options.keepCheckpoints}}},
    };
    const QString configPath = QDir::cleanPath(runDir) + QStringLiteral(".config.json");
    QFile file(configPath);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) return {};
    file.write(QJsonDocument(config).toJson());
    file.close();
    return runCli(
        {QStringLiteral("train"), QStringLiteral("--config"), configPath, QStringLiteral("--out"), runDir});
}

}  // namespace uegr::testing
