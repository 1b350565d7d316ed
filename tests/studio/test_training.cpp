// Training from the GUI: telemetry hand-over between threads, a real (tiny) run started from the
// Training page, pause/resume/stop, and a responsive event loop while the model trains.
#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest/QtTest>
#include <atomic>

#include "class_report_panel.h"
#include "confusion_matrix_view.h"
#include "live_plot.h"
#include "main_window.h"
#include "saliency_page.h"
#include "support/message_box_answer.h"
#include "support/tiny_run_config.h"
#include "telemetry_buffer.h"
#include "train/run_reader.h"
#include "training_page.h"
#include "training_session.h"

using namespace uegr::studio;
using uegr::testing::answerNextMessageBox;

Q_DECLARE_METATYPE(uegr::studio::TelemetryBatch)

namespace {

// The shared tiny run (a step takes milliseconds), evaluated once, at the end.
uegr::RunConfig tinyConfig(const QString& runDir, int epochs) {
    uegr::RunConfig config = uegr::testing::tinyRunConfig(runDir);
    config.training.epochs = epochs;
    config.eval.everySteps = 1000000;
    return config;
}

int stepsIn(const QSignalSpy& spy) {
    int steps = 0;
    for (const QList<QVariant>& call : spy)
        steps += static_cast<int>(call.at(0).value<TelemetryBatch>().steps.size());
    return steps;
}

}  // namespace

