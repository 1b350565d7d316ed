#pragma once
// The Training page: Start / Pause / Resume / Stop of the configuration page's run on a worker
// thread (TrainingSession), device and thread overrides, progress (step, epoch, steps/s, ETA)
// live plots of the loss terms, mask density, dropout rates and dev metrics, and the confusion
// matrix and per-class scores of the latest dev evaluation. Nothing here
// touches LibTorch: telemetry arrives as batches on the GUI thread.
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QJsonObject>
#include <QWidget>
#include <array>
#include <functional>

#include "config/run_config.h"
#include "smoothing.h"
#include "step_timeline.h"
#include "telemetry_buffer.h"

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSlider;
class QSpinBox;
class QTabWidget;

namespace uegr::studio {

class ClassReportPanel;
class LivePlot;
class TrainingSession;

class TrainingPage : public QWidget {
    Q_OBJECT
public:
    explicit TrainingPage(QWidget* parent = nullptr);
    ~TrainingPage() override;

    // Where Start takes its run config from (the configuration page).
    void setConfigSource(std::function<RunConfig()> source) { configSource_ = std::move(source); }

    // false when a run is active or the config is invalid (reason in the log). Without
    // output.dir in the config, the run gets a new folder in the runs workspace.
    bool start();
    bool continueRun(const QString& runDir);  // resumes a stopped run from its last checkpoint
    void pause();
    void resume();
    void stop();

    TrainingSession& session() const { return *session_; }
    LivePlot* lossPlot() const { return lossPlot_; }
    LivePlot* maskPlot() const { return maskPlot_; }
    LivePlot* dropoutPlot() const { return dropoutPlot_; }
    LivePlot* metricsPlot() const { return metricsPlot_; }
    ClassReportPanel* classReport() const { return classReport_; }
    QString progressText() const;
    QString logText() const;

Q_SIGNALS:
    void statusMessage(const QString& message);

private:
    struct LossTerm {
        int smoothed = -1, raw = -1;
        QVector<double> keys, values;  // x and raw value of each step
        DebiasedEma ema{0};
    };

    void addTelemetry(const TelemetryBatch& batch);
    void showLive(const TelemetryBatch& batch);
    void plotPoints(const TelemetryBatch& batch);
    void drawPoints(const TelemetryBatch& batch);
    void redrawPoints();
    void clearPoints();
    void changeTimeAxis();
    void loadHistory(std::int64_t firstLiveStep);
    void historyLoaded();
    void addStep(const StepTelemetry& step);
    void addEval(const EvalTelemetry& eval);
    void addRobustness(const RobustnessTelemetry& robustness);
    void logEval(const EvalTelemetry& eval);
    void logRobustness(const RobustnessTelemetry& robustness);
    void resetPlots();
    void resmooth();
    double smoothingBeta() const;
    void runEnded(const QString& message);
    void showFailure(const QString& message);
    void updateControls();
    void exportCurrentPlot();
    void log(const QString& line);
    static int namedSeries(LivePlot& plot, const QString& name);
    static QString noDevEvaluationText();

    std::function<RunConfig()> configSource_;
    TrainingSession* session_;
    QPushButton* startButton_;
    QPushButton* pauseButton_;
    QPushButton* stopButton_;
    QComboBox* device_;
    QSpinBox* threads_;
    QSlider* smoothing_;
    QComboBox* timeAxis_;
    QTabWidget* plots_;
    LivePlot* lossPlot_;
    LivePlot* maskPlot_;
    LivePlot* dropoutPlot_;
    LivePlot* metricsPlot_;
    ClassReportPanel* classReport_;
    QProgressBar* progress_;
    QLabel* progressLabel_;
    QPlainTextEdit* log_;
    std::array<LossTerm, 4> losses_;
    // Everything plotted since the run started, to plot it again against another x axis.
    TelemetryBatch plotted_;
    StepTimeline timeline_;
    QElapsedTimer clock_;
    std::int64_t firstStep_ = -1;
    // A resumed run's metrics before the resume point: read once its first live step arrives
    // (the run has then cut metrics.jsonl back to its checkpoint); live batches wait meanwhile.
    QString historyRunDir_;
    bool loadingHistory_ = false;
    std::vector<TelemetryBatch> heldBatches_;
    QFutureWatcher<TelemetryBatch>* historyWatcher_;
};

}  // namespace uegr::studio
