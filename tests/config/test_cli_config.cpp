// `uegr --version` and `uegr config check|defaults` as a user runs them: exit codes and output.
#include <QProcess>
#include <QtTest/QtTest>

#include <nlohmann/json.hpp>

#include "../support/cli_runner.h"

using uegr::testing::CliResult;
using uegr::testing::runCli;

namespace {

void writeText(const QString& path, const QByteArray& text) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
}

}  // namespace

class CliConfigTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void versionReportsRuntime() {
        const CliResult result = runCli({"--version"});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.startsWith("uegr "));
        QVERIFY(result.out.contains("LibTorch "));
        QVERIFY(result.out.contains("BLAS: "));
        QVERIFY(result.out.contains("threads: "));
        QVERIFY(result.out.contains("CUDA: "));
    }

    void startsWithPassiveOpenMpWaitUnlessTold() {
        const auto versionWith = [](const QProcessEnvironment& environment) {
            QProcess process;
            process.setProcessEnvironment(environment);
            process.start(QStringLiteral(UEGR_CLI_PATH), {QStringLiteral("--version")});
            process.waitForFinished(60000);
            return process.readAllStandardOutput();
        };
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("OMP_WAIT_POLICY"));
        QVERIFY(versionWith(environment).contains("OpenMP wait policy: PASSIVE"));
        environment.insert(QStringLiteral("OMP_WAIT_POLICY"), QStringLiteral("ACTIVE"));
        QVERIFY(versionWith(environment).contains("OpenMP wait policy: ACTIVE"));
    }

    void checkPrintsTheResolvedConfig() {
        QTemporaryDir dir;
        const QString path = dir.filePath("run.json");
        writeText(path, R"({"data": {"train": "train.csv"}, "uegr": {"passes": 5}})");
        const CliResult result = runCli({"config", "check", path});
        QCOMPARE(result.exitCode, 0);
        const auto resolved = nlohmann::json::parse(result.out.toStdString());
        QCOMPARE(resolved["uegr"]["passes"].get<int>(), 5);
        QCOMPARE(resolved["uegr"]["keep_ratio"].get<double>(), 0.5);  // default filled in
        QCOMPARE(QString::fromStdString(resolved["data"]["train"].get<std::string>()),
                 dir.filePath("train.csv"));
    }

    void checkWarnsAboutAFromScratchRateForAPretrainedModel() {
        QTemporaryDir dir;
        const QString path = dir.filePath("bert.json");
        writeText(path, R"({"model": {"type": "hf", "path": "/models/bert"}, "training": {"lr": 0.001}})");
        const CliResult warned = runCli({"config", "check", path});
        QCOMPARE(warned.exitCode, 0);  // a warning, not an error
        QVERIFY2(warned.err.contains("warning: training.lr 0.001 is high for fine-tuning"),
                 warned.err.constData());
        writeText(path, R"({"model": {"type": "hf", "path": "/models/bert"}})");
        const CliResult quiet = runCli({"config", "check", path});
        QCOMPARE(quiet.exitCode, 0);
        QVERIFY2(!quiet.err.contains("warning"), quiet.err.constData());
        QCOMPARE(nlohmann::json::parse(quiet.out.toStdString())["training"]["lr"].get<double>(), 2e-5);
    }

    void invalidValueExitsWithTwoAndNamesTheKey() {
        QTemporaryDir dir;
        const QString path = dir.filePath("bad.json");
        writeText(path, R"({"uegr": {"dropout_min": 0.2, "dropout_max": 0.1}})");
        const CliResult result = runCli({"config", "check", path});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains("uegr.dropout_max must be in [uegr.dropout_min, 1)"),
                 result.err.constData());
        QVERIFY(result.out.isEmpty());
    }

    void malformedJsonExitsWithTwoAndFileLine() {
        QTemporaryDir dir;
        const QString path = dir.filePath("broken.json");
        writeText(path, "{\n\"uegr\": {\n");
        const CliResult result = runCli({"config", "check", path});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.startsWith((path + ":").toUtf8()), result.err.constData());
    }

    void defaultsAreValid() {
        const CliResult result = runCli({"config", "defaults"});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(nlohmann::json::parse(result.out.toStdString())["training"]["method"].get<std::string>(),
                 std::string("uegr"));
    }

    void unknownCommandIsAUsageError() {
        QCOMPARE(runCli({"frobnicate"}).exitCode, 2);
        QCOMPARE(runCli({"config", "check"}).exitCode, 2);  // FILE missing
    }
};

QTEST_GUILESS_MAIN(CliConfigTest)
#include "test_cli_config.moc"
