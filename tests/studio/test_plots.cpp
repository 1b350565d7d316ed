// The live plots as a user meets them: the context menu's logarithmic y axis, the hover
// crosshair and its values, the x axis by step, epoch or wall time on the Training page and the
// Runs plots, the legend above the curves with a margin around them, and the JS loss on its own
// right-hand axis.
#include <QComboBox>
#include <QContextMenuEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QtTest/QtTest>

#include "live_plot.h"
#include "plot_crosshair.h"
#include "runs_plots.h"
#include "telemetry_buffer.h"
#include "training_page.h"
#include "training_session.h"

using namespace uegr::studio;

namespace {

uegr::StepTelemetry stepAt(std::int64_t step, std::optional<double> seconds, std::optional<double> epochs) {
    uegr::StepTelemetry telemetry;
    telemetry.step = step;
    telemetry.totalSteps = 4;
    telemetry.epoch = 1;
    telemetry.loss = 1.0 / static_cast<double>(step);
    telemetry.lossJs = 0.001 * static_cast<double>(step);
    telemetry.dropoutRates = {{"encoder", 0.1 * static_cast<double>(step)}};
    telemetry.elapsedSeconds = seconds;
    telemetry.epochProgress = epochs;
    return telemetry;
}

// Four steps 10 s apart, two per epoch.
TelemetryBatch timedSteps() {
    TelemetryBatch batch;
    for (int step = 1; step <= 4; ++step) batch.steps.push_back(stepAt(step, 10.0 * step, 0.5 * step));
    return batch;
}

QVector<double> keysOf(const QCPGraph& graph) {
    QVector<double> keys;
    for (auto point = graph.data()->constBegin(); point != graph.data()->constEnd(); ++point)
        keys << point->key;
    return keys;
}

// Selects the combo box's item `text` with the arrow keys, as a user tabbing through would.
void chooseWithKeyboard(QComboBox& combo, const QString& text) {
    const int target = combo.findText(text);
    QVERIFY2(target >= 0, qPrintable(text));
    combo.setFocus();
    while (combo.currentIndex() < target) QTest::keyClick(&combo, Qt::Key_Down);
    while (combo.currentIndex() > target) QTest::keyClick(&combo, Qt::Key_Up);
    QCOMPARE(combo.currentText(), text);
}

// Opens the plot's context menu and clicks its entry `text`.
void clickContextMenuEntry(LivePlot& plot, const QString& text) {
    const QPoint inside = plot.axisRect()->rect().center();
    QContextMenuEvent request(QContextMenuEvent::Mouse, inside, plot.mapToGlobal(inside));
    QApplication::sendEvent(&plot, &request);
    QMenu* menu = nullptr;
    QTRY_VERIFY((menu = qobject_cast<QMenu*>(QApplication::activePopupWidget())) != nullptr);
    QAction* entry = nullptr;
    for (QAction* action : menu->actions())
        if (action->text() == text) entry = action;
    QVERIFY2(entry, qPrintable(text));
    QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(entry).center());
    QTRY_VERIFY(!menu->isVisible());
}

void showPlot(QWidget& widget) {
    widget.resize(700, 450);
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
}

}  // namespace

