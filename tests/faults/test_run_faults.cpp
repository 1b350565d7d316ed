// Faults around a run folder, with the `uegr` CLI as a user runs it: a full disk during a
// checkpoint, kill -9 at random points, two writers on one folder, reuse of a run folder and
// SIGTERM. Each resumes or refuses cleanly (docs/RELIABILITY.md). UEGR_TEST_CLI, when set,
// points the tests at another `uegr` binary, e.g. an older build they should fail on.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest/QtTest>

#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <functional>

#include "../support/tiny_run_config.h"

using nlohmann::json;

namespace {

QString cliPath() {
    const QString override = qEnvironmentVariable("UEGR_TEST_CLI");
    return override.isEmpty() ? QStringLiteral(UEGR_CLI_PATH) : override;
}

struct CliResult {
    int exitCode = -1;  // -1 when the process crashed (e.g. SIGABRT), was killed or timed out
    QByteArray err;
};

CliResult finish(QProcess& process, int timeoutMs = 60000) {
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardError()};
}

CliResult runCli(const QStringList& arguments) {
    QProcess process;
    process.start(cliPath(), arguments);
    return finish(process);
}

// The tiny run of tiny_run_config.h evaluated only after its last step (so no model bundle is
// written before), checkpointed every 3 steps, logging every step. Written next to runDir.
QString writeConfig(const QString& runDir, int epochs, int embeddingDim = 8) {
    uegr::RunConfig config = uegr::testing::tinyRunConfig(runDir);
    config.eval.everySteps = 1000000;
    config.model.embeddingDim = embeddingDim;
    config.training.epochs = epochs;
    config.output.checkpointEverySteps = 3;
    config.output.keepCheckpoints = 2;
    config.output.logEverySteps = 1;
    const QString path = QDir::cleanPath(runDir) + QStringLiteral(".config.json");
    uegr::saveRunConfig(config, path.toStdString());
    return path;
}

constexpr int kStepsPerEpoch = 3;

QStringList trainArguments(const QString& config, const QString& runDir) {
    return {QStringLiteral("train"), QStringLiteral("--config"), config, QStringLiteral("--out"), runDir};
}

QStringList resumeArguments(const QString& runDir) {
    return {QStringLiteral("train"), QStringLiteral("--resume"), runDir};
}

bool exists(const QString& path) {
    return QFileInfo::exists(path);
}

