#include "training_session.h"

#include "training_worker.h"

namespace uegr::studio {

TrainingSession::TrainingSession(QObject* parent) : QObject(parent) {
    coalesceTimer_.setSingleShot(true);
    coalesceTimer_.setInterval(40);
    connect(&coalesceTimer_, &QTimer::timeout, this, &TrainingSession::deliver);
    thread_.setObjectName(QStringLiteral("uegr-training"));
    thread_.start();
}

TrainingSession::~TrainingSession() {
    if (worker_) worker_->requestStop();
    thread_.quit();
    thread_.wait();
    delete worker_;
}

bool TrainingSession::start(const RunConfig& config) {
    return launch(config, {});
}

bool TrainingSession::continueRun(const QString& runDir) {
    return launch(RunConfig{}, runDir);
}

bool TrainingSession::launch(const RunConfig& config, const QString& resumeDir) {
    if (worker_) return false;
    buffer_.takeAll();
    worker_ = new TrainingWorker(buffer_);
    worker_->moveToThread(&thread_);
    connect(worker_, &TrainingWorker::started, this, &TrainingSession::started);
    connect(worker_, &TrainingWorker::telemetryAvailable, this, &TrainingSession::scheduleDelivery);
    connect(worker_, &TrainingWorker::finished, this, [this](const QJsonObject& summary) {
        endRun();
        Q_EMIT finished(summary);
    });
    connect(worker_, &TrainingWorker::failed, this, [this](const QString& message) {
        endRun();
        Q_EMIT failed(message);
    });
    TrainingWorker* worker = worker_;
    QMetaObject::invokeMethod(
        worker, [worker, config, resumeDir] { worker->run(config, resumeDir); }, Qt::QueuedConnection);
    Q_EMIT runningChanged(true);
    return true;
}

void TrainingSession::pause() {
    if (!worker_ || worker_->isPauseRequested()) return;
    worker_->requestPause();
    Q_EMIT pausedChanged(true);
}

void TrainingSession::resume() {
    if (!worker_ || !worker_->isPauseRequested()) return;
    worker_->requestResume();
    Q_EMIT pausedChanged(false);
}

void TrainingSession::stop() {
    if (worker_) worker_->requestStop();
}

void TrainingSession::requestSaliency() {
    if (worker_) worker_->requestSaliency();
}

bool TrainingSession::isPaused() const {
    return worker_ && worker_->isPauseRequested();
}

void TrainingSession::scheduleDelivery() {
    if (!coalesceTimer_.isActive()) coalesceTimer_.start();
}

void TrainingSession::deliver() {
    TelemetryBatch batch = buffer_.takeAll();
    if (!batch.empty()) Q_EMIT telemetry(batch);
}

// The worker has sent its last signal: deliver what is still buffered
// before the caller hears that the run ended.
void TrainingSession::endRun() {
    coalesceTimer_.stop();
    deliver();
    const bool wasPaused = worker_->isPauseRequested();
    worker_->deleteLater();
    worker_ = nullptr;
    if (wasPaused) Q_EMIT pausedChanged(false);
    Q_EMIT runningChanged(false);
}

}  // namespace uegr::studio
