// The Runs page and the exports, on real runs of a tiny TextCNN on 48 rows: a finished one trained
// with the CLI, a stopped one with the core Trainer (an observer stops it at step 2). Listing and
// status, replay and overlay, resume of the stopped run, HTML/PDF report, metrics CSV, model
// bundle, and corrupt run folders that must give errors, not crashes.
#include <QComboBox>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProgressBar>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>
#include <QtTest/QtTest>

#include "about_dialog.h"
#include "class_report_panel.h"
#include "confusion_matrix_view.h"
#include "example_predictions.h"
#include "export_run.h"
#include "live_plot.h"
#include "main_window.h"
#include "model/model_bundle.h"
#include "model/predictor.h"
#include "prediction_panel.h"
#include "prediction_table_model.h"
#include "report/metrics_csv.h"
#include "report_builder.h"
#include "runs_page.h"
#include "runs_table_model.h"
#include "runs_workspace.h"
#include "runtime_summary.h"
#include "saliency_source.h"
#include "support/tiny_run.h"
#include "text/tokenizer.h"
#include "train/trainer.h"
#include "training_session.h"
#include "util/error.h"

using namespace uegr;
using namespace uegr::studio;

namespace {

// The shared tiny run, evaluated every epoch (3 steps), for the run this test stops at step 2
// from an observer, which the CLI cannot do.
RunConfig tinyConfig(const QString& runDir, const std::string& method) {
    RunConfig config = uegr::testing::tinyRunConfig(runDir);
    config.training.method = method;
    config.eval.everySteps = 3;
    return config;
}

class StopAtStep : public TrainingObserver {
public:
    StopAtStep(TrainingControl& control, std::int64_t step) : control_(control), step_(step) {}
    void onStep(const StepTelemetry& step) override {
        if (step.step == step_) control_.stopRequested = true;
    }

private:
    TrainingControl& control_;
    std::int64_t step_;
};

QByteArray readAll(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeFile(const QString& path, const QByteArray& content) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(content);
}

// The metrics.jsonl records of one type, parsed with Qt's JSON reader (independent of core).
QList<QJsonObject> records(const QString& runDir, const QString& type) {
    QList<QJsonObject> found;
    for (const QByteArray& line : readAll(runDir + "/metrics.jsonl").split('\n')) {
        const QJsonObject record = QJsonDocument::fromJson(line).object();
        if (record.value("type").toString() == type) found << record;
    }
    return found;
}

QStringList filesUnder(const QString& root) {
    QStringList files;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) files << QDir(root).relativeFilePath(it.next());
    files.sort();
    return files;
}

}  // namespace

