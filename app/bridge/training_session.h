#pragma once
// The GUI-thread side of a training run: owns the worker thread, forwards start/pause/resume/
// stop, and coalesces telemetry. On telemetryAvailable() it starts a short single-shot timer
// (if none is running); when the timer fires it takes everything buffered and emits one
// telemetry() batch, so plots redraw at most ~25 times a second however fast steps arrive.
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QThread>
#include <QTimer>

#include "config/run_config.h"
#include "telemetry_buffer.h"

namespace uegr::studio {

class TrainingWorker;

class TrainingSession : public QObject {
    Q_OBJECT
public:
    explicit TrainingSession(QObject* parent = nullptr);
    ~TrainingSession() override;  // stops a running job and waits for its thread

    // Returns false (and does nothing) while a job is running.
    bool start(const RunConfig& config);
    // Continues a stopped run from its last checkpoint; false while a job is running.
    bool continueRun(const QString& runDir);
    void pause();
    void resume();
    void stop();
    void requestSaliency();

    bool isRunning() const { return worker_ != nullptr; }
    bool isPaused() const;
    void setCoalescingIntervalMs(int milliseconds) { coalesceTimer_.setInterval(milliseconds); }

Q_SIGNALS:
    void started(const QString& runDir);
    void telemetry(const uegr::studio::TelemetryBatch& batch);
    void pausedChanged(bool paused);
    void finished(const QJsonObject& summary);
    void failed(const QString& message);
    void runningChanged(bool running);

private:
    bool launch(const RunConfig& config, const QString& resumeDir);
    void scheduleDelivery();
    void deliver();
    void endRun();

    TelemetryBuffer buffer_;
    QThread thread_;
    QTimer coalesceTimer_;
    TrainingWorker* worker_ = nullptr;  // lives on thread_; deleted there once its run ended
};

}  // namespace uegr::studio