class TestPlots : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // The context menu's "Logarithmic y axis" switches both y axes to a log scale with log
    // ticks; a zero value keeps the range positive. Choosing it again goes back to linear.
    void contextMenuTogglesALogarithmicYAxis() {
        LivePlot plot(QStringLiteral("step"), QStringLiteral("loss"));
        const int loss = plot.addSeries(QStringLiteral("loss"), Qt::blue);
        const QVector<double> values{0, 0.001, 0.1, 10};
        for (int i = 0; i < values.size(); ++i) plot.addPoint(loss, i + 1, values[i]);
        showPlot(plot);
        plot.resetView();
        plot.replot();
        QVERIFY(plot.yAxis->range().lower < 0);  // linear: zero with a margin below it

        clickContextMenuEntry(plot, QStringLiteral("Logarithmic y axis"));
        QCOMPARE(plot.yAxis->scaleType(), QCPAxis::stLogarithmic);
        QCOMPARE(plot.yAxis2->scaleType(), QCPAxis::stLogarithmic);
        QVERIFY(plot.yAxis->ticker().dynamicCast<QCPAxisTickerLog>());
        const QCPRange logRange = plot.yAxis->range();
        QVERIFY2(logRange.lower > 0 && logRange.lower < 0.001 && logRange.upper > 10,
                 qPrintable(QStringLiteral("%1..%2").arg(logRange.lower).arg(logRange.upper)));
        QVERIFY(plot.logarithmicY());

        clickContextMenuEntry(plot, QStringLiteral("Logarithmic y axis"));
        QCOMPARE(plot.yAxis->scaleType(), QCPAxis::stLinear);
        QVERIFY(!plot.yAxis->ticker().dynamicCast<QCPAxisTickerLog>());
        QVERIFY(plot.yAxis->range().lower < 0);
    }

    // Hovering shows a vertical line at the mouse with the value of each visible series' point
    // nearest to it, drawn on a buffered layer of its own; leaving the plot hides it.
    void hoverShowsTheNearestValues() {
        QWidget window;
        auto* plot = new LivePlot(QStringLiteral("step"), QStringLiteral("loss"));
        auto* beside = new QLabel(QStringLiteral("elsewhere"));
        beside->setMinimumWidth(150);
        auto* layout = new QHBoxLayout(&window);
        layout->addWidget(plot, 1);
        layout->addWidget(beside);
        const int total = plot->addSeries(QStringLiteral("total"), Qt::blue);
        const int clean = plot->addSeries(QStringLiteral("clean"), Qt::red);
        const int hidden = plot->addSeries(QStringLiteral("hidden"), Qt::green);
        for (int step = 1; step <= 10; ++step) {
            plot->addPoint(total, step, 0.25 * step);
            plot->addPoint(clean, step, 0.125 * step);
            plot->addPoint(hidden, step, 99);
        }
        plot->graph(hidden)->setVisible(false);
        showPlot(window);
        plot->resetView();
        plot->replot();
        PlotCrosshair& crosshair = *plot->crosshair();
        QVERIFY(!crosshair.isShown());
        const int y = plot->axisRect()->rect().center().y();

        QTest::mouseMove(plot, QPoint(plot->xAxis->coordToPixel(3.4), y));
        QTRY_VERIFY(crosshair.isShown());
        QStringList lines = crosshair.text().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 3);  // the x, then the visible series only
        QVERIFY2(lines[0].startsWith(QStringLiteral("step: 3.")), qPrintable(lines[0]));
        QCOMPARE(lines[1], QStringLiteral("total: 0.75"));
        QCOMPARE(lines[2], QStringLiteral("clean: 0.375"));

        QTest::mouseMove(plot, QPoint(plot->xAxis->coordToPixel(7.6), y));
        QTRY_COMPARE(crosshair.text().split(QLatin1Char('\n')).value(1), QStringLiteral("total: 2"));
        QCOMPARE(crosshair.text().split(QLatin1Char('\n')).value(2), QStringLiteral("clean: 1"));

        // Its own buffered layer, above the series, so following the mouse leaves them be.
        QCPLayer* layer = plot->layer(QStringLiteral("crosshair"));
        QVERIFY(layer);
        QCOMPARE(layer->mode(), QCPLayer::lmBuffered);
        QVERIFY(layer->index() > plot->graph(total)->layer()->index());

        QTest::mouseMove(beside, beside->rect().center());
        QTRY_VERIFY(!crosshair.isShown());
        QVERIFY(crosshair.text().isEmpty());
    }

    void nearestPointSearchesTheSortedKeys() {
        LivePlot plot(QStringLiteral("step"), QStringLiteral("loss"));
        const int series = plot.addSeries(QStringLiteral("s"), Qt::blue);
        QCOMPARE(nearestPoint(*plot.graph(series), 5), plot.graph(series)->data()->constEnd());
        plot.setSeries(series, {1, 2, 4, 8}, {10, 20, 40, 80});
        QCOMPARE(nearestPoint(*plot.graph(series), -3)->value, 10.0);
        QCOMPARE(nearestPoint(*plot.graph(series), 2.9)->value, 20.0);
        QCOMPARE(nearestPoint(*plot.graph(series), 3.1)->value, 40.0);
        QCOMPARE(nearestPoint(*plot.graph(series), 100)->value, 80.0);
    }

    // The Training page plots against step, fractional epoch or wall seconds, chosen in its
    // "X axis" box; the points already plotted move.
    void trainingPagePlotsAgainstStepEpochOrWallTime() {
        TrainingPage page;
        showPlot(page);
        Q_EMIT page.session().telemetry(timedSteps());
        LivePlot& loss = *page.lossPlot();
        const int total = loss.seriesIndex(QStringLiteral("total"));
        QCOMPARE(keysOf(*loss.graph(total)), (QVector<double>{1, 2, 3, 4}));
        QCOMPARE(loss.xAxis->label(), QStringLiteral("step"));

        auto* axisChoice = page.findChild<QComboBox*>(QStringLiteral("timeAxis"));
        QVERIFY(axisChoice);
        chooseWithKeyboard(*axisChoice, QStringLiteral("Wall time"));
        QCOMPARE(loss.xAxis->label(), QStringLiteral("wall time (s)"));
        QCOMPARE(keysOf(*loss.graph(total)), (QVector<double>{10, 20, 30, 40}));
        QCOMPARE(loss.xAxis->range().lower, 10.0);
        QCOMPARE(loss.xAxis->range().upper, 40.0);
        QCOMPARE(keysOf(*page.dropoutPlot()->graph(0)), (QVector<double>{10, 20, 30, 40}));

        chooseWithKeyboard(*axisChoice, QStringLiteral("Epoch"));
        QCOMPARE(loss.xAxis->label(), QStringLiteral("epoch"));
        QCOMPARE(keysOf(*loss.graph(total)), (QVector<double>{0.5, 1, 1.5, 2}));

        // New steps arrive at the x of the chosen axis.
        TelemetryBatch next;
        next.steps.push_back(stepAt(5, 50, 2.5));
        Q_EMIT page.session().telemetry(next);
        QCOMPARE(keysOf(*loss.graph(total)).last(), 2.5);
    }

    // A run logged before wall times and epochs were recorded falls back to steps.
    void recordsWithoutTimesFallBackToSteps() {
        TrainingPage page;
        auto* axisChoice = page.findChild<QComboBox*>(QStringLiteral("timeAxis"));
        QVERIFY(axisChoice);
        showPlot(page);
        chooseWithKeyboard(*axisChoice, QStringLiteral("Wall time"));
        TelemetryBatch old;
        for (int step = 1; step <= 3; ++step) old.steps.push_back(stepAt(step, std::nullopt, std::nullopt));
        Q_EMIT page.session().telemetry(old);
        LivePlot& loss = *page.lossPlot();
        QCOMPARE(keysOf(*loss.graph(loss.seriesIndex(QStringLiteral("total")))), (QVector<double>{1, 2, 3}));
        QCOMPARE(loss.xAxis->label(), QStringLiteral("step"));
    }

    // The Runs plots offer the same choice for a finished run.
    void runPlotsPlotAgainstWallTime() {
        RunPlots plots;
        showPlot(plots);
        uegr::RunMetrics metrics;
        metrics.steps = timedSteps().steps;
        uegr::EvalTelemetry eval;
        eval.step = 4;
        eval.accuracy = 0.5;
        metrics.evals.push_back(eval);
        plots.showRun(RunCurves{QStringLiteral("run"), metrics});
        auto* axisChoice = plots.findChild<QComboBox*>(QStringLiteral("runTimeAxis"));
        QVERIFY(axisChoice);
        chooseWithKeyboard(*axisChoice, QStringLiteral("Wall time"));
        QCOMPARE(plots.lossPlot()->xAxis->label(), QStringLiteral("wall time (s)"));
        QCOMPARE(plots.lossPlot()->xAxis->range().upper, 40.0);
        QCOMPARE(keysOf(*plots.metricsPlot()->graph(0)), (QVector<double>{40}));
    }

    // The legend sits above the axis rect, so it never covers a curve, and the values have a
    // margin: a dropout rate of 1 is not drawn on the frame.
    void legendAboveThePlotAndValuesWithAMargin() {
        LivePlot plot(QStringLiteral("step"), QStringLiteral("dropout rate"));
        const int rate = plot.addSeries(QStringLiteral("encoder"), Qt::blue);
        plot.setSeries(rate, {1, 2, 3}, {0, 0.5, 1});
        showPlot(plot);
        plot.resetView();
        plot.replot();
        QVERIFY(plot.legend->visible());
        const QRect legend = plot.legend->outerRect();
        const QRect axisRect = plot.axisRect()->outerRect();
        QVERIFY2(!legend.intersects(axisRect), qPrintable(QStringLiteral("legend bottom %1, axis rect top %2")
                                                              .arg(legend.bottom())
                                                              .arg(axisRect.top())));
        QVERIFY(legend.bottom() <= axisRect.top());
        QCOMPARE(plot.yAxis->range().lower, -0.05);
        QCOMPARE(plot.yAxis->range().upper, 1.05);
    }

    // The JS loss, tiny beside the others, has the right-hand y axis of the loss plots.
    void jsLossHasItsOwnRightAxis() {
        TrainingPage page;
        Q_EMIT page.session().telemetry(timedSteps());
        LivePlot& loss = *page.lossPlot();
        const QCPGraph& js = *loss.graph(loss.seriesIndex(QStringLiteral("JS")));
        QCOMPARE(js.valueAxis(), loss.yAxis2);
        QCOMPARE(loss.graph(loss.seriesIndex(QStringLiteral("JS (raw)")))->valueAxis(), loss.yAxis2);
        QCOMPARE(loss.graph(loss.seriesIndex(QStringLiteral("total")))->valueAxis(), loss.yAxis);
        QVERIFY(loss.yAxis2->visible());
        QCOMPARE(loss.yAxis2->label(), QStringLiteral("JS loss"));
        QVERIFY(loss.yAxis2->range().upper < 0.01);  // fitted to the JS values, not the total loss

        RunPlots plots;
        uegr::RunMetrics metrics;
        metrics.steps = timedSteps().steps;
        plots.showRun(RunCurves{QStringLiteral("run"), metrics});
        LivePlot& replay = *plots.lossPlot();
        QCOMPARE(replay.graph(replay.seriesIndex(QStringLiteral("JS")))->valueAxis(), replay.yAxis2);
        QVERIFY(replay.yAxis2->visible());
        plots.showOverlay({RunCurves{QStringLiteral("a"), metrics}, RunCurves{QStringLiteral("b"), metrics}});
        QVERIFY(!replay.yAxis2->visible());  // total losses only
    }
};

QTEST_MAIN(TestPlots)
#include "test_plots.moc"
