// Robustness points in the studio: the telemetry buffer hands them over from a second producer
// thread, the Training page plots them beside the dev accuracy, and the runs page's replay reads
// them back from metrics.jsonl.
#include <QTemporaryDir>
#include <QtTest/QtTest>
#include <nlohmann/json.hpp>

#include <thread>

#include "live_plot.h"
#include "runs_plots.h"
#include "telemetry_buffer.h"
#include "train/run_reader.h"
#include "train/telemetry.h"
#include "training_page.h"
#include "training_session.h"
#include "util/atomic_file.h"

using namespace uegr;
using namespace uegr::studio;

namespace {

RobustnessTelemetry check(std::int64_t step, int epoch, double underAttack) {
    RobustnessTelemetry robustness;
    robustness.step = step;
    robustness.epoch = epoch;
    robustness.attack = "charswap";
    robustness.examples = 20;
    robustness.cleanAccuracy = 0.9;
    robustness.accuracyUnderAttack = underAttack;
    robustness.attackSuccessRate = 1.0 - underAttack / 0.9;
    robustness.seconds = 1.5;
    return robustness;
}

QVector<QPair<double, double>> points(LivePlot& plot, const QString& series) {
    QVector<QPair<double, double>> result;
    const int index = plot.seriesIndex(series);
    if (index < 0) return result;
    for (auto it = plot.graph(index)->data()->constBegin(); it != plot.graph(index)->data()->constEnd(); ++it)
        result.append({it->key, it->value});
    return result;
}

}  // namespace

class TestRobustnessTelemetry : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void bufferTakesPointsFromTwoThreads() {
        TelemetryBuffer buffer;
        StepTelemetry step;
        step.step = 1;
        QVERIFY(buffer.append(step));
        std::thread monitor([&buffer] {
            QVERIFY(!buffer.append(check(10, 1, 0.5)));  // not empty: no second wake-up
            buffer.append(check(20, 2, 0.4));
        });
        monitor.join();
        const TelemetryBatch batch = buffer.takeAll();
        QCOMPARE(batch.steps.size(), std::size_t{1});
        QCOMPARE(batch.robustness.size(), std::size_t{2});
        QCOMPARE(batch.robustness[1].step, std::int64_t{20});
        QCOMPARE(batch.robustness[1].accuracyUnderAttack, 0.4);
        QVERIFY(buffer.empty());
        QVERIFY(buffer.append(check(30, 3, 0.3)));  // empty again: the GUI must be woken
        QVERIFY(!buffer.takeAll().empty());
    }

    void trainingPagePlotsAccuracyUnderAttackBesideDevAccuracy() {
        TrainingPage page;
        TelemetryBatch batch;
        EvalTelemetry eval;
        eval.step = 10;
        eval.epoch = 1;
        eval.accuracy = 0.8;
        batch.evals.push_back(eval);
        batch.robustness = {check(10, 1, 0.45), check(20, 2, 0.5)};
        Q_EMIT page.session().telemetry(batch);
        LivePlot& plot = *page.metricsPlot();
        QCOMPARE(points(plot, QStringLiteral("accuracy")), (QVector<QPair<double, double>>{{10, 0.8}}));
        QCOMPARE(points(plot, QStringLiteral("accuracy under attack")),
                 (QVector<QPair<double, double>>{{10, 0.45}, {20, 0.5}}));
        QVERIFY(page.logText().contains(QStringLiteral("accuracy under attack 0.4500")));
    }

    void replayReadsRobustnessRecords() {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("metrics.jsonl")).toStdString();
        EvalTelemetry eval;
        eval.step = 5;
        eval.epoch = 1;
        eval.accuracy = 0.7;
        // The check of step 5 finishes after step 6 was logged.
        StepTelemetry step;
        step.step = 6;
        step.totalSteps = 10;
        step.epoch = 2;
        writeFileAtomically(path, toJson(eval).dump() + "\n" + toJson(step).dump() + "\n" +
                                      toJson(check(5, 1, 0.25)).dump() + "\n");
        const RunMetrics metrics = readMetricsLog(path);
        QCOMPARE(metrics.robustness.size(), std::size_t{1});
        const RobustnessTelemetry& read = metrics.robustness.front();
        QCOMPARE(read.step, std::int64_t{5});
        QCOMPARE(read.epoch, 1);
        QCOMPARE(read.attack, std::string("charswap"));
        QCOMPARE(read.examples, std::int64_t{20});
        QCOMPARE(read.cleanAccuracy, 0.9);
        QCOMPARE(read.accuracyUnderAttack, 0.25);
        QCOMPARE(read.seconds, 1.5);

        LivePlot plot(QStringLiteral("step"), QStringLiteral("dev metric"));
        plotDevMetrics(plot, metrics);
        QCOMPARE(points(plot, QStringLiteral("accuracy")), (QVector<QPair<double, double>>{{5, 0.7}}));
        QCOMPARE(points(plot, QStringLiteral("accuracy under attack")),
                 (QVector<QPair<double, double>>{{5, 0.25}}));

        plotDevMetrics(plot, RunMetrics{{}, {eval}, {}});  // a run without checks: no such series
        QCOMPARE(plot.seriesIndex(QStringLiteral("accuracy under attack")), -1);
    }
};

QTEST_MAIN(TestRobustnessTelemetry)
#include "test_robustness_telemetry.moc"
