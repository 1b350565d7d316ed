#include "training_page.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QThread>
#include <QTime>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <iterator>
#include <utility>

#include "class_report_panel.h"
#include "export_folder.h"
#include "live_plot.h"
#include "runs_workspace.h"
#include "runtime_summary.h"
#include "series_colours.h"
#include "train/run_reader.h"
#include "training_session.h"
#include "util/duration_text.h"
#include "util/error.h"

namespace uegr::studio {
namespace {

// The best dev accuracy only when the run evaluated (a step of 0 means it never did).
QString bestDevText(const QJsonObject& summary) {
    const QJsonObject best = summary.value(QStringLiteral("best_dev")).toObject();
    if (best.value(QStringLiteral("step")).toInteger() <= 0) return TrainingPage::tr("no dev evaluation yet");
    return TrainingPage::tr("best dev accuracy %1 (step %2)")
        .arg(best.value(QStringLiteral("accuracy")).toDouble(), 0, 'f', 4)
        .arg(best.value(QStringLiteral("step")).toInteger());
}

QString runEndedText(const QJsonObject& summary) {
    const qint64 steps = summary.value(QStringLiteral("steps")).toInteger();
    const double seconds = summary.value(QStringLiteral("wall_seconds")).toDouble();
    if (summary.value(QStringLiteral("status")).toString() == QStringLiteral("stopped"))
        return TrainingPage::tr(
                   "Stopped at step %1 (%2 s); %3. A checkpoint was saved: resume the run from the "
                   "Runs page.")
            .arg(steps)
            .arg(seconds, 0, 'f', 1)
            .arg(bestDevText(summary));
    return TrainingPage::tr("Finished after %1 steps (%2 s); %3.")
        .arg(steps)
        .arg(seconds, 0, 'f', 1)
        .arg(bestDevText(summary));
}

}  // namespace

TrainingPage::TrainingPage(QWidget* parent)
    : QWidget(parent),
      session_(new TrainingSession(this)),
      startButton_(new QPushButton(QIcon(QStringLiteral(":/icons/start.svg")), tr("&Start"), this)),
      pauseButton_(new QPushButton(QIcon(QStringLiteral(":/icons/pause.svg")), tr("&Pause"), this)),
      stopButton_(new QPushButton(QIcon(QStringLiteral(":/icons/stop.svg")), tr("S&top"), this)),
      device_(new QComboBox(this)),
      threads_(new QSpinBox(this)),
      smoothing_(new QSlider(Qt::Horizontal, this)),
      timeAxis_(new QComboBox(this)),
      plots_(new QTabWidget(this)),
      lossPlot_(new LivePlot(tr("step"), tr("loss"))),
      maskPlot_(new LivePlot(tr("step"), tr("kept fraction"))),
      dropoutPlot_(new LivePlot(tr("step"), tr("dropout rate"))),
      metricsPlot_(new LivePlot(tr("step"), tr("dev metric"))),
      classReport_(new ClassReportPanel(this)),
      progress_(new QProgressBar(this)),
      progressLabel_(new QLabel(this)),
      log_(new QPlainTextEdit(this)),
      historyWatcher_(new QFutureWatcher<TelemetryBatch>(this)) {
    startButton_->setObjectName(QStringLiteral("startButton"));
    pauseButton_->setObjectName(QStringLiteral("pauseButton"));
    stopButton_->setObjectName(QStringLiteral("stopButton"));
    connect(startButton_, &QPushButton::clicked, this, &TrainingPage::start);
    connect(pauseButton_, &QPushButton::clicked, this, [this] { session_->isPaused() ? resume() : pause(); });
    connect(stopButton_, &QPushButton::clicked, this, &TrainingPage::stop);

    const RuntimeSummary runtime = queryRuntime();
    device_->setObjectName(QStringLiteral("device"));
    device_->addItem(tr("Automatic"), QStringLiteral("auto"));
    device_->addItem(tr("CPU"), QStringLiteral("cpu"));
    device_->addItem(tr("CUDA GPU"), QStringLiteral("cuda"));
    if (!runtime.cudaAvailable) {
        auto* model = qobject_cast<QStandardItemModel*>(device_->model());
        QStandardItem* cuda = model->item(2);
        cuda->setEnabled(false);
        cuda->setToolTip(tr("CUDA is not available: LibTorch %1 was built without CUDA or no GPU was found.")
                             .arg(runtime.torchVersion));
    }
    device_->setToolTip(tr("Where to train; overrides training.device of the configuration."));
    threads_->setObjectName(QStringLiteral("threads"));
    threads_->setRange(0, std::max(1, QThread::idealThreadCount()));
    threads_->setSpecialValueText(tr("all cores"));
    threads_->setToolTip(tr("CPU threads for LibTorch; overrides training.threads of the configuration."));
    smoothing_->setObjectName(QStringLiteral("smoothing"));
    smoothing_->setRange(0, 99);
    smoothing_->setValue(60);
    smoothing_->setToolTip(
        tr("Smoothing of the loss curves (debiased moving average); the raw values stay faint behind."));
    connect(smoothing_, &QSlider::valueChanged, this, &TrainingPage::resmooth);
    timeAxis_->setObjectName(QStringLiteral("timeAxis"));
    StepTimeline::addAxisChoices(*timeAxis_);
    connect(timeAxis_, &QComboBox::currentIndexChanged, this, &TrainingPage::changeTimeAxis);

    auto* controls = new QHBoxLayout;
    controls->addWidget(startButton_);
    controls->addWidget(pauseButton_);
    controls->addWidget(stopButton_);
    controls->addSpacing(16);
    controls->addWidget(new QLabel(tr("Device:"), this));
    controls->addWidget(device_);
    controls->addWidget(new QLabel(tr("Threads:"), this));
    controls->addWidget(threads_);
    controls->addStretch(1);

    const QStringList lossNames{tr("total"), tr("clean"), tr("adversarial"), tr("JS")};
    for (int i = 0; i < 4; ++i) {
        losses_[static_cast<std::size_t>(i)].smoothed = lossPlot_->addSeries(lossNames[i], seriesColour(i));
        losses_[static_cast<std::size_t>(i)].raw =
            lossPlot_->addBackgroundSeries(losses_[static_cast<std::size_t>(i)].smoothed);
    }
    lossPlot_->moveToRightAxis(losses_[3].smoothed, tr("JS loss"));
    for (LivePlot* plot : {lossPlot_, maskPlot_, dropoutPlot_, metricsPlot_}) plot->setWholeNumberKeys();
    plots_->addTab(lossPlot_, tr("Losses"));
    plots_->addTab(maskPlot_, tr("Mask density"));
    plots_->addTab(dropoutPlot_, tr("Dropout rates"));
    plots_->addTab(metricsPlot_, tr("Dev metrics"));
    plots_->addTab(classReport_, tr("Per class"));
    classReport_->setReports({}, noDevEvaluationText());

    auto* resetButton = new QPushButton(tr("&Reset View"), this);
    connect(resetButton, &QPushButton::clicked, this, [this] {
        if (auto* plot = qobject_cast<LivePlot*>(plots_->currentWidget())) plot->resetView();
    });
    auto* exportButton = new QPushButton(tr("&Export…"), this);
    connect(exportButton, &QPushButton::clicked, this, &TrainingPage::exportCurrentPlot);
    auto* plotBar = new QHBoxLayout;
    plotBar->addWidget(new QLabel(tr("Smoothing:"), this));
    plotBar->addWidget(smoothing_, 1);
    plotBar->addWidget(new QLabel(tr("X axis:"), this));
    plotBar->addWidget(timeAxis_);
    plotBar->addWidget(resetButton);
    plotBar->addWidget(exportButton);

    progress_->setObjectName(QStringLiteral("progress"));
    progress_->setRange(0, 1);
    progress_->setValue(0);
    progressLabel_->setObjectName(QStringLiteral("progressText"));
    auto* progressRow = new QHBoxLayout;
    progressRow->addWidget(progress_, 1);
    progressRow->addWidget(progressLabel_, 2);

    log_->setObjectName(QStringLiteral("trainingLog"));
    log_->setReadOnly(true);
    log_->setMaximumBlockCount(2000);
    auto* plotArea = new QWidget(this);
    auto* plotLayout = new QVBoxLayout(plotArea);
    plotLayout->setContentsMargins(0, 0, 0, 0);
    plotLayout->addLayout(plotBar);
    plotLayout->addWidget(plots_, 1);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(plotArea);
    splitter->addWidget(log_);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(splitter, 1);
    layout->addLayout(progressRow);

    connect(session_, &TrainingSession::telemetry, this, &TrainingPage::addTelemetry);
    connect(historyWatcher_, &QFutureWatcherBase::finished, this, &TrainingPage::historyLoaded);
    connect(session_, &TrainingSession::started, this, [this](const QString& runDir) {
        log(tr("Run folder: %1").arg(QDir::toNativeSeparators(runDir)));
    });
    connect(session_, &TrainingSession::finished, this,
            [this](const QJsonObject& summary) { runEnded(runEndedText(summary)); });
    connect(session_, &TrainingSession::failed, this,
            [this](const QString& message) {
                runEnded(tr("Training failed: %1").arg(message));
                showFailure(message);
            });
    connect(session_, &TrainingSession::pausedChanged, this, &TrainingPage::updateControls);
    connect(session_, &TrainingSession::runningChanged, this, &TrainingPage::updateControls);
    updateControls();
}

TrainingPage::~TrainingPage() = default;

bool TrainingPage::start() {
    if (session_->isRunning()) return false;
    RunConfig config = configSource_ ? configSource_() : RunConfig{};
    config.training.device = device_->currentData().toString().toStdString();
    config.training.threads = threads_->value();
    try {
        validate(config);
    } catch (const ConfigError& error) {
        log(tr("Cannot start: %1").arg(QString::fromStdString(error.what())));
        return false;
    }
    if (config.output.dir.empty()) {
        const QString folder =
            createRunFolder(runsWorkspace(), QString::fromStdString(config.training.method));
        if (folder.isEmpty()) {
            log(tr("Cannot start: cannot create a run folder in %1.")
                    .arg(QDir::toNativeSeparators(runsWorkspace())));
            return false;
        }
        config.output.dir = folder.toStdString();
    }
    resetPlots();
    log(tr("Starting %1 training.").arg(QString::fromStdString(config.training.method)));
    return session_->start(config);
}

bool TrainingPage::continueRun(const QString& runDir) {
    if (session_->isRunning()) return false;
    resetPlots();
    historyRunDir_ = runDir;
    log(tr("Resuming %1 from its last checkpoint.").arg(QDir::toNativeSeparators(runDir)));
    return session_->continueRun(runDir);
}

void TrainingPage::pause() {
    session_->pause();
    if (session_->isPaused()) log(tr("Paused after the current step."));
}

void TrainingPage::resume() {
    session_->resume();
    log(tr("Resumed."));
}

void TrainingPage::stop() {
    if (!session_->isRunning()) return;
    session_->stop();
    log(tr("Stopping: a checkpoint is written first."));
}

void TrainingPage::resetPlots() {
    plotted_ = TelemetryBatch();
    timeline_.clear();
    clearPoints();
    for (LivePlot* plot : {lossPlot_, maskPlot_, dropoutPlot_, metricsPlot_}) plot->resetView();
    progress_->setRange(0, 1);
    progress_->setValue(0);
    progressLabel_->clear();
    firstStep_ = -1;
    historyRunDir_.clear();
    classReport_->setReports({}, noDevEvaluationText());
}

void TrainingPage::addTelemetry(const TelemetryBatch& batch) {
    if (!historyRunDir_.isEmpty() && !batch.steps.empty()) loadHistory(batch.steps.front().step);
    if (loadingHistory_)
        heldBatches_.push_back(batch);
    else
        showLive(batch);
}

void TrainingPage::loadHistory(std::int64_t firstLiveStep) {
    const std::string metricsPath = (historyRunDir_ + QStringLiteral("/metrics.jsonl")).toStdString();
    historyRunDir_.clear();
    loadingHistory_ = true;
    historyWatcher_->setFuture(QtConcurrent::run([metricsPath, firstLiveStep] {
        TelemetryBatch history;
        try {
            RunMetrics metrics = readMetricsLog(metricsPath);
            const auto before = [firstLiveStep](const auto& record) { return record.step < firstLiveStep; };
            std::copy_if(metrics.steps.begin(), metrics.steps.end(), std::back_inserter(history.steps),
                         before);
            std::copy_if(metrics.evals.begin(), metrics.evals.end(), std::back_inserter(history.evals),
                         before);
            std::copy_if(metrics.robustness.begin(), metrics.robustness.end(),
                         std::back_inserter(history.robustness), before);
        } catch (const std::exception& error) {
            history.messages.push_back(std::string("earlier metrics not shown: ") + error.what());
        }
        return history;
    }));
}

void TrainingPage::historyLoaded() {
    const TelemetryBatch history = historyWatcher_->result();
    for (const std::string& message : history.messages) log(QString::fromStdString(message));
    plotPoints(history);
    loadingHistory_ = false;
    for (const TelemetryBatch& batch : std::exchange(heldBatches_, {})) showLive(batch);
}

void TrainingPage::plotPoints(const TelemetryBatch& batch) {
    const TimeAxis axisBefore = timeline_.effectiveAxis();
    for (const StepTelemetry& step : batch.steps) timeline_.record(step);
    plotted_.steps.insert(plotted_.steps.end(), batch.steps.begin(), batch.steps.end());
    plotted_.evals.insert(plotted_.evals.end(), batch.evals.begin(), batch.evals.end());
    plotted_.robustness.insert(plotted_.robustness.end(), batch.robustness.begin(), batch.robustness.end());
    for (const EvalTelemetry& eval : batch.evals) logEval(eval);
    for (const RobustnessTelemetry& robustness : batch.robustness) logRobustness(robustness);
    // The first step records decide whether the chosen axis is available; earlier points moved.
    if (timeline_.effectiveAxis() != axisBefore)
        redrawPoints();
    else
        drawPoints(batch);
}

void TrainingPage::drawPoints(const TelemetryBatch& batch) {
    for (const StepTelemetry& step : batch.steps) addStep(step);
    for (const EvalTelemetry& eval : batch.evals) addEval(eval);
    for (const RobustnessTelemetry& robustness : batch.robustness) addRobustness(robustness);
    for (LivePlot* plot : {lossPlot_, maskPlot_, dropoutPlot_, metricsPlot_}) plot->refresh();
}

void TrainingPage::clearPoints() {
    for (LossTerm& term : losses_) {
        term.keys.clear();
        term.values.clear();
        term.ema = DebiasedEma(smoothingBeta());
    }
    for (int i = 0; i < lossPlot_->seriesCount(); ++i) lossPlot_->setSeries(i, {}, {});
    for (LivePlot* plot : {maskPlot_, dropoutPlot_, metricsPlot_}) plot->clearSeries();
    const bool steps = timeline_.effectiveAxis() == TimeAxis::Step;
    for (LivePlot* plot : {lossPlot_, maskPlot_, dropoutPlot_, metricsPlot_}) {
        plot->xAxis->setLabel(timeline_.axisLabel());
        plot->setWholeNumberKeys(steps);
    }
}

// Everything plotted so far, again, at the x of the current axis.
void TrainingPage::redrawPoints() {
    clearPoints();
    drawPoints(plotted_);
    for (LivePlot* plot : {lossPlot_, maskPlot_, dropoutPlot_, metricsPlot_}) plot->resetView();
}

void TrainingPage::changeTimeAxis() {
    timeline_.setAxis(static_cast<TimeAxis>(timeAxis_->currentData().toInt()));
    redrawPoints();
}

void TrainingPage::showLive(const TelemetryBatch& batch) {
    for (const std::string& message : batch.messages) log(QString::fromStdString(message));
    plotPoints(batch);
    if (batch.steps.empty()) return;
    if (firstStep_ < 0) {
        firstStep_ = batch.steps.front().step;
        clock_.start();
    }

    const StepTelemetry& last = batch.steps.back();
    progress_->setRange(0, static_cast<int>(std::max<std::int64_t>(1, last.totalSteps)));
    progress_->setValue(static_cast<int>(last.step));
    const double seconds = clock_.elapsed() / 1000.0;
    const double stepsPerSecond = seconds > 0 ? static_cast<double>(last.step - firstStep_) / seconds : 0;
    const QString eta = stepsPerSecond > 0
                            ? QString::fromStdString(formatDuration(
                                  static_cast<double>(last.totalSteps - last.step) / stepsPerSecond))
                            : tr("unknown");
    QString progress = tr("Step %1/%2, epoch %3, %4 steps/s, ETA %5")
                           .arg(last.step)
                           .arg(last.totalSteps)
                           .arg(last.epoch)
                           .arg(stepsPerSecond, 0, 'f', 2)
                           .arg(eta);
    if (last.peakMemoryMb) progress += tr(", peak GPU memory %1 MiB").arg(*last.peakMemoryMb, 0, 'f', 0);
    progressLabel_->setText(progress);
    Q_EMIT statusMessage(progressLabel_->text());
}

void TrainingPage::addStep(const StepTelemetry& step) {
    const double key = timeline_.x(step.step);
    const std::array<double, 4> values{step.loss, step.lossClean, step.lossAdv, step.lossJs};
    for (std::size_t i = 0; i < losses_.size(); ++i) {
        LossTerm& term = losses_[i];
        term.keys << key;
        term.values << values[i];
        lossPlot_->addPoint(term.raw, key, values[i]);
        lossPlot_->addPoint(term.smoothed, key, term.ema.add(values[i]));
    }
    maskPlot_->addPoint(namedSeries(*maskPlot_, tr("global")), key, step.maskDensityGlobal);
    for (const auto& [layer, density] : step.maskDensity)
        maskPlot_->addPoint(namedSeries(*maskPlot_, QString::fromStdString(layer)), key, density);
    for (const auto& [site, rate] : step.dropoutRates)
        dropoutPlot_->addPoint(namedSeries(*dropoutPlot_, QString::fromStdString(site)), key, rate);
}

void TrainingPage::addEval(const EvalTelemetry& eval) {
    const double key = timeline_.x(eval.step);
    metricsPlot_->addPoint(namedSeries(*metricsPlot_, tr("accuracy")), key, eval.accuracy);
    metricsPlot_->addPoint(namedSeries(*metricsPlot_, tr("macro-F1")), key, eval.macroF1);
    metricsPlot_->addPoint(namedSeries(*metricsPlot_, tr("MCC")), key, eval.mcc);
}

void TrainingPage::logEval(const EvalTelemetry& eval) {
    log(tr("Dev at step %1: accuracy %2, macro-F1 %3, MCC %4")
            .arg(eval.step)
            .arg(eval.accuracy, 0, 'f', 4)
            .arg(eval.macroF1, 0, 'f', 4)
            .arg(eval.mcc, 0, 'f', 4));
    // Records replayed from metrics.jsonl carry no confusion matrix; the last live one stays.
    if (!eval.confusion.empty())
        classReport_->setReports({{tr("Dev at step %1").arg(eval.step), eval.confusion}},
                                 noDevEvaluationText());
}

QString TrainingPage::noDevEvaluationText() {
    return tr("The confusion matrix and per-class scores of the latest dev evaluation appear here.");
}

// Beside the dev accuracy, in the same plot: the accuracy of the robustness check's attacked
// examples, one marked point per check.
void TrainingPage::addRobustness(const RobustnessTelemetry& robustness) {
    const QString name = tr("accuracy under attack");
    int series = metricsPlot_->seriesIndex(name);
    if (series < 0) series = metricsPlot_->addSparseSeries(name, seriesColour(metricsPlot_->seriesCount()));
    metricsPlot_->addPoint(series, timeline_.x(robustness.step), robustness.accuracyUnderAttack);
}

void TrainingPage::logRobustness(const RobustnessTelemetry& robustness) {
    log(tr("Robustness at step %1 (%2, %3 dev examples): clean accuracy %4, accuracy under attack %5, attack "
           "success rate %6 (%7 s)")
            .arg(robustness.step)
            .arg(QString::fromStdString(robustness.attack))
            .arg(robustness.examples)
            .arg(robustness.cleanAccuracy, 0, 'f', 4)
            .arg(robustness.accuracyUnderAttack, 0, 'f', 4)
            .arg(robustness.attackSuccessRate, 0, 'f', 4)
            .arg(robustness.seconds, 0, 'f', 1));
}

int TrainingPage::namedSeries(LivePlot& plot, const QString& name) {
    const int existing = plot.seriesIndex(name);
    return existing >= 0 ? existing : plot.addSeries(name, seriesColour(plot.seriesCount()));
}

double TrainingPage::smoothingBeta() const {
    return smoothing_->value() / 100.0;
}

void TrainingPage::resmooth() {
    const double beta = smoothingBeta();
    for (LossTerm& term : losses_) {
        term.ema = DebiasedEma(beta);
        QVector<double> smoothed;
        smoothed.reserve(term.values.size());
        for (double value : term.values) smoothed << term.ema.add(value);
        lossPlot_->setSeries(term.smoothed, term.keys, smoothed);
    }
    lossPlot_->replot(QCustomPlot::rpQueuedReplot);
}

void TrainingPage::runEnded(const QString& message) {
    log(message);
    Q_EMIT statusMessage(message);
}

// Window-modal but not blocking (open, not exec): the GUI thread keeps running its event loop.
void TrainingPage::showFailure(const QString& message) {
    auto* box = new QMessageBox(QMessageBox::Critical, tr("Training Failed"), message, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("trainingFailedDialog"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void TrainingPage::updateControls() {
    const bool running = session_->isRunning();
    startButton_->setEnabled(!running);
    pauseButton_->setEnabled(running);
    stopButton_->setEnabled(running);
    device_->setEnabled(!running);
    threads_->setEnabled(!running);
    const bool paused = session_->isPaused();
    pauseButton_->setText(paused ? tr("&Resume") : tr("&Pause"));
    pauseButton_->setIcon(
        QIcon(paused ? QStringLiteral(":/icons/start.svg") : QStringLiteral(":/icons/pause.svg")));
}

void TrainingPage::exportCurrentPlot() {
    auto* plot = qobject_cast<LivePlot*>(plots_->currentWidget());
    if (!plot) return;
    QString filter;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Plot"),
        exportPath(
            plots_->tabText(plots_->currentIndex()).toLower().replace(QLatin1Char(' '), QLatin1Char('-'))),
        tr("PNG image (*.png);;PDF document (*.pdf);;CSV table (*.csv)"), &filter);
    if (path.isEmpty()) return;
    rememberExportFolder(path, false);
    const QString suffix = QFileInfo(path).suffix().toLower();
    const bool written = suffix == QLatin1String("pdf")   ? plot->exportPdf(path)
                         : suffix == QLatin1String("csv") ? plot->exportCsv(path)
                                                          : plot->exportPng(path);
    log(written ? tr("Exported %1.").arg(QDir::toNativeSeparators(path))
                : tr("Could not write %1.").arg(QDir::toNativeSeparators(path)));
}

void TrainingPage::log(const QString& line) {
    log_->appendPlainText(
        QStringLiteral("%1  %2").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")), line));
}

QString TrainingPage::progressText() const {
    return progressLabel_->text();
}

QString TrainingPage::logText() const {
    return log_->toPlainText();
}

}  // namespace uegr::studio
