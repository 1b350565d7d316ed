#pragma once
// Curves of finished (or stopped) runs, read from their metrics.jsonl: the replay of one run
// in the same four plots the Training page shows while it trains, and the overlay of several
// runs (one colour per run, legend by run name). The report renders the same plots off-screen.
// The x axis is the step, the fractional epoch or the wall time (step_timeline.h).
#include <QString>
#include <QTabWidget>
#include <vector>

#include "step_timeline.h"
#include "train/run_reader.h"

class QComboBox;

namespace uegr::studio {

class LivePlot;

struct RunCurves {
    QString name;
    RunMetrics metrics;
};

// Replay: the four loss terms, the dev metrics (with the accuracy under attack of the robustness
// checks, when the run made any), the mask densities and the dropout rates of one run. The JS
// term, small beside the others, has the right-hand y axis.
void plotLosses(LivePlot& plot, const RunMetrics& metrics, TimeAxis axis = TimeAxis::Step);
void plotDevMetrics(LivePlot& plot, const RunMetrics& metrics, TimeAxis axis = TimeAxis::Step);
void plotMaskDensity(LivePlot& plot, const RunMetrics& metrics, TimeAxis axis = TimeAxis::Step);
void plotDropoutRates(LivePlot& plot, const RunMetrics& metrics, TimeAxis axis = TimeAxis::Step);

// Overlay: one series per run, named after the run.
void overlayLoss(LivePlot& plot, const std::vector<RunCurves>& runs, TimeAxis axis = TimeAxis::Step);
void overlayDevAccuracy(LivePlot& plot, const std::vector<RunCurves>& runs, TimeAxis axis = TimeAxis::Step);
void overlayMaskDensity(LivePlot& plot, const std::vector<RunCurves>& runs, TimeAxis axis = TimeAxis::Step);

class RunPlots : public QTabWidget {
    Q_OBJECT
public:
    explicit RunPlots(QWidget* parent = nullptr);

    void showRun(const RunCurves& run);
    void showOverlay(const std::vector<RunCurves>& runs);
    void clear();

    LivePlot* lossPlot() const { return lossPlot_; }
    LivePlot* metricsPlot() const { return metricsPlot_; }
    LivePlot* maskPlot() const { return maskPlot_; }
    LivePlot* dropoutPlot() const { return dropoutPlot_; }

private:
    void plotShown();
    void finish();

    LivePlot* lossPlot_;
    LivePlot* metricsPlot_;
    LivePlot* maskPlot_;
    LivePlot* dropoutPlot_;
    QComboBox* timeAxis_;
    std::vector<RunCurves> shown_;  // to plot again when the x axis changes
    bool overlay_ = false;
};

}  // namespace uegr::studio
