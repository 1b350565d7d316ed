#include "runs_plots.h"

#include <map>

#include "live_plot.h"
#include "series_colours.h"

namespace uegr::studio {
namespace {

using Points = std::pair<QVector<double>, QVector<double>>;

void addSeries(LivePlot& plot, const QString& name, int colour, const Points& points) {
    plot.setSeries(plot.addSeries(name, seriesColour(colour)), points.first, points.second);
}

template <typename Record, typename Value>
Points collect(const std::vector<Record>& records, Value value) {
    Points points;
    points.first.reserve(static_cast<int>(records.size()));
    points.second.reserve(static_cast<int>(records.size()));
    for (const Record& record : records) {
        points.first << static_cast<double>(record.step);
        points.second << value(record);
    }
    return points;
}

// Per-layer or per-site values, in order of first appearance so colours stay put across runs.
void addNamedSeries(LivePlot& plot, const std::vector<StepTelemetry>& steps,
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
            found->second.first << static_cast<double>(step.step);
            found->second.second << value;
        }
    }
    for (std::size_t i = 0; i < order.size(); ++i)
        addSeries(plot, order[i], firstColour + static_cast<int>(i), series[order[i]]);
}

}  // namespace

void plotLosses(LivePlot& plot, const RunMetrics& metrics) {
    plot.clearSeries();
    addSeries(plot, RunPlots::tr("total"), 0,
              collect(metrics.steps, [](const StepTelemetry& s) { return s.loss; }));
    addSeries(plot, RunPlots::tr("clean"), 1,
              collect(metrics.steps, [](const StepTelemetry& s) { return s.lossClean; }));
    addSeries(plot, RunPlots::tr("adversarial"), 2,
              collect(metrics.steps, [](const StepTelemetry& s) { return s.lossAdv; }));
    addSeries(plot, RunPlots::tr("JS"), 3,
              collect(metrics.steps, [](const StepTelemetry& s) { return s.lossJs; }));
}

void plotDevMetrics(LivePlot& plot, const RunMetrics& metrics) {
    plot.clearSeries();
    addSeries(plot, RunPlots::tr("accuracy"), 0,
              collect(metrics.evals, [](const EvalTelemetry& e) { return e.accuracy; }));
    addSeries(plot, RunPlots::tr("macro-F1"), 1,
              collect(metrics.evals, [](const EvalTelemetry& e) { return e.macroF1; }));
    addSeries(plot, RunPlots::tr("MCC"), 2,
              collect(metrics.evals, [](const EvalTelemetry& e) { return e.mcc; }));
    if (metrics.robustness.empty()) return;
    const Points underAttack =
        collect(metrics.robustness, [](const RobustnessTelemetry& r) { return r.accuracyUnderAttack; });
    plot.setSeries(plot.addSparseSeries(RunPlots::tr("accuracy under attack"), seriesColour(3)),
                   underAttack.first, underAttack.second);
}

void plotMaskDensity(LivePlot& plot, const RunMetrics& metrics) {
    plot.clearSeries();
    addSeries(plot, RunPlots::tr("global"), 0,
              collect(metrics.steps, [](const StepTelemetry& s) { return s.maskDensityGlobal; }));
    addNamedSeries(plot, metrics.steps, &StepTelemetry::maskDensity, 1);
}

void plotDropoutRates(LivePlot& plot, const RunMetrics& metrics) {
    plot.clearSeries();
    addNamedSeries(plot, metrics.steps, &StepTelemetry::dropoutRates, 0);
}

void overlayLoss(LivePlot& plot, const std::vector<RunCurves>& runs) {
    plot.clearSeries();
    for (std::size_t i = 0; i < runs.size(); ++i)
        addSeries(plot, runs[i].name, static_cast<int>(i),
                  collect(runs[i].metrics.steps, [](const StepTelemetry& s) { return s.loss; }));
}

void overlayDevAccuracy(LivePlot& plot, const std::vector<RunCurves>& runs) {
    plot.clearSeries();
    for (std::size_t i = 0; i < runs.size(); ++i)
        addSeries(plot, runs[i].name, static_cast<int>(i),
                  collect(runs[i].metrics.evals, [](const EvalTelemetry& e) { return e.accuracy; }));
}

void overlayMaskDensity(LivePlot& plot, const std::vector<RunCurves>& runs) {
    plot.clearSeries();
    for (std::size_t i = 0; i < runs.size(); ++i)
        addSeries(plot, runs[i].name, static_cast<int>(i),
                  collect(runs[i].metrics.steps, [](const StepTelemetry& s) { return s.maskDensityGlobal; }));
}

RunPlots::RunPlots(QWidget* parent)
    : QTabWidget(parent),
      lossPlot_(new LivePlot(tr("step"), tr("loss"))),
      metricsPlot_(new LivePlot(tr("step"), tr("dev metric"))),
      maskPlot_(new LivePlot(tr("step"), tr("kept fraction"))),
      dropoutPlot_(new LivePlot(tr("step"), tr("dropout rate"))) {
    lossPlot_->setObjectName(QStringLiteral("runLossPlot"));
    metricsPlot_->setObjectName(QStringLiteral("runMetricsPlot"));
    maskPlot_->setObjectName(QStringLiteral("runMaskPlot"));
    dropoutPlot_->setObjectName(QStringLiteral("runDropoutPlot"));
    for (LivePlot* plot : {lossPlot_, metricsPlot_, maskPlot_, dropoutPlot_}) plot->setWholeNumberKeys();
    addTab(lossPlot_, tr("Losses"));
    addTab(metricsPlot_, tr("Dev metrics"));
    addTab(maskPlot_, tr("Mask density"));
    addTab(dropoutPlot_, tr("Dropout rates"));
}

void RunPlots::showRun(const RunCurves& run) {
    plotLosses(*lossPlot_, run.metrics);
    plotDevMetrics(*metricsPlot_, run.metrics);
    plotMaskDensity(*maskPlot_, run.metrics);
    plotDropoutRates(*dropoutPlot_, run.metrics);
    lossPlot_->yAxis->setLabel(tr("loss"));
    metricsPlot_->yAxis->setLabel(tr("dev metric"));
    setTabText(indexOf(metricsPlot_), tr("Dev metrics"));
    setTabEnabled(indexOf(dropoutPlot_), true);
    finish();
}

void RunPlots::showOverlay(const std::vector<RunCurves>& runs) {
    overlayLoss(*lossPlot_, runs);
    overlayDevAccuracy(*metricsPlot_, runs);
    overlayMaskDensity(*maskPlot_, runs);
    dropoutPlot_->clearSeries();
    lossPlot_->yAxis->setLabel(tr("total loss"));
    metricsPlot_->yAxis->setLabel(tr("dev accuracy"));
    setTabText(indexOf(metricsPlot_), tr("Dev accuracy"));
    // Per-site dropout rates of several runs in one plot are unreadable.
    setTabEnabled(indexOf(dropoutPlot_), false);
    finish();
}

void RunPlots::clear() {
    for (LivePlot* plot : {lossPlot_, metricsPlot_, maskPlot_, dropoutPlot_}) plot->clearSeries();
    finish();
}

void RunPlots::finish() {
    for (LivePlot* plot : {lossPlot_, metricsPlot_, maskPlot_, dropoutPlot_}) plot->resetView();
}

}  // namespace uegr::studio
