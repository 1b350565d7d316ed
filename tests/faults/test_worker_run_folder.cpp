// The studio's TrainingWorker takes a run folder as `uegr train` does: a folder another process
// holds, or one that already holds a run, ends the job with the CLI's one-line message.
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest/QtTest>

#include <unistd.h>

#include "../support/tiny_run_config.h"
#include "telemetry_buffer.h"
#include "train/run_lock.h"
#include "training_worker.h"

using uegr::studio::TelemetryBuffer;
using uegr::studio::TrainingWorker;

namespace {

// Runs the worker on this thread; returns the message of its failed() signal, empty if it finished.
QString runWorker(const QString& runDir) {
    TelemetryBuffer buffer;
    TrainingWorker worker(buffer);
    QSignalSpy failed(&worker, &TrainingWorker::failed);
    worker.run(uegr::testing::tinyRunConfig(runDir));
    return failed.isEmpty() ? QString() : failed.first().first().toString();
}

}  // namespace

class WorkerRunFolderTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void folderInUseNamesItsHolder() {
        QTemporaryDir dir;
        const QString run = dir.filePath("run");
        QVERIFY(QDir().mkpath(run));
        const uegr::RunLock held(run.toStdString());
        const QString message = runWorker(run);
        QVERIFY2(message.contains(run) && message.contains("in use by PID " + QString::number(::getpid())),
                 qPrintable(message));
    }

    void folderHoldingARunIsRefused() {
        QTemporaryDir dir;
        const QString run = dir.filePath("run");
        QCOMPARE(runWorker(run), QString());
        QVERIFY(QFile::exists(run + "/summary.json"));
        const QString message = runWorker(run);
        QVERIFY2(message.contains(run) && message.contains("--overwrite"), qPrintable(message));
    }
};

QTEST_GUILESS_MAIN(WorkerRunFolderTest)
#include "test_worker_run_folder.moc"
