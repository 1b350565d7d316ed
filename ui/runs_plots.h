#pragma once
// Curves of finished (or stopped) runs, read from their metrics.jsonl: the replay of one run
// in the same four plots the Training page shows while it trains, and the overlay of several
// runs (one colour per run, legend by run name). The report renders the same plots off-screen.
#include <QString>
#include <QTabWidget>
#include <vector>

#include "train/run_reader.h"

namespace uegr::studio {

class LivePlot;

struct RunCurves {
    QString name;
    RunMetrics metrics;
};

// Replay: the four loss terms, the dev metrics (with the accuracy under attack of the robustness
// checks, when the run made any), the mask densities and the dropout rates of one run.
void plotLosses(LivePlot& plot, const RunMetrics& metrics);
void plotDevMetrics(LivePlot& plot, const RunMetrics& metrics);
void plotMaskDensity(LivePlot& plot, const RunMetrics& metrics);
void plotDropoutRates(LivePlot& plot, const RunMetrics& metrics);

// Overlay: one series per run, named after the run.
void overlayLoss(LivePlot& plot, const std::vector<RunCurves>& runs);
void overlayDevAccuracy(LivePlot& plot, const std::vector<RunCurves>& runs);
void overlayMaskDensity(LivePlot& plot, const std::vector<RunCurves>& runs);

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
    void finish();

    LivePlot* lossPlot_;
    LivePlot* metricsPlot_;
    LivePlot* maskPlot_;
    LivePlot* dropoutPlot_;
};

}  // namespace uegr::studio
