// `uegr train` as a user runs it: a tiny UEGR run on the bundled demo data through QProcess.
#include <torch/torch.h>

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest/QtTest>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

#include "util/duration_text.h"

using nlohmann::json;
namespace fs = std::filesystem;

class TestEngineCli : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // The ETA of the progress bar and of the studio's Training page.
    void durationsReadAsOnAClock() {
        QCOMPARE(QString::fromStdString(uegr::formatDuration(0)), QStringLiteral("0:00"));
        QCOMPARE(QString::fromStdString(uegr::formatDuration(59.5)), QStringLiteral("1:00"));
        QCOMPARE(QString::fromStdString(uegr::formatDuration(247.2)), QStringLiteral("4:07"));
        QCOMPARE(QString::fromStdString(uegr::formatDuration(3729)), QStringLiteral("1:02:09"));
        QCOMPARE(QString::fromStdString(uegr::formatDuration(-3)), QStringLiteral("0:00"));
    }

    void trainWritesEveryTelemetryField() {
        QTemporaryDir dir;
        const std::string configPath = dir.filePath("config.json").toStdString();
        const std::string runDir = dir.filePath("run").toStdString();
        const json config = {
            {"data", {{"max_length", 32}, {"max_vocab", 3000}}},
            {"model", {{"type", "textcnn"}, {"embedding_dim", 16}, {"num_filters", 8}, {"kernel_sizes", {2, 3}}}},
            {"training", {{"method", "uegr"}, {"epochs", 1}, {"batch_size", 64}, {"device", "cpu"}, {"threads", 1}}},
            {"uegr", {{"passes", 2}}},
            {"output", {{"log_every_steps", 5}, {"saliency_every_steps", 3}}}};
        std::ofstream(configPath) << config.dump(2);

        QProcess process;
        process.start(UEGR_CLI_PATH, {"train", "--config", QString::fromStdString(configPath), "--out",
                                      QString::fromStdString(runDir)});
        QVERIFY(process.waitForFinished(180000));
        const QByteArray errors = process.readAllStandardError();
        QVERIFY2(process.exitCode() == 0, errors.constData());
        QVERIFY2(errors.contains("eval step"), errors.constData());
        const json summary = json::parse(process.readAllStandardOutput().toStdString());
        QVERIFY(summary["steps"].get<int>() > 0);
        QVERIFY(summary["test"].contains("accuracy"));

        std::ifstream metrics(runDir + "/metrics.jsonl");
        std::string line;
        int steps = 0, evals = 0;
        double previousElapsed = 0;
        while (std::getline(metrics, line)) {
            const json record = json::parse(line);
            if (record["type"] == "step") {
                ++steps;
                for (const char* key :
                     {"step", "total_steps", "epoch", "loss", "loss_clean", "loss_adv", "loss_js", "lr",
                      "grad_norm", "dropout_rates", "mask_density", "mask_density_global", "step_time_ms",
                      "elapsed_seconds", "epoch_progress"})
                    QVERIFY2(record.contains(key), key);
                QVERIFY(!record["dropout_rates"].empty());
                QVERIFY(!record["mask_density"].empty());
                QVERIFY(record["step_time_ms"].get<double>() > 0);
                QVERIFY(record["elapsed_seconds"].get<double>() >= previousElapsed);
                previousElapsed = record["elapsed_seconds"].get<double>();
                const double epochProgress = record["epoch_progress"].get<double>();
                QVERIFY(epochProgress > record["epoch"].get<int>() - 1);
                QVERIFY(epochProgress <= record["epoch"].get<int>());
            } else {
                QCOMPARE(record["type"].get<std::string>(), std::string("eval"));
                ++evals;
                for (const char* key : {"step", "epoch", "dev_accuracy", "dev_macro_f1", "dev_mcc", "dev_loss"})
                    QVERIFY2(record.contains(key), key);
            }
        }
        QCOMPARE(steps, summary["steps"].get<int>());
        QCOMPARE(evals, 1);
        const json saved = json::parse(std::ifstream(runDir + "/config.json"));
        QCOMPARE(saved["uegr"]["passes"].get<int>(), 2);
        QVERIFY(fs::exists(runDir + "/summary.json"));
        QVERIFY(fs::exists(runDir + "/model/model.safetensors"));
        QVERIFY(fs::exists(runDir + "/model/vocab.txt"));
    }

    void missingConfigIsAUsageError() {
        QProcess process;
        process.start(UEGR_CLI_PATH, {"train"});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 2);
    }
};

QTEST_GUILESS_MAIN(TestEngineCli)
#include "test_engine_cli.moc"