class TestTraining : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("uegr-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("test_studio_training"));
        QSettings().clear();
        qRegisterMetaType<TelemetryBatch>();
    }

    void bufferSignalsOncePerBatch() {
        TelemetryBuffer buffer;
        uegr::StepTelemetry step;
        step.step = 1;
        QVERIFY(buffer.append(step));
        step.step = 2;
        QVERIFY(!buffer.append(step));
        QVERIFY(!buffer.appendMessage("note"));
        TelemetryBatch batch = buffer.takeAll();
        QCOMPARE(batch.steps.size(), std::size_t(2));
        QCOMPARE(batch.steps[1].step, std::int64_t(2));
        QCOMPARE(batch.messages.size(), std::size_t(1));
        QVERIFY(buffer.empty());
        QVERIFY(buffer.append(uegr::EvalTelemetry{}));  // empty again: signal again
    }

    void bufferHandsOverEveryPointAcrossThreads() {
        TelemetryBuffer buffer;
        constexpr int kSteps = 20000;
        std::atomic<int> wakeUps{0};
        QThread* producer = QThread::create([&] {
            for (int i = 1; i <= kSteps; ++i) {
                uegr::StepTelemetry step;
                step.step = i;
                if (buffer.append(step)) ++wakeUps;
            }
        });
        producer->start();
        std::vector<std::int64_t> received;
        while (!producer->isFinished() || !buffer.empty())
            for (const auto& step : buffer.takeAll().steps) received.push_back(step.step);
        producer->wait();
        delete producer;
        QCOMPARE(received.size(), std::size_t(kSteps));
        for (int i = 0; i < kSteps; ++i) QCOMPARE(received[static_cast<std::size_t>(i)], std::int64_t(i + 1));
        QVERIFY(wakeUps >= 1);
        QVERIFY(wakeUps <= kSteps);
    }

    void runFromThePageDeliversPointsAndFinishes() {
        QTemporaryDir dir;
        TrainingPage page;
        page.setConfigSource([&] { return tinyConfig(dir.filePath(QStringLiteral("run")), 2); });
        QSignalSpy telemetry(&page.session(), &TrainingSession::telemetry);
        QSignalSpy finished(&page.session(), &TrainingSession::finished);
        QSignalSpy failed(&page.session(), &TrainingSession::failed);
        QTest::mouseClick(page.findChild<QPushButton*>(QStringLiteral("startButton")), Qt::LeftButton);
        QVERIFY(page.session().isRunning());
        QVERIFY(!page.findChild<QPushButton*>(QStringLiteral("startButton"))->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() || !failed.isEmpty(), 60000);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().at(0).toString()));

        QCOMPARE(stepsIn(telemetry), 6);
        QCOMPARE(finished.first().at(0).toJsonObject().value(QStringLiteral("steps")).toInteger(), 6);
        const int total = page.lossPlot()->seriesIndex(QStringLiteral("total"));
        QCOMPARE(page.lossPlot()->graph(total)->data()->size(), 6);
        QCOMPARE(page.lossPlot()->graph(total)->data()->at(5)->key, 6.0);
        QVERIFY(page.maskPlot()->seriesIndex(QStringLiteral("global")) >= 0);
        QVERIFY(page.metricsPlot()->seriesIndex(QStringLiteral("accuracy")) >= 0);
        // The Per class tab: the one dev evaluation (step 6) of the 12 dev rows.
        auto* tabs = page.findChild<QTabWidget*>();
        const int perClass = tabs->indexOf(page.classReport());
        QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, Qt::NoModifier,
                          tabs->tabBar()->tabRect(perClass).center());
        QCOMPARE(tabs->currentWidget(), page.classReport());
        QCOMPARE(page.classReport()->reportChooser()->currentText(), QStringLiteral("Dev at step 6"));
        QCOMPARE(page.classReport()->matrixView()->confusion().matrix.total(), std::int64_t(12));
        QCOMPARE(page.classReport()->scoresTable()->rowCount(), 2);
        QVERIFY2(page.progressText().startsWith(QStringLiteral("Step 6/6, epoch 2")),
                 qPrintable(page.progressText()));
        QVERIFY(!page.progressText().contains(QStringLiteral("GPU memory")));  // a CPU run has none
        QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral("run/summary.json"))));
        QVERIFY(!page.session().isRunning());
        QVERIFY(page.findChild<QPushButton*>(QStringLiteral("startButton"))->isEnabled());
    }

    void aFailedRunIsShownInADialog() {
        QTemporaryDir dir;
        const QString runDir = dir.filePath(QStringLiteral("taken"));
        QVERIFY(QDir().mkpath(runDir));
        QFile other(runDir + QStringLiteral("/notes.txt"));  // a folder that is not this run's
        QVERIFY(other.open(QIODevice::WriteOnly));
        other.close();
        TrainingPage page;
        page.setConfigSource([&] { return tinyConfig(runDir, 1); });
        QSignalSpy failed(&page.session(), &TrainingSession::failed);
        QTest::mouseClick(page.findChild<QPushButton*>(QStringLiteral("startButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 60000);
        auto* dialog = page.findChild<QMessageBox*>(QStringLiteral("trainingFailedDialog"));
        QVERIFY(dialog != nullptr);
        QTRY_VERIFY(dialog->isVisible());
        QCOMPARE(dialog->text(), failed.first().at(0).toString());
        QVERIFY2(dialog->text().contains(runDir), qPrintable(dialog->text()));  // names the folder
    }

    void progressShowsPeakGpuMemoryWhenReported() {
        TrainingPage page;
        TelemetryBatch batch;
        uegr::StepTelemetry step;
        step.step = 3;
        step.totalSteps = 10;
        step.epoch = 1;
        step.peakMemoryMb = 1536.4;
        batch.steps.push_back(step);
        Q_EMIT page.session().telemetry(batch);
        QVERIFY2(page.progressText().startsWith(QStringLiteral("Step 3/10, epoch 1")), qPrintable(page.progressText()));
        QVERIFY2(page.progressText().endsWith(QStringLiteral(", peak GPU memory 1536 MiB")),
                 qPrintable(page.progressText()));
    }

    void pauseResumeAndStop() {
        QTemporaryDir dir;
        TrainingSession session;
        session.setCoalescingIntervalMs(10);
        QSignalSpy telemetry(&session, &TrainingSession::telemetry);
        QSignalSpy finished(&session, &TrainingSession::finished);
        QVERIFY(session.start(tinyConfig(dir.filePath(QStringLiteral("run")), 2000)));
        QVERIFY(!session.start(tinyConfig(dir.filePath(QStringLiteral("other")), 1)));  // one run at a time
        QTRY_VERIFY_WITH_TIMEOUT(stepsIn(telemetry) > 0, 60000);

        session.pause();
        QVERIFY(session.isPaused());
        QTest::qWait(300);  // the step in flight, if any, arrives now
        const int pausedAt = stepsIn(telemetry);
        QTest::qWait(400);
        QCOMPARE(stepsIn(telemetry), pausedAt);

        session.resume();
        QVERIFY(!session.isPaused());
        QTRY_VERIFY_WITH_TIMEOUT(stepsIn(telemetry) > pausedAt, 30000);

        session.stop();
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 60000);
        const QJsonObject summary = finished.first().at(0).toJsonObject();
        QVERIFY(summary.value(QStringLiteral("stopped_early")).toBool());
        QVERIFY(summary.value(QStringLiteral("steps")).toInteger() < 6000);
        QCOMPARE(summary.value(QStringLiteral("steps")).toInteger(), stepsIn(telemetry));
        QVERIFY(!session.isRunning());
    }

    // A stopped run says so, and claims no dev accuracy when it never evaluated.
    void stoppedRunIsReportedAsStopped() {
        QTemporaryDir dir;
        TrainingPage page;
        page.setConfigSource([&] { return tinyConfig(dir.filePath(QStringLiteral("run")), 2000); });
        QSignalSpy telemetry(&page.session(), &TrainingSession::telemetry);
        QSignalSpy finished(&page.session(), &TrainingSession::finished);
        QSignalSpy status(&page, &TrainingPage::statusMessage);
        QTest::mouseClick(page.findChild<QPushButton*>(QStringLiteral("startButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(stepsIn(telemetry) > 0, 60000);
        QTest::mouseClick(page.findChild<QPushButton*>(QStringLiteral("stopButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 60000);
        QCOMPARE(finished.first().at(0).toJsonObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("stopped"));
        QVERIFY(!status.isEmpty());
        const QString message = status.last().at(0).toString();
        QVERIFY2(message.startsWith(QStringLiteral("Stopped at step")), qPrintable(message));
        QVERIFY2(!message.contains(QStringLiteral("accuracy")), qPrintable(message));
        QVERIFY2(page.logText().contains(message), qPrintable(page.logText()));
    }

    void closingDuringTrainingAsksThenStopsAndQuits() {
        QTemporaryDir dir;
        MainWindow window;
        window.show();
        TrainingPage& page = *window.trainingPage();
        page.setConfigSource([&] { return tinyConfig(dir.filePath(QStringLiteral("run")), 2000); });
        QSignalSpy telemetry(&page.session(), &TrainingSession::telemetry);
        QSignalSpy finished(&page.session(), &TrainingSession::finished);
        QVERIFY(page.start());
        QTRY_VERIFY_WITH_TIMEOUT(stepsIn(telemetry) > 0, 60000);

        QString question;
        answerNextMessageBox(QStringLiteral("Cancel"), &question);
        QVERIFY(!window.close());
        QVERIFY2(question.contains(QStringLiteral("training run")), qPrintable(question));
        QVERIFY(window.isVisible());
        QVERIFY(page.session().isRunning());

        answerNextMessageBox(QStringLiteral("Stop and Quit"), &question);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(!window.close());  // not yet: the run first saves its checkpoint
        QVERIFY2(clock.elapsed() < 2000, "closing waited for the run on the GUI thread");
        QTRY_VERIFY_WITH_TIMEOUT(!window.isVisible(), 60000);
        QCOMPARE(finished.size(), 1);
        QVERIFY(finished.first().at(0).toJsonObject().value(QStringLiteral("stopped_early")).toBool());
        QCOMPARE(uegr::readRunOverview(dir.filePath(QStringLiteral("run")).toStdString()).status,
                 uegr::RunStatus::Stopped);
    }

    // With output.saliency_every_steps 0 the run sends snapshots only on request; following
    // must still show them, and the header must name the live run.
    void followLiveShowsSnapshotsOfARunThatSendsNone() {
        QTemporaryDir dir;
        const QString runDir = dir.filePath(QStringLiteral("run"));
        uegr::RunConfig config = tinyConfig(runDir, 2000);
        QCOMPARE(config.output.saliencyEverySteps, 0);
        TrainingSession session;
        SaliencyPage page;
        page.setTrainingSession(&session);
        page.show();
        QSignalSpy shown(&page, &SaliencyPage::snapshotShown);
        auto* follow = page.findChild<QCheckBox*>(QStringLiteral("followLive"));
        QVERIFY(follow);
        QTest::mouseClick(follow, Qt::LeftButton, {}, QPoint(5, follow->height() / 2));
        QVERIFY(follow->isChecked());
        QVERIFY(session.start(config));
        QVERIFY(shown.wait(30000));
        const QString header = page.findChild<QLabel*>(QStringLiteral("saliencyModel"))->text();
        QVERIFY2(header.contains(QDir::toNativeSeparators(runDir)) && header.contains(QStringLiteral("live")),
                 qPrintable(header));
        QVERIFY(shown.wait(30000));  // and keeps following
        session.stop();
        QTRY_VERIFY_WITH_TIMEOUT(!session.isRunning(), 60000);
    }

    // After a resume the plots show the steps before the resume point too, each once.
    void resumedRunShowsItsWholeHistory() {
        QTemporaryDir dir;
        const QString runDir = dir.filePath(QStringLiteral("run"));
        TrainingPage page;
        page.setConfigSource([&] { return tinyConfig(runDir, 2000); });
        QSignalSpy telemetry(&page.session(), &TrainingSession::telemetry);
        QSignalSpy finished(&page.session(), &TrainingSession::finished);
        QVERIFY(page.start());
        QTRY_VERIFY_WITH_TIMEOUT(stepsIn(telemetry) >= 3, 60000);
        page.stop();
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() == 1, 60000);
        const qint64 stoppedAt =
            finished.first().at(0).toJsonObject().value(QStringLiteral("steps")).toInteger();

        telemetry.clear();
        QVERIFY(page.continueRun(runDir));
        QTRY_VERIFY_WITH_TIMEOUT(stepsIn(telemetry) >= 3, 60000);
        page.stop();
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() == 2, 60000);
        const qint64 lastStep =
            finished.last().at(0).toJsonObject().value(QStringLiteral("steps")).toInteger();
        QVERIFY(lastStep > stoppedAt);

        const int total = page.lossPlot()->seriesIndex(QStringLiteral("total"));
        QTRY_COMPARE(page.lossPlot()->graph(total)->data()->size(), static_cast<int>(lastStep));
        QCOMPARE(page.lossPlot()->graph(total)->data()->at(0)->key, 1.0);
        QCOMPARE(page.lossPlot()->graph(total)->data()->at(static_cast<int>(lastStep) - 1)->key,
                 static_cast<double>(lastStep));
    }

    void eventLoopKeepsTickingDuringTraining() {
        QTemporaryDir dir;
        TrainingPage page;
        page.show();
        page.setConfigSource([&] { return tinyConfig(dir.filePath(QStringLiteral("run")), 30); });
        QSignalSpy finished(&page.session(), &TrainingSession::finished);
        QElapsedTimer clock;
        qint64 last = 0, largestGap = 0;
        int ticks = 0;
        QTimer ticker;
        ticker.setInterval(10);
        connect(&ticker, &QTimer::timeout, [&] {
            const qint64 now = clock.elapsed();
            largestGap = std::max(largestGap, now - last);
            last = now;
            ++ticks;
        });
        QVERIFY(page.start());
        clock.start();
        ticker.start();
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 60000);
        ticker.stop();
        QVERIFY(ticks > 5);
        QVERIFY2(largestGap < 200, qPrintable(QStringLiteral("largest gap %1 ms").arg(largestGap)));
    }
};

QTEST_MAIN(TestTraining)
#include "test_training.moc"