QByteArray readAll(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Waits while processing events, so QProcess notices its child's output and exit.
bool waitUntil(const std::function<bool()>& condition, int timeoutMs = 30000) {
    return QTest::qWaitFor(condition, timeoutMs);
}

QStringList temporaries(const QString& runDir) {
    QStringList found;
    QDirIterator it(runDir, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        if (it.next().contains(QStringLiteral(".tmp-"))) found << it.filePath();
    return found;
}

// Every line parses, and the step records are 1..totalSteps, each once and in order.
void verifyMetricsComplete(const QString& runDir, int totalSteps) {
    const QList<QByteArray> lines = readAll(runDir + "/metrics.jsonl").split('\n');
    QVERIFY(lines.last().isEmpty());  // ends with a newline
    int expected = 1;
    for (int i = 0; i + 1 < lines.size(); ++i) {
        const json record = json::parse(lines[i].toStdString(), nullptr, false);
        QVERIFY2(record.is_object(), lines[i].constData());
        if (record.value("type", "") != "step") continue;
        QCOMPARE(record.value("step", -1), expected);
        ++expected;
    }
    QCOMPARE(expected - 1, totalSteps);
}

void verifyFinished(const QString& runDir, int totalSteps) {
    const json summary = json::parse(readAll(runDir + "/summary.json").toStdString(), nullptr, false);
    QVERIFY2(summary.is_object(), qPrintable(runDir + "/summary.json"));
    QCOMPARE(summary.value("steps", -1), totalSteps);
    verifyMetricsComplete(runDir, totalSteps);
    QVERIFY2(temporaries(runDir).isEmpty(), qPrintable(temporaries(runDir).join(' ')));
}

QString latestCheckpoint(const QString& runDir) {
    return QString::fromUtf8(readAll(runDir + "/checkpoints/latest")).trimmed();
}

// A tmpfs of `size` mounted on `dir` for the test's lifetime; needs root and mount(8).
class TmpfsMount {
public:
    TmpfsMount(const QString& dir, const QString& size) : dir_(dir) {
        mounted_ =
            ::geteuid() == 0 && QProcess::execute(QStringLiteral("mount"),
                                                  {"-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir}) == 0;
    }
    ~TmpfsMount() {
        if (mounted_) QProcess::execute(QStringLiteral("umount"), {QStringLiteral("-l"), dir_});
    }
    bool mounted() const { return mounted_; }

private:
    QString dir_;
    bool mounted_ = false;
};

// Fills the file system of `path` until a write fails, then gives back `leaveFree` bytes.
bool fillLeaving(const QString& path, qint64 leaveFree) {
    const int fd = ::open(path.toLocal8Bit().constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) return false;
    const QByteArray chunk(4096, 'x');
    qint64 written = 0;
    for (ssize_t n; (n = ::write(fd, chunk.constData(), chunk.size())) > 0;) written += n;
    const bool full = errno == ENOSPC && ::ftruncate(fd, std::max<qint64>(written - leaveFree, 0)) == 0;
    ::close(fd);
    return full;
}

qint64 folderBytes(const QString& dir) {
    qint64 bytes = 0;
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) bytes += QFileInfo(it.next()).size();
    return bytes;
}

}  // namespace

class RunFaultsTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void fullDiskDuringCheckpointKeepsThePreviousOne() {
        QTemporaryDir dir;
        const QString mountPoint = dir.filePath("disk");
        QVERIFY(QDir().mkpath(mountPoint));
        const TmpfsMount disk(mountPoint, QStringLiteral("16m"));
        if (!disk.mounted()) QSKIP("needs root and `mount -t tmpfs` (as in CI) to simulate a full disk");
        const QString run = mountPoint + "/run";
        const int epochs = 40;
        const QString config = writeConfig(dir.filePath("run"), epochs, /*embeddingDim=*/64);

        QProcess training;
        training.start(cliPath(), trainArguments(config, run));
        QVERIFY(waitUntil([&] { return exists(run + "/checkpoints/latest"); }));
        ::kill(static_cast<pid_t>(training.processId()), SIGSTOP);
        // Less room than one checkpoint, more than the metrics lines written before the next one.
        const qint64 checkpointBytes = folderBytes(run + "/checkpoints/" + latestCheckpoint(run));
        QVERIFY(fillLeaving(mountPoint + "/filler", std::max<qint64>(checkpointBytes / 2, 16384)));
        ::kill(static_cast<pid_t>(training.processId()), SIGCONT);
        const CliResult failed = finish(training);

        QCOMPARE(failed.exitCode, 1);  // a clean error, not SIGABRT
        QVERIFY2(failed.err.contains("No space left on device"), failed.err.constData());
        const QString kept = latestCheckpoint(run);
        QVERIFY2(exists(run + "/checkpoints/" + kept + "/progress.json"), qPrintable(kept));
        QVERIFY2(temporaries(run + "/checkpoints").isEmpty(), qPrintable(temporaries(run).join(' ')));

        QVERIFY(QFile::remove(mountPoint + "/filler"));
        const CliResult resumed = runCli(resumeArguments(run));
        QVERIFY2(resumed.exitCode == 0, resumed.err.constData());
        QVERIFY2(resumed.err.contains("resumed from"), resumed.err.constData());
        verifyFinished(run, epochs * kStepsPerEpoch);
    }

    void killNineAtRandomPointsAlwaysResumes() {
        QTemporaryDir dir;
        const QString run = dir.filePath("run");
        const int epochs = 120;  // about 5 s uninterrupted: most resumes are killed mid-run
        const QString config = writeConfig(run, epochs);
        const quint32 seed = QRandomGenerator::global()->generate();
        qInfo("kill -9 delays from seed %u", seed);
        QRandomGenerator random(seed);

        // First kill: as soon as the run has its config, before any checkpoint.
        QProcess first;
        first.start(cliPath(), trainArguments(config, run));
        QVERIFY(waitUntil([&] { return exists(run + "/config.json"); }));
        first.kill();
        first.waitForFinished();

        bool finished = false;
        for (int attempt = 0; attempt < 8 && !finished; ++attempt) {
            // What a kill in the middle of a write leaves: a temporary folder and a cut line.
            QVERIFY(QDir().mkpath(run + "/checkpoints/.tmp-step-999"));
            QFile metrics(run + "/metrics.jsonl");
            QVERIFY(metrics.open(QIODevice::Append));
            metrics.write("{\"type\":\"step\",\"st");
            metrics.close();

            QProcess resumed;
            resumed.start(cliPath(), resumeArguments(run));
            const int delayMs = random.bounded(300, 2000);
            if (resumed.waitForFinished(delayMs)) {
                const QByteArray errors = resumed.readAllStandardError();
                QVERIFY2(resumed.exitStatus() == QProcess::NormalExit && resumed.exitCode() == 0,
                         errors.constData());
                finished = true;
            } else {
                resumed.kill();
                resumed.waitForFinished();
                qInfo("killed after %d ms at checkpoint '%s'", delayMs, qPrintable(latestCheckpoint(run)));
            }
        }
        if (!finished) {
            const CliResult last = runCli(resumeArguments(run));
            QVERIFY2(last.exitCode == 0, last.err.constData());
        }
        verifyFinished(run, epochs * kStepsPerEpoch);
    }

    void secondWriterGetsTheLockError() {
        QTemporaryDir dir;
        const QString run = dir.filePath("run");
        const int epochs = 10;
        const QString config = writeConfig(run, epochs);

        QProcess first;
        first.start(cliPath(), trainArguments(config, run));
        QVERIFY(waitUntil([&] { return exists(run + "/config.json"); }));
        const pid_t firstPid = static_cast<pid_t>(first.processId());
        ::kill(firstPid, SIGSTOP);  // keeps the first writer in the middle of its run
        const CliResult second = runCli(trainArguments(config, run));
        const CliResult overwriting = runCli(trainArguments(config, run) << QStringLiteral("--overwrite"));
        ::kill(firstPid, SIGCONT);

        QCOMPARE(second.exitCode, 2);
        QVERIFY2(second.err.contains(run.toUtf8()), second.err.constData());
        QVERIFY2(second.err.contains("in use by PID " + QByteArray::number(firstPid)),
                 second.err.constData());
        QCOMPARE(second.err.trimmed().count('\n'), 0);  // one line
        QCOMPARE(overwriting.exitCode, 2);              // --overwrite never takes a folder in use
        QVERIFY(QDir(dir.path()).entryList({QStringLiteral("run.old-*")}, QDir::Dirs).isEmpty());

        const CliResult firstResult = finish(first);
        QVERIFY2(firstResult.exitCode == 0, firstResult.err.constData());
        verifyFinished(run, epochs * kStepsPerEpoch);
    }

    void reusedRunFolderIsRefusedWithoutOverwrite() {
        QTemporaryDir dir;
        const QString run = dir.filePath("run");
        const QString config = writeConfig(run, 2);
        const CliResult first = runCli(trainArguments(config, run));
        QVERIFY2(first.exitCode == 0, first.err.constData());
        const QByteArray summary = readAll(run + "/summary.json");
        QVERIFY(!summary.isEmpty());

        const CliResult refused = runCli(trainArguments(config, run));
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains(run.toUtf8()) && refused.err.contains("--overwrite") &&
                     refused.err.contains("--resume"),
                 refused.err.constData());
        QCOMPARE(refused.err.trimmed().count('\n'), 0);
        QCOMPARE(readAll(run + "/summary.json"), summary);

        const CliResult overwritten = runCli(trainArguments(config, run) << QStringLiteral("--overwrite"));
        QVERIFY2(overwritten.exitCode == 0, overwritten.err.constData());
        const QStringList aside = QDir(dir.path()).entryList({QStringLiteral("run.old-*")}, QDir::Dirs);
        QCOMPARE(aside.size(), 1);
        QVERIFY2(overwritten.err.contains(aside.first().toUtf8()), overwritten.err.constData());
        QCOMPARE(readAll(dir.filePath(aside.first()) + "/summary.json"), summary);
        verifyFinished(run, 2 * kStepsPerEpoch);
    }

    void sigtermCheckpointsLikeSigint() {
        QTemporaryDir dir;
        const QString run = dir.filePath("run");
        const int epochs = 400;  // far longer than the test waits
        const QString config = writeConfig(run, epochs);

        QProcess training;
        training.start(cliPath(), trainArguments(config, run));
        QVERIFY(waitUntil([&] { return exists(run + "/checkpoints/latest"); }));
        training.terminate();  // SIGTERM
        const CliResult stopped = finish(training);
        QCOMPARE(stopped.exitCode, 130);
        QVERIFY2(stopped.err.contains("uegr train --resume"), stopped.err.constData());
        const QString latest = latestCheckpoint(run);
        QVERIFY2(exists(run + "/checkpoints/" + latest + "/progress.json"), qPrintable(latest));

        QProcess resumed;
        resumed.start(cliPath(), resumeArguments(run));
        QByteArray progress;
        QVERIFY(waitUntil(
            [&] { return progress.append(resumed.readAllStandardError()).contains("resumed from"); }));
        resumed.terminate();
        QCOMPARE(finish(resumed).exitCode, 130);
    }
};

QTEST_GUILESS_MAIN(RunFaultsTest)
#include "test_run_faults.moc"
