#include "runs_plots.h"

#include <QComboBox>
#include <map>

#include "live_plot.h"
#include "series_colours.h"

namespace uegr::studio {
namespace {

using Points = std::pair<QVector<double>, QVector<double>>;

void addSeries(LivePlot& plot, const QString& name, int colour, const Points& points) {
    plot.setSeries(plot.addSeries(name, seriesColour(colour)), points.first, points.second);
}

StepTimeline timelineOf(const RunMetrics& metrics, TimeAxis axis) {
    StepTimeline timeline;
    timeline.setAxis(axis);
    for (const StepTelemetry& step : metrics.steps) timeline.record(step);
    return timeline;
}

template <typename Record, typename Value>
Points collect(const std::vector<Record>& records, const StepTimeline& timeline, Value value) {
    Points points;
    points.first.reserve(static_cast<int>(records.size()));
    points.second.reserve(static_cast<int>(records.size()));
    for (const Record& record : records) {
        points.first << timeline.x(record.step);
        points.second << value(record);
    }
    return points;
}

// The axis label and ticks of the x the runs were plotted against (steps when a run lacks the
// chosen axis, see step_timeline.h).
void labelKeys(LivePlot& plot, const StepTimeline& timeline) {
    plot.xAxis->setLabel(timeline.axisLabel());
    plot.setWholeNumberKeys(timeline.effectiveAxis() == TimeAxis::Step);
}

StepTimeline overlayTimeline(const std::vector<RunCurves>& runs, TimeAxis axis) {
    StepTimeline all;
    all.setAxis(axis);
    for (const RunCurves& run : runs)
        for (const StepTelemetry& step : run.metrics.steps) all.record(step);
    return all;
}

// Each run against its own timeline, or all by step when one lacks the chosen axis.
StepTimeline runTimeline(const RunCurves& run, const StepTimeline& overlay, TimeAxis axis) {
    return timelineOf(run.metrics, overlay.effectiveAxis() == TimeAxis::Step ? TimeAxis::Step : axis);
}

// Per-layer or per-site values, in order of first appearance so colours stay put across runs.
void addNamedSeries(LivePlot& plot, const std::vector<StepTelemetry>& steps, const StepTimeline& timeline,
                    NamedValues StepTelemetry::*member, int firstColour) {
    std::vector<QString> order;
    std::map<QString, Points> series;
    for (const StepTelemetry& step : steps) {
        for (const auto& [name, value] : step.*member) {
            const QString key = QString::fromStdString(name);
            auto found = series.find(key);
            if (found == series.end()) {
                order.push_back(key);
                found = series.emplace(key, Points()).first;
            }
            found->second.first << timeline.x(step.step);
            found->second.second << value;
        }
    }
    for (std::size_t i = 0; i < order.size(); ++i)
        addSeries(plot, order[i], firstColour + static_cast<int>(i), series[order[i]]);
}

}  // namespace

void plotLosses(LivePlot& plot, const RunMetrics& metrics, TimeAxis axis) {
    plot.clearSeries();
    const StepTimeline timeline = timelineOf(metrics, axis);
    labelKeys(plot, timeline);
    addSeries(plot, RunPlots::tr("total"), 0,
              collect(metrics.steps, timeline, [](const StepTelemetry& s) { return s.loss; }));
    addSeries(plot, RunPlots::tr("clean"), 1,
              collect(metrics.steps, timeline, [](const StepTelemetry& s) { return s.lossClean; }));
    addSeries(plot, RunPlots::tr("adversarial"), 2,
              collect(metrics.steps, timeline, [](const StepTelemetry& s) { return s.lossAdv; }));
    addSeries(plot, RunPlots::tr("JS"), 3,
              collect(metrics.steps, timeline, [](const StepTelemetry& s) { return s.lossJs; }));
    plot.moveToRightAxis(plot.seriesCount() - 1, RunPlots::tr("JS loss"));
}

void plotDevMetrics(LivePlot& plot, const RunMetrics& metrics, TimeAxis axis) {
    plot.clearSeries();
    const StepTimeline timeline = timelineOf(metrics, axis);
    labelKeys(plot, timeline);
    addSeries(plot, RunPlots::tr("accuracy"), 0,
              collect(metrics.evals, timeline, [](const EvalTelemetry& e) { return e.accuracy; }));
    addSeries(plot, RunPlots::tr("macro-F1"), 1,
              collect(metrics.evals, timeline, [](const EvalTelemetry& e) { return e.macroF1; }));
    addSeries(plot, RunPlots::tr("MCC"), 2,
              collect(metrics.evals, timeline, [](const EvalTelemetry& e) { return e.mcc; }));
    if (metrics.robustness.empty()) return;
    const Points underAttack = collect(metrics.robustness, timeline,
                                       [](const RobustnessTelemetry& r) { return r.accuracyUnderAttack; });
    plot.setSeries(plot.addSparseSeries(RunPlots::tr("accuracy under attack"), seriesColour(3)),
                   underAttack.first, underAttack.second);
}

void plotMaskDensity(LivePlot& plot, const RunMetrics& metrics, TimeAxis axis) {
    plot.clearSeries();
    const StepTimeline timeline = timelineOf(metrics, axis);
    labelKeys(plot, timeline);
    addSeries(plot, RunPlots::tr("global"), 0,
              collect(metrics.steps, timeline, [](const StepTelemetry& s) { return s.maskDensityGlobal; }));
    addNamedSeries(plot, metrics.steps, timeline, &StepTelemetry::maskDensity, 1);
}

void plotDropoutRates(LivePlot& plot, const RunMetrics& metrics, TimeAxis axis) {
    plot.clearSeries();
    const StepTimeline timeline = timelineOf(metrics, axis);
    labelKeys(plot, timeline);
    addNamedSeries(plot, metrics.steps, timeline, &StepTelemetry::dropoutRates, 0);
}

namespace {

template <typename Records, typename Value>
void overlay(LivePlot& plot, const std::vector<RunCurves>& runs, TimeAxis axis, Records records,
             Value value) {
    plot.clearSeries();
    const StepTimeline all = overlayTimeline(runs, axis);
    labelKeys(plot, all);
    for (std::size_t i = 0; i < runs.size(); ++i)
        addSeries(plot, runs[i].name, static_cast<int>(i),
                  collect(runs[i].metrics.*records, runTimeline(runs[i], all, axis), value));
}

}  // namespace

void overlayLoss(LivePlot& plot, const std::vector<RunCurves>& runs, TimeAxis axis) {
    overlay(plot, runs, axis, &RunMetrics::steps, [](const StepTelemetry& s) { return s.loss; });
}

void overlayDevAccuracy(LivePlot& plot, const std::vector<RunCurves>& runs, TimeAxis axis) {
    overlay(plot, runs, axis, &RunMetrics::evals, [](const EvalTelemetry& e) { return e.accuracy; });
}

void overlayMaskDensity(LivePlot& plot, const std::vector<RunCurves>& runs, TimeAxis axis) {
    overlay(plot, runs, axis, &RunMetrics::steps, [](const StepTelemetry& s) { return s.maskDensityGlobal; });
}

RunPlots::RunPlots(QWidget* parent)
    : QTabWidget(parent),
      lossPlot_(new LivePlot(tr("step"), tr("loss"))),
      metricsPlot_(new LivePlot(tr("step"), tr("dev metric"))),
      maskPlot_(new LivePlot(tr("step"), tr("kept fraction"))),
      dropoutPlot_(new LivePlot(tr("step"), tr("dropout rate"))),
      timeAxis_(new QComboBox(this)) {
    lossPlot_->setObjectName(QStringLiteral("runLossPlot"));
    metricsPlot_->setObjectName(QStringLiteral("runMetricsPlot"));
    maskPlot_->setObjectName(QStringLiteral("runMaskPlot"));
    dropoutPlot_->setObjectName(QStringLiteral("runDropoutPlot"));
    for (LivePlot* plot : {lossPlot_, metricsPlot_, maskPlot_, dropoutPlot_}) plot->setWholeNumberKeys();
    addTab(lossPlot_, tr("Losses"));
    addTab(metricsPlot_, tr("Dev metrics"));
    addTab(maskPlot_, tr("Mask density"));
    addTab(dropoutPlot_, tr("Dropout rates"));
    timeAxis_->setObjectName(QStringLiteral("runTimeAxis"));
    StepTimeline::addAxisChoices(*timeAxis_);
    setCornerWidget(timeAxis_, Qt::TopRightCorner);
    connect(timeAxis_, &QComboBox::currentIndexChanged, this, &RunPlots::plotShown);
}

void RunPlots::showRun(const RunCurves& run) {
    shown_ = {run};
    overlay_ = false;
    plotShown();
}

void RunPlots::showOverlay(const std::vector<RunCurves>& runs) {
    shown_ = runs;
    overlay_ = true;
    plotShown();
}

void RunPlots::plotShown() {
    const auto axis = static_cast<TimeAxis>(timeAxis_->currentData().toInt());
    if (shown_.empty()) return clear();
    if (!overlay_) {
        const RunMetrics& metrics = shown_.front().metrics;
        plotLosses(*lossPlot_, metrics, axis);
        plotDevMetrics(*metricsPlot_, metrics, axis);
        plotMaskDensity(*maskPlot_, metrics, axis);
        plotDropoutRates(*dropoutPlot_, metrics, axis);
        lossPlot_->yAxis->setLabel(tr("loss"));
        metricsPlot_->yAxis->setLabel(tr("dev metric"));
        setTabText(indexOf(metricsPlot_), tr("Dev metrics"));
        setTabEnabled(indexOf(dropoutPlot_), true);
        return finish();
    }
    overlayLoss(*lossPlot_, shown_, axis);
    overlayDevAccuracy(*metricsPlot_, shown_, axis);
    overlayMaskDensity(*maskPlot_, shown_, axis);
    dropoutPlot_->clearSeries();
    lossPlot_->yAxis->setLabel(tr("total loss"));
    metricsPlot_->yAxis->setLabel(tr("dev accuracy"));
    setTabText(indexOf(metricsPlot_), tr("Dev accuracy"));
    // Per-site dropout rates of several runs in one plot are unreadable.
    setTabEnabled(indexOf(dropoutPlot_), false);
    finish();
}

void RunPlots::clear() {
    shown_.clear();
    for (LivePlot* plot : {lossPlot_, metricsPlot_, maskPlot_, dropoutPlot_}) plot->clearSeries();
    finish();
}

void RunPlots::finish() {
    for (LivePlot* plot : {lossPlot_, metricsPlot_, maskPlot_, dropoutPlot_}) plot->resetView();
}

}  // namespace uegr::studio
