// Dataset and configuration pages, plots and smoothing: behaviour a user sees, with expected
// values worked out by hand from the fixtures.
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest/QtTest>
#include <nlohmann/json.hpp>

#include "config_form.h"
#include "config_page.h"
#include "config_presets.h"
#include "dataset_page.h"
#include "export_folder.h"
#include "label_distribution_chart.h"
#include "live_plot.h"
#include "raw_table_model.h"
#include "run_config_io.h"
#include "smoothing.h"
#include "util/install_paths.h"

using namespace uegr::studio;

namespace {

const QString kFixtures = QStringLiteral(UEGR_TEST_DATA_DIR "/studio");

// Every key changed from its default, to values the editors can represent exactly.
nlohmann::json nonDefaultConfig() {
    return nlohmann::json::parse(R"({
      "data": {"train": "/data/train.tsv", "dev": "/data/dev.tsv", "test": "/data/test.tsv", "format": "tsv",
               "text_column": "sentence", "pair_column": 2, "label_column": "gold", "max_length": 64,
               "dev_ratio": 0.25, "test_ratio": 0.05, "split_seed": 12345678901234, "skip_bad_rows": true,
               "lowercase": false, "min_count": 3, "max_vocab": 5000},
      "model": {"type": "transformer", "path": "/models/none", "embedding_dim": 96, "hidden_dim": 96,
                "num_layers": 3, "num_heads": 6, "ff_dim": 384, "kernel_sizes": [2, 3], "num_filters": 50,
                "dropout": 0.2},
      "training": {"method": "rdrop", "epochs": 7, "batch_size": 16, "lr": 0.00002, "weight_decay": 0.05,
                   "warmup_ratio": 0.2, "seed": 7, "device": "cpu", "threads": 2, "rdrop_alpha": 0.5,
                   "childtuning_batches": 12},
      "uegr": {"use_clean_loss": false, "adv_steps": 2, "adv_step_size": 0.1, "adv_max_norm": 0.5,
               "adv_scale": "absolute", "adv_init": "uniform", "adv_init_mag": 0.01, "passes": 4,
               "dropout_min": 0.1, "dropout_max": 0.4, "dropout_jitter": 0.5, "dropout_rule": "fixed",
               "importance_ema": 0.8, "lambda_adv": 0.5, "lambda_js": 2.0, "max_grad_norm": 5.0,
               "saliency": "fisher", "saliency_ema": 0.5, "mask_exempt": ["embeddings", "head"],
               "keep_ratio": 0.3, "mask_rank": "per_tensor", "mask_every": 2, "mask_warmup_ratio": 0.2,
               "mask_mode": "soft"},
      "eval": {"every_steps": 50, "batch_size": 128, "select_by": "macro_f1"},
      "output": {"dir": "/runs/x", "checkpoint_every_steps": 100, "keep_checkpoints": 3, "log_every_steps": 5,
                 "saliency_every_steps": 20}
    })");
}

}  // namespace