class TestRuns : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("uegr-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("test_runs"));
        QSettings().clear();
        QVERIFY(workspace_.isValid());
        finished_ = workspace_.filePath("finished-uegr");
        stopped_ = workspace_.filePath("stopped-vanilla");
        broken_ = workspace_.filePath("broken");
        const uegr::testing::CliResult trained =
            uegr::testing::trainTinyRun(finished_, {QStringLiteral("uegr"), 2});
        QVERIFY2(trained.exitCode == 0, trained.err.constData());
        TrainingControl stopControl;
        StopAtStep stopper(stopControl, 2);
        Trainer(tinyConfig(stopped_, "vanilla")).run(stopper, stopControl);
        // A run folder whose files are garbage.
        QVERIFY(QDir().mkpath(broken_));
        writeFile(broken_ + "/config.json", readAll(finished_ + "/config.json"));
        writeFile(broken_ + "/summary.json", "{\"steps\": 6, \"best_dev\": ");
        writeFile(broken_ + "/metrics.jsonl", "{\"type\":\"step\"}\n@@ not json\n");
    }

    void overviewMatchesSummaryJson() {
        const QJsonObject summary = QJsonDocument::fromJson(readAll(finished_ + "/summary.json")).object();
        const RunOverview run = readRunOverview(finished_.toStdString());
        QVERIFY2(run.error.empty(), run.error.c_str());
        QCOMPARE(run.name, std::string("finished-uegr"));
        QCOMPARE(run.method, std::string("uegr"));
        QCOMPARE(run.modelType, std::string("textcnn"));
        QCOMPARE(run.dataset, std::string("tiny.csv"));
        QCOMPARE(run.status, RunStatus::Finished);
        QCOMPARE(run.steps, std::int64_t(6));
        QCOMPARE(run.totalSteps, std::int64_t(6));
        QVERIFY(run.hasBestDev);
        const QJsonObject best = summary.value("best_dev").toObject();
        QCOMPARE(run.bestDev.accuracy, best.value("accuracy").toDouble());
        QCOMPARE(run.bestDev.step, std::int64_t(best.value("step").toInteger()));

        const RunOverview stopped = readRunOverview(stopped_.toStdString());
        QVERIFY2(stopped.error.empty(), stopped.error.c_str());
        QCOMPARE(stopped.status, RunStatus::Stopped);
        QVERIFY(stopped.resumable);
        QCOMPARE(stopped.steps, std::int64_t(2));
        QVERIFY(!stopped.hasBestDev);  // stopped before the first evaluation at step 3
    }

    // summary.json names the run's status; summaries written before it existed read as before.
    void statusFromSummaryJson() {
        QJsonObject summary = QJsonDocument::fromJson(readAll(finished_ + "/summary.json")).object();
        QCOMPARE(summary.value("status").toString(), QStringLiteral("finished"));
        QTemporaryDir dir;
        writeFile(dir.filePath("config.json"), readAll(finished_ + "/config.json"));
        summary.insert("status", QStringLiteral("stopped"));
        writeFile(dir.filePath("summary.json"), QJsonDocument(summary).toJson());
        QCOMPARE(readRunOverview(dir.path().toStdString()).status, RunStatus::Stopped);
        summary.remove("status");
        writeFile(dir.filePath("summary.json"), QJsonDocument(summary).toJson());
        QCOMPARE(readRunOverview(dir.path().toStdString()).status, RunStatus::Finished);
    }

    void statusFromFilesAndTimes() {
        QTemporaryDir dir;
        writeFile(dir.filePath("config.json"), "{\"training\": {\"method\": \"rdrop\"}}");
        writeFile(dir.filePath("metrics.jsonl"), "{\"type\":\"step\",\"step\":1,\"total_steps\":9}\n");
        RunOverview run = readRunOverview(dir.path().toStdString());
        QCOMPARE(run.status, RunStatus::Running);  // just written, no summary, no checkpoint
        QCOMPARE(run.method, std::string("rdrop"));
        QCOMPARE(run.dataset, std::string("demo"));
        QCOMPARE(run.totalSteps, std::int64_t(9));
        QFile metrics(dir.filePath("metrics.jsonl"));
        QVERIFY(metrics.open(QIODevice::ReadWrite));
        QVERIFY(metrics.setFileTime(QDateTime::currentDateTime().addSecs(-2 * kRunningQuietSeconds),
                                    QFileDevice::FileModificationTime));
        metrics.close();
        run = readRunOverview(dir.path().toStdString());
        QCOMPARE(run.status, RunStatus::Failed);
        QVERIFY(!run.resumable);
    }

    void corruptFoldersGiveErrors() {
        const RunOverview broken = readRunOverview(broken_.toStdString());
        QVERIFY(!broken.error.empty());
        QVERIFY2(QString::fromStdString(broken.error).contains("summary.json"), broken.error.c_str());
        QVERIFY(!readRunOverview(workspace_.filePath("does-not-exist").toStdString()).error.empty());
        try {
            readMetricsLog((broken_ + "/metrics.jsonl").toStdString());
            QFAIL("a step record without fields was accepted");
        } catch (const InputError& error) {
            QCOMPARE(error.line(), std::size_t(1));
        }
    }

    void metricsLogToleratesOnlyACutLastLine() {
        QTemporaryDir dir;
        const QString path = dir.filePath("metrics.jsonl");
        const QByteArray step =
            R"({"type":"step","step":1,"total_steps":2,"epoch":1,"loss":0.5,"loss_clean":0.4,"loss_adv":0.3,)"
            R"("loss_js":0.2,"lr":0.001,"grad_norm":null,"dropout_rates":{},"mask_density":{},)"
            R"("mask_density_global":1,"step_time_ms":3})";
        // A plain literal: moc does not understand raw strings with unbalanced braces.
        writeFile(path, step + "\n{\"type\":\"eval\",\"step\":1,\"epoch\":1,\"dev_accu");
        const RunMetrics metrics = readMetricsLog(path.toStdString());
        QCOMPARE(metrics.steps.size(), std::size_t(1));
        QVERIFY(metrics.evals.empty());
        QVERIFY(std::isnan(metrics.steps[0].gradNorm));  // JSON null: a non-finite value
        QCOMPARE(metrics.steps[0].lossAdv, 0.3);
        writeFile(path, "garbage\n" + step + "\n");
        QVERIFY_THROWS_EXCEPTION(InputError, readMetricsLog(path.toStdString()));
    }

    void metricsCsvByHand() {
        RunMetrics metrics;
        StepTelemetry step;
        step.step = 1;
        step.totalSteps = 2;
        step.epoch = 1;
        step.loss = 0.5;
        step.lossClean = 0.25;
        step.lr = 0.001;
        step.maskDensity = {{"conv,1", 0.75}};
        step.maskDensityGlobal = 0.5;
        step.stepTimeMs = 12;
        metrics.steps.push_back(step);
        step.step = 2;
        step.loss = std::numeric_limits<double>::quiet_NaN();
        metrics.steps.push_back(step);
        EvalTelemetry eval;
        eval.step = 2;
        eval.epoch = 1;
        eval.accuracy = 0.875;
        metrics.evals.push_back(eval);
        const std::string expected =
            "step,epoch,total_steps,loss,loss_clean,loss_adv,loss_js,lr,grad_norm,mask_density_global,step_"
            "time_ms,"
            "\"mask_density.conv,1\",dev_accuracy,dev_macro_f1,dev_mcc,dev_loss\r\n"
            "1,1,2,0.5,0.25,0.0,0.0,0.001,0.0,0.5,12.0,0.75,,,,\r\n"
            "2,1,2,nan,0.25,0.0,0.0,0.001,0.0,0.5,12.0,0.75,0.875,0.0,0.0,0.0\r\n";
        QCOMPARE(metricsCsv(metrics), expected);
    }

    void pageListsWorkspaceRuns() {
        RunsPage page;
        QSignalSpy scanned(&page, &RunsPage::scanned);
        page.setWorkspace(workspace_.path());
        QCOMPARE(runsWorkspace(), QDir::cleanPath(workspace_.path()));  // remembered
        QTRY_VERIFY_WITH_TIMEOUT(!scanned.isEmpty() && !page.isScanning(), 10000);
        RunsTableModel* model = page.model();
        QCOMPARE(model->rowCount(), 3);
        const int finished = model->rowOf(finished_);
        QVERIFY(finished >= 0);
        const double best = QJsonDocument::fromJson(readAll(finished_ + "/summary.json"))
                                .object()
                                .value("best_dev")
                                .toObject()
                                .value("accuracy")
                                .toDouble();
        QCOMPARE(model->index(finished, RunsTableModel::Method).data().toString(), QString("uegr"));
        QCOMPARE(model->index(finished, RunsTableModel::BestDevAccuracy).data().toString(),
                 QString::number(best, 'f', 4));
        QCOMPARE(model->index(finished, RunsTableModel::Status).data().toString(), QString("finished"));
        QCOMPARE(model->index(model->rowOf(stopped_), RunsTableModel::Status).data().toString(),
                 QString("stopped"));
        QCOMPARE(model->index(model->rowOf(stopped_), RunsTableModel::Steps).data().toString(),
                 QString("2 / 6"));
        const int broken = model->rowOf(broken_);
        QCOMPARE(model->index(broken, RunsTableModel::Status).data().toString(), QString("unreadable"));
        QVERIFY(model->index(broken, RunsTableModel::Name)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains("summary.json"));
        QCOMPARE(model->unreadableCount(), 1);
        QVERIFY(page.message().contains("could not be read"));

        page.setActiveRun(stopped_);
        QCOMPARE(model->index(model->rowOf(stopped_), RunsTableModel::Status).data().toString(),
                 QString("running"));
        page.setActiveRun({});
        QCOMPARE(model->index(model->rowOf(stopped_), RunsTableModel::Status).data().toString(),
                 QString("stopped"));
    }

    // Clicking a run shows its best dev confusion matrix and per-class scores as summary.json has
    // them (read here with Qt's JSON reader, independent of core); a run without them says so.
    void perClassTabShowsTheSelectedRun() {
        RunsPage page;
        showWorkspace(page);
        if (QTest::currentTestFailed()) return;
        const auto clickRun = [&page](const QString& runDir) {
            const QModelIndex index =
                qobject_cast<QSortFilterProxyModel*>(page.table()->model())
                    ->mapFromSource(page.model()->index(page.model()->rowOf(runDir), 0));
            page.table()->scrollTo(index);
            QTest::mouseClick(page.table()->viewport(), Qt::LeftButton, Qt::NoModifier,
                              page.table()->visualRect(index).center());
        };
        clickRun(finished_);
        QCOMPARE(page.selectedRuns(), QStringList{finished_});
        ClassReportPanel* report = page.classReport();
        auto* details = page.findChild<QTabWidget*>("runDetails");
        QTest::mouseClick(details->tabBar(), Qt::LeftButton, Qt::NoModifier,
                          details->tabBar()->tabRect(details->indexOf(report)).center());
        QCOMPARE(details->currentWidget(), report);

        const QJsonObject best = QJsonDocument::fromJson(readAll(finished_ + "/summary.json"))
                                     .object()
                                     .value("best_dev")
                                     .toObject();
        QVERIFY(report->hasReport());
        QCOMPARE(report->reportChooser()->count(), 1);  // the tiny run has no test split
        QCOMPARE(report->reportChooser()->currentText(),
                 QString("Best dev (step %1)").arg(best.value("step").toInteger()));
        const QJsonArray labels = best.value("labels").toArray();
        const QJsonArray rows = best.value("confusion").toArray();
        QCOMPARE(labels.size(), 2);
        const LabelledConfusion& shown = report->matrixView()->confusion();
        qint64 total = 0;
        for (int t = 0; t < rows.size(); ++t) {
            QCOMPARE(QString::fromStdString(shown.labels[static_cast<std::size_t>(t)]), labels[t].toString());
            for (int p = 0; p < rows.size(); ++p) {
                const qint64 count = rows[t].toArray()[p].toInteger();
                QCOMPARE(shown.matrix.counts[static_cast<std::size_t>(t)][static_cast<std::size_t>(p)],
                         count);
                total += count;
            }
        }
        QCOMPARE(total, qint64(12));  // a quarter of the 48 rows is the dev split
        const QJsonArray perClass = best.value("per_class").toArray();
        for (int k = 0; k < perClass.size(); ++k) {
            const QJsonObject scores = perClass[k].toObject();
            QCOMPARE(report->scoresTable()->item(k, ClassReportPanel::Label)->text(),
                     scores.value("label").toString());
            QCOMPARE(report->scoresTable()->item(k, ClassReportPanel::Recall)->text(),
                     QString::number(scores.value("recall").toDouble(), 'f', 3));
            QCOMPARE(report->scoresTable()->item(k, ClassReportPanel::Support)->text(),
                     QString::number(scores.value("support").toInteger()));
        }

        clickRun(stopped_);  // stopped before its first evaluation
        QVERIFY(!report->hasReport());
        QVERIFY(report->findChild<QLabel*>("classReportEmpty")->isVisible());
        QVERIFY2(report->emptyText().contains("stopped-vanilla"), qPrintable(report->emptyText()));
    }

    // The Predictions tab: the finished run's model over its 12 dev rows, checked against core's
    // predictor on the same texts; filters by outcome, label and text; double-click to explain.
    void predictionTableListsAndFiltersTheDevSplit() {
        RunsPage page;
        showWorkspace(page);
        if (QTest::currentTestFailed()) return;
        page.selectRuns({finished_});
        PredictionPanel* panel = page.predictions();
        QCOMPARE(panel->run(), finished_);
        auto* details = page.findChild<QTabWidget*>("runDetails");
        QTest::mouseClick(details->tabBar(), Qt::LeftButton, Qt::NoModifier,
                          details->tabBar()->tabRect(details->indexOf(panel)).center());
        QCOMPARE(details->currentWidget(), panel);

        QSignalSpy finished(panel, &PredictionPanel::finished);
        QTest::mouseClick(panel->startButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 30000);
        const ExamplePredictions& predictions = panel->model()->predictions();
        QVERIFY2(predictions.error.isEmpty(), qPrintable(predictions.error));
        QCOMPARE(predictions.rows.size(), std::size_t(12));
        auto* progress = panel->findChild<QProgressBar*>("predictionProgress");
        QCOMPARE(progress->value(), progress->maximum());  // done, not back at 0 %

        const ModelBundle bundle = loadModelBundle((finished_ + "/model").toStdString());
        std::vector<std::string> texts;
        for (const ExamplePrediction& row : predictions.rows) texts.push_back(row.text.toStdString());
        const std::vector<Prediction> expected = predictTexts(bundle, texts);
        int wrong = 0;
        for (std::size_t i = 0; i < expected.size(); ++i) {
            const ExamplePrediction& row = predictions.rows[i];
            QCOMPARE(row.predicted, expected[i].label);
            QVERIFY(std::abs(row.confidence -
                             expected[i].probabilities[static_cast<std::size_t>(row.predicted)]) < 1e-6);
            wrong += row.correct() ? 0 : 1;
        }
        QVERIFY2(panel->message().contains(QString("%1 predicted wrongly").arg(wrong)),
                 qPrintable(panel->message()));

        QTableView* table = panel->table();
        QCOMPARE(table->model()->rowCount(), 12);
        panel->outcomeFilter()->setFocus();
        QTest::keyClick(panel->outcomeFilter(), Qt::Key_Down);  // Correct
        QCOMPARE(table->model()->rowCount(), 12 - wrong);
        QTest::keyClick(panel->outcomeFilter(), Qt::Key_Down);  // Incorrect
        QCOMPARE(table->model()->rowCount(), wrong);
        QTest::keyClick(panel->outcomeFilter(), Qt::Key_Home);  // All examples

        panel->labelFilter()->setFocus();
        QTest::keyClick(panel->labelFilter(), Qt::Key_Down);  // the model's first label
        int firstLabel = 0;
        for (const ExamplePrediction& row : predictions.rows) firstLabel += row.trueLabel == 0 ? 1 : 0;
        QCOMPARE(table->model()->rowCount(), firstLabel);
        for (int row = 0; row < table->model()->rowCount(); ++row)
            QCOMPARE(table->model()->index(row, PredictionTableModel::TrueLabel).data().toString(),
                     predictions.labels[0]);
        QTest::keyClick(panel->labelFilter(), Qt::Key_Home);

        const QString word = predictions.rows[3].text.split(' ').front();
        QTest::keyClicks(panel->textFilter(), word);
        int containing = 0;
        for (const ExamplePrediction& row : predictions.rows)
            containing += row.text.contains(word, Qt::CaseInsensitive);
        QCOMPARE(table->model()->rowCount(), containing);
        QVERIFY(containing >= 1);

        QSignalSpy explain(&page, &RunsPage::openInSaliencyRequested);
        const QModelIndex first = table->model()->index(0, PredictionTableModel::Text);
        // A double-click is a click and then the double-click event, as a mouse sends them.
        QTest::mouseClick(table->viewport(), Qt::LeftButton, Qt::NoModifier,
                          table->visualRect(first).center());
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, Qt::NoModifier,
                           table->visualRect(first).center());
        QCOMPARE(explain.size(), 1);
        QCOMPARE(explain.front().at(0).toString(), finished_);
        QVERIFY(explain.front().at(1).toString().contains(word, Qt::CaseInsensitive));
    }

    void predictionsStopWhenCancelled() {
        QPromise<ExamplePredictions> promise;
        QFuture<ExamplePredictions> future = promise.future();
        promise.start();
        future.cancel();
        predictRunExamples(promise, finished_, PredictionSplit::Dev);
        promise.finish();
        QCOMPARE(future.resultCount(), 0);

        QPromise<ExamplePredictions> noTest;
        QFuture<ExamplePredictions> result = noTest.future();
        noTest.start();
        predictRunExamples(noTest, finished_, PredictionSplit::Test);
        noTest.finish();
        QCOMPARE(result.resultCount(), 1);
        QVERIFY2(result.result().error.contains("no test split"), qPrintable(result.result().error));
    }

    void replayAndOverlay() {
        RunsPage page;
        QSignalSpy shown(&page, &RunsPage::curvesShown);
        QSignalSpy failed(&page, &RunsPage::loadFailed);
        page.openRun(finished_);
        QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty() || !failed.isEmpty(), 10000);
        QVERIFY(failed.isEmpty());
        QCOMPARE(recentRuns().value(0), QDir::cleanPath(finished_));
        const int stepLines = static_cast<int>(records(finished_, "step").size());
        const int evalLines = static_cast<int>(records(finished_, "eval").size());
        QCOMPARE(stepLines, 6);
        QCOMPARE(evalLines, 2);
        LivePlot* loss = page.plots()->lossPlot();
        QCOMPARE(loss->seriesCount(), 4);  // total, clean, adversarial, JS
        QCOMPARE(loss->graph(0)->dataCount(), stepLines);
        const QJsonObject firstStep = records(finished_, "step").front();
        QCOMPARE(loss->graph(0)->data()->constBegin()->value, firstStep.value("loss").toDouble());
        QCOMPARE(page.plots()->metricsPlot()->graph(0)->dataCount(), evalLines);
        QVERIFY(page.plots()->maskPlot()->seriesCount() > 1);  // global and per layer

        shown.clear();
        page.compareRuns({finished_, stopped_});
        QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), 10000);
        QCOMPARE(loss->seriesCount(), 2);
        QCOMPARE(loss->graph(0)->name(), QString("finished-uegr"));
        QCOMPARE(loss->graph(1)->name(), QString("stopped-vanilla"));
        QCOMPARE(loss->graph(1)->dataCount(), static_cast<int>(records(stopped_, "step").size()));
        QVERIFY(loss->graph(0)->pen().color() != loss->graph(1)->pen().color());
        QCOMPARE(page.plots()->metricsPlot()->graph(0)->dataCount(), evalLines);

        page.openRun(broken_);
        QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 10000);
        QVERIFY2(failed.front().front().toString().contains("metrics.jsonl:1"),
                 qPrintable(failed.front().front().toString()));
        QCOMPARE(loss->seriesCount(), 2);  // the previous curves stay
    }

    void htmlAndPdfReport() {
        RunReport report = collectRunReport(finished_);
        QVERIFY(report.metricsError.isEmpty());
        QVERIFY2(report.dataset.has_value(), qPrintable(report.datasetError));
        QCOMPARE(report.dataset->rows, std::size_t(48));
        renderReportFigures(report);
        QVERIFY(report.figures.size() >= 2);

        QTemporaryDir out;
        const QString html = out.filePath("report.html");
        QCOMPARE(writeHtmlReport(report, html), QString());
        const QString text = QString::fromUtf8(readAll(html));
        QVERIFY(text.contains("<html>"));
        QVERIFY(text.contains("</html>"));
        QVERIFY(text.contains("<th align=\"left\">model.type</th><td>textcnn</td>"));
        QVERIFY(text.contains("<th align=\"left\">training.batch_size</th><td>12</td>"));
        QVERIFY(text.contains("<th align=\"left\">training.method</th><td>uegr</td>"));
        QVERIFY(text.contains(QString::number(report.overview.bestDev.accuracy, 'f', 4)));
        // Per-class results: a header row of the label names over the confusion matrix's columns.
        const std::vector<std::string>& labels = report.overview.bestDev.confusion.labels;
        QCOMPARE(labels.size(), std::size_t(2));
        QVERIFY(text.contains("<h2>Per-class results</h2>"));
        QVERIFY(
            text.contains(QString("<tr><th></th><th>%1</th><th>%2</th></tr>")
                              .arg(QString::fromStdString(labels[0]), QString::fromStdString(labels[1]))));
        QVERIFY(text.contains(QString("<tr><th align=\"left\">%1</th><td align=\"right\">%2</td>")
                                  .arg(QString::fromStdString(labels[0]))
                                  .arg(report.overview.bestDev.confusion.matrix.counts[0][0])));
        const QRegularExpression image(R"re(<img src="data:image/png;base64,([A-Za-z0-9+/=]+)")re");
        QRegularExpressionMatchIterator images = image.globalMatch(text);
        int count = 0;
        while (images.hasNext()) {
            const QByteArray png = QByteArray::fromBase64(images.next().captured(1).toLatin1());
            QVERIFY(png.startsWith("\x89PNG\r\n\x1a\n"));
            QImage decoded;
            QVERIFY(decoded.loadFromData(png, "PNG"));
            // The curves first, then the parameter saliency heatmap.
            const int curves = static_cast<int>(report.figures.size());
            QCOMPARE(decoded.size(), count < curves ? QSize(800, 360) : report.saliencyFigure->image.size());
            ++count;
        }
        QVERIFY(report.saliencyFigure.has_value());
        QVERIFY(report.saliencyFigure->image.width() == 800 && report.saliencyFigure->image.height() >= 360);
        QCOMPARE(count, static_cast<int>(report.figures.size()) + 1);

        // Token saliency: one coloured span per token of the first dev example, as the
        // tokenizer splits it (the tiny run lower-cases).
        QVERIFY2(report.saliencyError.isEmpty(), qPrintable(report.saliencyError));
        QVERIFY(text.contains("<h2>Saliency</h2>"));
        QCOMPARE(report.tokenSaliency.size(), std::size_t(3));
        const std::shared_ptr<SaliencySource> source = SaliencySource::open(finished_, DataConfig{});
        QCOMPARE(source->examplesSplit(), SaliencySource::Split::Dev);
        const std::size_t expectedTokens = tokenize(source->examples()[0].text.toStdString(), true).size();
        QVERIFY(expectedTokens > 0);
        const int firstTokens = static_cast<int>(text.indexOf("<p class=\"tokens\">"));
        QVERIFY(firstTokens > 0);
        const QString firstExample = text.mid(firstTokens, text.indexOf("</p>", firstTokens) - firstTokens);
        QCOMPARE(static_cast<std::size_t>(firstExample.count(QRegularExpression(
                     "<span style=\"background-color:#[0-9a-f]{6};color:#[0-9a-f]{6}\" title=\"[^\"]*\">"))),
                 expectedTokens);
        QVERIFY(text.contains("Predicted: " + report.tokenSaliency[0].predictedLabel +
                              "; true: " + source->examples()[0].trueLabel));

        const QString pdf = out.filePath("report.pdf");
        QCOMPARE(writePdfReport(report, pdf), QString());
        const QByteArray pdfBytes = readAll(pdf);
        QVERIFY(pdfBytes.startsWith("%PDF"));
        QVERIFY(pdfBytes.size() > 10000);  // the figures are in it
        QCOMPARE(filesUnder(out.path()), QStringList({"report.html", "report.pdf"}));  // no temporaries left

        RunReport broken = collectRunReport(broken_);
        renderReportFigures(broken);
        QVERIFY(!broken.metricsError.isEmpty());
        QVERIFY(reportHtml(broken, ReportImages::Embedded).contains("Problem:"));
        QVERIFY(!broken.hasModelBundle);
        QVERIFY(!reportHtml(broken, ReportImages::Embedded).contains("<h2>Saliency</h2>"));

        // A bundle that cannot be loaded: the section says why, the report is still written.
        QTemporaryDir corruptRun;  // outside the workspace, whose run count other tests check
        const QString corrupt = corruptRun.path();
        QVERIFY(QDir().mkpath(corrupt + "/model"));
        writeFile(corrupt + "/config.json", readAll(finished_ + "/config.json"));
        writeFile(corrupt + "/model/config.json", "{}");
        writeFile(corrupt + "/model/model.safetensors", "not a tensor file");
        RunReport unloadable = collectRunReport(corrupt);
        renderReportFigures(unloadable);
        QVERIFY(!unloadable.saliencyError.isEmpty());
        QVERIFY(!unloadable.saliencyFigure.has_value());
        const QString unloadableHtml = reportHtml(unloadable, ReportImages::Embedded);
        QVERIFY(unloadableHtml.contains("<h2>Saliency</h2>\n<p>Not available: "));
        QCOMPARE(writeHtmlReport(unloadable, out.filePath("unloadable.html")), QString());
    }

    void metricsCsvOfRun() {
        QTemporaryDir out;
        const QString path = out.filePath("metrics.csv");
        QCOMPARE(exportMetricsCsv(finished_, path), QString());
        QStringList lines = QString::fromUtf8(readAll(path)).split("\r\n");
        QCOMPARE(lines.takeLast(), QString());
        const QStringList header = lines.takeFirst().split(',');
        QCOMPARE(header.first(), QString("step"));
        for (const char* column :
             {"loss", "loss_clean", "loss_adv", "loss_js", "lr", "grad_norm", "dev_accuracy"})
            QVERIFY2(header.contains(column), column);
        const QList<QJsonObject> steps = records(finished_, "step");
        QCOMPARE(lines.size(), steps.size());
        const int lossColumn = static_cast<int>(header.indexOf("loss"));
        const int accuracyColumn = static_cast<int>(header.indexOf("dev_accuracy"));
        for (int i = 0; i < steps.size(); ++i) {
            const QStringList fields = lines[i].split(',');
            QCOMPARE(fields.size(), header.size());
            QCOMPARE(fields[0].toLongLong(), steps[i].value("step").toInteger());
            QCOMPARE(fields[lossColumn].toDouble(), steps[i].value("loss").toDouble());
        }
        const QJsonObject firstEval = records(finished_, "eval").front();
        QCOMPARE(lines[2].split(',')[accuracyColumn].toDouble(), firstEval.value("dev_accuracy").toDouble());
        QVERIFY(lines[0].split(',')[accuracyColumn].isEmpty());
        QVERIFY(!exportMetricsCsv(broken_, out.filePath("broken.csv")).isEmpty());
        QVERIFY(!QFile::exists(out.filePath("broken.csv")));
    }

    void modelBundleCopy() {
        QTemporaryDir out;
        const QString destination = suggestedBundleFolder(out.path(), finished_);
        QCOMPARE(QFileInfo(destination).fileName(), QString("finished-uegr-model"));
        QCOMPARE(exportModelBundle(finished_, destination), QString());
        const QStringList files = filesUnder(finished_ + "/model");
        QVERIFY(files.contains("model.safetensors"));
        QCOMPARE(filesUnder(destination), files);
        for (const QString& file : files)
            QCOMPARE(readAll(destination + "/" + file), readAll(finished_ + "/model/" + file));
        QVERIFY(!exportModelBundle(finished_, destination).isEmpty());  // exists: refused
        QCOMPARE(suggestedBundleFolder(out.path(), finished_), destination + "-2");
        QCOMPARE(QDir(out.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList({"finished-uegr-model"}));                        // no staging folder left
        QVERIFY(!exportModelBundle(broken_, out.filePath("none")).isEmpty());  // broken has no model/
    }

    void workspaceFoldersAndRecentRuns() {
        QTemporaryDir root;
        const QString first = createRunFolder(root.path(), "uegr");
        const QString second = createRunFolder(root.path(), "uegr");
        QVERIFY(QFileInfo(first).isDir());
        QVERIFY(QFileInfo(second).isDir());
        QVERIFY(first != second);
        QVERIFY(QFileInfo(first).fileName().endsWith("-uegr"));
        for (int i = 0; i < kMaxRecentRuns + 3; ++i) addRecentRun(root.filePath(QString::number(i)));
        addRecentRun(root.filePath("5"));
        const QStringList recent = recentRuns();
        QCOMPARE(recent.size(), kMaxRecentRuns);
        QCOMPARE(recent.front(), QDir::cleanPath(root.filePath("5")));
        QCOMPARE(recent.count(QDir::cleanPath(root.filePath("5"))), 1);
        QCOMPARE(recent[1], QDir::cleanPath(root.filePath(QString::number(kMaxRecentRuns + 2))));
    }

    // Runs in the workspace are recent runs even if none was opened yet.
    void recentRunsIncludeTheWorkspaceRuns() {
        QSettings().remove("runs/recent");
        MainWindow window;
        RunsPage& page = *window.runsPage();
        QSignalSpy scanned(&page, &RunsPage::scanned);
        page.setWorkspace(workspace_.path());
        QTRY_VERIFY_WITH_TIMEOUT(!scanned.isEmpty() && !page.isScanning(), 10000);
        auto* menu = window.findChild<QMenu*>("recentRunsMenu");
        QVERIFY(menu);
        Q_EMIT menu->aboutToShow();
        QStringList entries;
        for (QAction* action : menu->actions()) entries << action->text();
        QVERIFY2(entries.contains(QDir::toNativeSeparators(finished_)), qPrintable(entries.join('\n')));
        QVERIFY2(entries.contains(QDir::toNativeSeparators(stopped_)), qPrintable(entries.join('\n')));
        QVERIFY(!entries.contains("No recent runs"));
        // Opened runs come first.
        page.openRun(stopped_);
        QCOMPARE(page.recentRunFolders().front(), QDir::cleanPath(stopped_));
    }

    // About and the report state the same thread count, whichever thread asks.
    void runtimeThreadsAreOneTruth() {
        const int onGuiThread = queryRuntime().intraOpThreads;
        const int onWorker = QtConcurrent::run([] { return queryRuntime().intraOpThreads; }).result();
        QCOMPARE(onWorker, onGuiThread);
        QCOMPARE(onGuiThread, std::max(1, QThread::idealThreadCount()));
        AboutDialog about;
        const QString text = about.findChild<QLabel*>("aboutText")->text();
        QVERIFY2(text.contains(QStringLiteral("Threads:</td><td>%1<").arg(onGuiThread)), qPrintable(text));
    }

    // Last: it turns the stopped run into a finished one.
    void resumeStoppedRun() {
        TrainingSession session;
        QSignalSpy finished(&session, &TrainingSession::finished);
        QSignalSpy failed(&session, &TrainingSession::failed);
        QVERIFY(session.continueRun(stopped_));
        QVERIFY(!session.continueRun(stopped_));  // one job at a time
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() || !failed.isEmpty(), 60000);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.front().front().toString()));
        QCOMPARE(finished.front().front().toJsonObject().value("steps").toInteger(), 6);
        const RunOverview run = readRunOverview(stopped_.toStdString());
        QCOMPARE(run.status, RunStatus::Finished);
        QCOMPARE(static_cast<int>(records(stopped_, "step").size()), 6);  // steps 1-2 kept, 3-6 appended
    }

private:
    // The page on the test workspace, scanned and on screen, as the user finds it.
    void showWorkspace(RunsPage& page) {
        QSignalSpy scanned(&page, &RunsPage::scanned);
        page.setWorkspace(workspace_.path());
        QTRY_VERIFY_WITH_TIMEOUT(!scanned.isEmpty() && !page.isScanning(), 10000);
        page.resize(1000, 800);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
    }

    QTemporaryDir workspace_;
    QString finished_, stopped_, broken_;
};

QTEST_MAIN(TestRuns)
#include "test_runs.moc"