class TestPages : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void datasetPageShowsLabelsAndRejectedRows() {
        DatasetPage page;
        QSignalSpy loaded(&page, &DatasetPage::loaded);
        const QString file = kFixtures + QStringLiteral("/small.csv");
        page.openDataset(file);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(loaded.takeFirst().at(0).toString(), file);
        QCOMPARE(page.mapping().text.name, std::string("text"));
        QCOMPARE(page.mapping().label.name, std::string("label"));
        // Six data rows; line 5 has an empty text.
        QCOMPARE(page.statistics().rows, std::size_t(5));
        const std::vector<std::pair<std::string, std::size_t>> expected{{"neg", 2}, {"pos", 3}};
        QCOMPARE(page.statistics().labelCounts, expected);
        const QStringList problems = page.problems();
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.front().startsWith(file + QStringLiteral(":5: ")), qPrintable(problems.front()));

        auto* chart = page.findChild<LabelDistributionChart*>(QStringLiteral("labelChart"));
        QVERIFY(chart);
        QCOMPARE(chart->bars()->data()->size(), 2);
        QCOMPARE(chart->bars()->data()->at(0)->value, 2.0);
        QCOMPARE(chart->bars()->data()->at(1)->value, 3.0);

        // Double-clicking the problem selects its row (source line 5) in the preview.
        auto* list = page.findChild<QListWidget*>(QStringLiteral("datasetProblems"));
        auto* preview = page.findChild<QTableView*>(QStringLiteral("datasetPreview"));
        QVERIFY(list && preview);
        // The text gets the width, not the label.
        QCOMPARE(preview->horizontalHeader()->sectionResizeMode(0), QHeaderView::Stretch);
        QCOMPARE(preview->horizontalHeader()->sectionResizeMode(1), QHeaderView::ResizeToContents);
        Q_EMIT list->itemDoubleClicked(list->item(0));
        const QModelIndexList selected = preview->selectionModel()->selectedRows();
        QCOMPARE(selected.size(), 1);
        QCOMPARE(preview->model()->headerData(selected.front().row(), Qt::Vertical).toULongLong(), 5ULL);
    }

    void datasetPageReportsUnreadableFile() {
        DatasetPage page;
        QSignalSpy failed(&page, &DatasetPage::loadFailed);
        page.openDataset(kFixtures + QStringLiteral("/does-not-exist.csv"));
        QVERIFY(failed.wait(10000));
        QVERIFY(failed.takeFirst().at(0).toString().contains(QStringLiteral("does-not-exist.csv")));
        QCOMPARE(page.problems().size(), 1);
    }

    void datasetPageCountsEachRejectedRowOnce() {
        DatasetPage page;
        QSignalSpy loaded(&page, &DatasetPage::loaded);
        page.openDataset(kFixtures + QStringLiteral("/two_bad_lines.csv"));
        QVERIFY(loaded.wait(10000));
        QCOMPARE(page.problems().size(), 2);
        const QString summary = page.findChild<QLabel*>(QStringLiteral("datasetSummary"))->text();
        QVERIFY2(summary.contains(QStringLiteral(", 2 rejected rows")), qPrintable(summary));
    }

    // Nothing to train on, or nothing to tell apart: the file must not become the training file.
    void datasetPageRefusesUnusableFiles_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("reason");
        QTest::newRow("no usable row") << "empty_texts.csv"
                                       << "no usable rows";
        QTest::newRow("one label") << "one_label.csv"
                                   << "at least two labels";
    }

    void datasetPageRefusesUnusableFiles() {
        QFETCH(QString, file);
        QFETCH(QString, reason);
        ConfigPage config;
        DatasetPage page;
        connect(&page, &DatasetPage::loaded, &config,
                [&](const QString& path) { config.useDataset(path, page.mapping()); });
        QSignalSpy loaded(&page, &DatasetPage::loaded);
        QSignalSpy failed(&page, &DatasetPage::loadFailed);
        page.openDataset(kFixtures + QLatin1Char('/') + file);
        QVERIFY(failed.wait(10000));
        QVERIFY2(failed.first().at(0).toString().contains(reason),
                 qPrintable(failed.first().at(0).toString()));
        QVERIFY(loaded.isEmpty());
        const QString summary = page.findChild<QLabel*>(QStringLiteral("datasetSummary"))->text();
        QVERIFY2(summary.contains(QStringLiteral("cannot be used for training")), qPrintable(summary));
        QVERIFY(config.config().data.train.empty());  // still the previous (demo) dataset
    }

    void datasetPageDecodesTheChosenEncoding() {
        DatasetPage page;
        QSignalSpy loaded(&page, &DatasetPage::loaded);
        QSignalSpy failed(&page, &DatasetPage::loadFailed);
        const QString file = kFixtures + QStringLiteral("/windows1252.csv");
        page.openDataset(file);
        QVERIFY(failed.wait(10000));  // as UTF-8, three of four rows are rejected
        QCOMPARE(page.problems().size(), 3);

        auto* encoding = page.findChild<QComboBox*>(QStringLiteral("datasetEncoding"));
        QVERIFY(encoding);
        encoding->setCurrentIndex(encoding->findText(QStringLiteral("Windows-1252")));
        QVERIFY(loaded.wait(10000));
        QVERIFY(page.problems().isEmpty());
        QCOMPARE(page.statistics().rows, std::size_t(4));
        const QString trainingFile = loaded.first().at(0).toString();
        QVERIFY(trainingFile != file);
        QCOMPARE(page.trainingFile(), trainingFile);
        QCOMPARE(page.fileName(), file);
        auto* preview = page.findChild<QTableView*>(QStringLiteral("datasetPreview"));
        QCOMPARE(preview->model()->index(0, 0).data().toString(), QStringLiteral("café au lait"));
        QCOMPARE(preview->model()->index(2, 0).data().toString(), QStringLiteral("“quoted” € price"));
        // Training reads the copy, which core reads as UTF-8 without rejecting a row.
        const uegr::RawTable copy = uegr::readTable(trainingFile.toStdString(), "auto", false);
        QCOMPARE(copy.rows.size(), std::size_t(4));

        encoding->setCurrentIndex(encoding->findText(QStringLiteral("Latin-1 (ISO 8859-1)")));
        QVERIFY(loaded.wait(10000));
        QCOMPARE(preview->model()->index(1, 0).data().toString(), QStringLiteral("naïve plot"));
    }

    void rawTableModelShowsSourceLines() {
        RawTableModel model;
        model.setTable(std::make_shared<const uegr::RawTable>(
            uegr::readTable((kFixtures + QStringLiteral("/small.csv")).toStdString(), "auto", true)));
        QCOMPARE(model.columnCount(), 2);
        QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("text"));
        QCOMPARE(model.data(model.index(2, 0)).toString(), QStringLiteral("great, really great"));
        QCOMPARE(model.headerData(2, Qt::Vertical).toULongLong(), 4ULL);
    }

    void configFormRoundTripsEveryKey() {
        const uegr::RunConfig original = uegr::parseRunConfig(nonDefaultConfig(), "test");
        ConfigPage page;
        page.setConfig(original, QStringLiteral("test"));
        // The form holds only what its editors show: read it back through a second form.
        ConfigForm copy;
        copy.setConfig(page.config());
        const nlohmann::json expected = uegr::toJson(original);
        const nlohmann::json actual = uegr::toJson(copy.config());
        QVERIFY2(expected == actual, (expected.dump(1) + "\n!=\n" + actual.dump(1)).c_str());
        // Every key of the document has an editor.
        int keys = 0;
        for (const auto& section : expected.items())
            for (const auto& entry : section.value().items()) {
                ++keys;
                const QString key = QString::fromStdString(section.key() + "." + entry.key());
                QVERIFY2(copy.editor(key), qPrintable(key));
            }
        QCOMPARE(copy.fieldCount(), keys);
        QVERIFY(page.validationError().isEmpty());
    }

    void configSavesAndLoadsJson() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("run.json"));
        ConfigPage page;
        page.setConfig(uegr::parseRunConfig(nonDefaultConfig(), "test"), QStringLiteral("test"));
        QCOMPARE(page.saveConfig(path), QString());
        ConfigPage other;
        QCOMPARE(other.openConfig(path), QString());
        QCOMPARE(runConfigToJsonText(other.config()), runConfigToJsonText(page.config()));
        QCOMPARE(other.fileName(), path);

        QFile broken(dir.filePath(QStringLiteral("broken.json")));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("{\n  \"uegr\": {\"passes\": 99}\n}\n");
        broken.close();
        const QString error = other.openConfig(broken.fileName());
        QVERIFY2(error.contains(QStringLiteral("uegr.passes")), qPrintable(error));
        QCOMPARE(other.fileName(), path);  // unchanged after a failed load
    }

    void undoRedoEdits() {
        ConfigPage page;
        auto* passes = qobject_cast<QSpinBox*>(page.form().editor(QStringLiteral("uegr.passes")));
        QVERIFY(passes);
        QCOMPARE(passes->maximum(), 16);
        passes->setValue(5);
        passes->setValue(6);  // a second committed edit of the same field: its own step
        auto* lambdaJs = qobject_cast<QDoubleSpinBox*>(page.form().editor(QStringLiteral("uegr.lambda_js")));
        lambdaJs->setValue(0.5);
        QCOMPARE(page.undoStack()->count(), 3);
        QCOMPARE(page.config().uegr.passes, 6);
        page.undoStack()->undo();
        QCOMPARE(page.config().uegr.lambdaJs, 1.0);
        page.undoStack()->undo();
        QCOMPARE(page.config().uegr.passes, 5);
        page.undoStack()->undo();
        QCOMPARE(page.config().uegr.passes, 3);
        page.undoStack()->redo();
        QCOMPARE(passes->value(), 5);
        QCOMPARE(page.undoStack()->count(), 3);
    }

    void presetsAreUndoable() {
        ConfigPage page;
        page.setConfig(applyPreset(page.config(), Preset::ChildTuningD), QStringLiteral("preset"));
        QCOMPARE(page.config().training.method, std::string("childtuning_d"));
        QCOMPARE(page.config().uegr.maskMode, std::string("soft"));
        page.setConfig(applyPreset(page.config(), Preset::RDrop), QStringLiteral("preset"));
        QCOMPARE(page.config().training.method, std::string("rdrop"));
        QCOMPARE(page.config().uegr.maskMode, std::string("hard"));
        page.undoStack()->undo();
        QCOMPARE(page.config().training.method, std::string("childtuning_d"));
    }

    void crossKeyRuleIsReported() {
        ConfigPage page;
        qobject_cast<QDoubleSpinBox*>(page.form().editor(QStringLiteral("uegr.dropout_max")))->setValue(0.01);
        QVERIFY2(page.validationError().contains(QStringLiteral("uegr.dropout_max")),
                 qPrintable(page.validationError()));
        page.undoStack()->undo();
        QVERIFY(page.validationError().isEmpty());
    }

    void datasetMappingReachesConfig() {
        ConfigPage page;
        uegr::ColumnMapping mapping{{"sentence", -1}, {}, {"", 3}};
        page.useDataset(kFixtures + QStringLiteral("/small.csv"), mapping);
        QCOMPARE(QString::fromStdString(page.config().data.train), kFixtures + QStringLiteral("/small.csv"));
        QCOMPARE(page.config().data.textColumn.name, std::string("sentence"));
        QCOMPARE(page.config().data.labelColumn.index, 3);
        page.useDataset(QString::fromStdString(uegr::demoDataDirectory() + "/train.csv"), mapping);
        QVERIFY(page.config().data.train.empty());  // the demo stays the implicit default
    }

    void debiasedEmaMatchesHandComputation() {
        // beta 0.5: s1 = 0.5*2 = 1 -> 1/(1-0.5) = 2; s2 = 0.5*1 + 0.5*4 = 2.5 -> 2.5/0.75 = 3.3333
        const QVector<double> smoothed = debiasedEma({2, 4, 4}, 0.5);
        QCOMPARE(smoothed.size(), 3);
        QCOMPARE(smoothed[0], 2.0);
        QVERIFY(qAbs(smoothed[1] - 10.0 / 3.0) < 1e-12);
        // s3 = 0.5*2.5 + 0.5*4 = 3.25 -> 3.25/0.875
        QVERIFY(qAbs(smoothed[2] - 3.25 / 0.875) < 1e-12);
        QCOMPARE(debiasedEma({1, 5}, 0.0), (QVector<double>{1, 5}));
    }

    // One evaluation (a 1-epoch run) must be visible: a marker, and axes around the point.
    void livePlotShowsALonePoint() {
        LivePlot plot(QStringLiteral("step"), QStringLiteral("dev metric"));
        const int accuracy = plot.addSeries(QStringLiteral("accuracy"), Qt::blue);
        plot.addPoint(accuracy, 13, 0.55);
        plot.resetView();
        QVERIFY(!plot.graph(accuracy)->scatterStyle().isNone());
        const QCPRange values = plot.yAxis->range();
        QVERIFY2(values.contains(0.55) && values.size() <= 0.2,
                 qPrintable(QStringLiteral("%1..%2").arg(values.lower).arg(values.upper)));
        QVERIFY(!(values.lower == -2 && values.upper == 2));
        const QCPRange keys = plot.xAxis->range();
        QVERIFY2(keys.contains(13) && keys.size() <= 4,
                 qPrintable(QStringLiteral("%1..%2").arg(keys.lower).arg(keys.upper)));

        // A second point makes a line: the marker was only there because a line needs two.
        plot.addPoint(accuracy, 26, 0.75);
        plot.refresh();
        QVERIFY(plot.graph(accuracy)->scatterStyle().isNone());
        QVERIFY(plot.yAxis->range().contains(0.55) && plot.yAxis->range().contains(0.75));
    }

    // Steps count: a short run's axis ticks only at whole steps; an empty plot has no legend box.
    void livePlotTicksWholeStepsAndHidesAnEmptyLegend() {
        LivePlot plot(QStringLiteral("step"), QStringLiteral("loss"));
        plot.setWholeNumberKeys();
        plot.resize(600, 300);
        plot.resetView();
        QVERIFY(!plot.legend->visible());
        const int loss = plot.addSeries(QStringLiteral("loss"), Qt::blue);
        for (int step = 1; step <= 3; ++step) plot.addPoint(loss, step, 1.0 / step);
        plot.resetView();
        plot.replot();
        QVERIFY(plot.legend->visible());
        QVector<double> ticks;
        QVector<QString> labels;
        plot.xAxis->ticker()->generate(plot.xAxis->range(), plot.locale(), QLatin1Char('f'), 0, ticks,
                                       nullptr, &labels);
        QVERIFY(ticks.size() >= 2);
        for (const double tick : ticks) QVERIFY2(tick == std::round(tick), qPrintable(QString::number(tick)));
    }

    // Export dialogs start where the last export went, across sessions; home before any.
    void exportDialogsStartInTheLastExportFolder() {
        QSettings().remove(QStringLiteral("exportFolder"));
        QCOMPARE(exportFolder(), QDir::homePath());
        QTemporaryDir dir;
        rememberExportFolder(dir.filePath(QStringLiteral("report.pdf")), false);
        QCOMPARE(exportFolder(), dir.path());
        QCOMPARE(exportPath(QStringLiteral("loss.png")), dir.filePath(QStringLiteral("loss.png")));
        rememberExportFolder(QString(), false);  // a cancelled dialog changes nothing
        QCOMPARE(exportFolder(), dir.path());
        const QString sub = dir.filePath(QStringLiteral("bundles"));
        QVERIFY(QDir().mkpath(sub));
        rememberExportFolder(sub, true);
        QCOMPARE(exportFolder(), sub);
        QVERIFY(QDir(sub).removeRecursively());
        QCOMPARE(exportFolder(), QDir::homePath());  // a folder that is gone is not offered
    }

    void livePlotExportsAndToggles() {
        LivePlot plot(QStringLiteral("step"), QStringLiteral("loss"));
        const int total = plot.addSeries(QStringLiteral("total"), Qt::blue);
        const int raw = plot.addBackgroundSeries(total);
        plot.addPoint(total, 1, 0.5);
        plot.addPoint(total, 2, 0.25);
        plot.addPoint(raw, 1, 0.75);
        QCOMPARE(plot.seriesIndex(QStringLiteral("total")), total);
        QCOMPARE(plot.seriesIndex(QStringLiteral("total (raw)")), raw);

        QTemporaryDir dir;
        const QString csvPath = dir.filePath(QStringLiteral("plot.csv"));
        QVERIFY(plot.exportCsv(csvPath));
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QCOMPARE(
            QString::fromUtf8(csv.readAll()),
            QStringLiteral("series,step,loss\n\"total\",1,0.5\n\"total\",2,0.25\n\"total (raw)\",1,0.75\n"));
        plot.resize(400, 300);
        QVERIFY(plot.exportPng(dir.filePath(QStringLiteral("plot.png"))));
        QVERIFY(QImage(dir.filePath(QStringLiteral("plot.png"))).width() > 0);
        QVERIFY(plot.exportPdf(dir.filePath(QStringLiteral("plot.pdf"))));
        QVERIFY(QFileInfo(dir.filePath(QStringLiteral("plot.pdf"))).size() > 0);

        // Clicking the legend entry hides the series and its faint raw copy.
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        plot.replot();
        QCPAbstractLegendItem* entry = plot.legend->itemWithPlottable(plot.graph(total));
        QVERIFY(entry);
        QTest::mouseClick(&plot, Qt::LeftButton, {}, entry->rect().center());
        QVERIFY(!plot.graph(total)->visible());
        QVERIFY(!plot.graph(raw)->visible());
    }
};

QTEST_MAIN(TestPages)
#include "test_pages.moc"
