#pragma once
// Runs one uegr::Trainer on the thread this object lives on. Telemetry goes into a
// TelemetryBuffer; telemetryAvailable() is emitted when the buffer turns non-empty, so the GUI
// receives one queued signal per batch rather than one per step. The control requests are
// thread-safe and may be called from the GUI thread while run() blocks the worker thread.
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <memory>

#include "config/run_config.h"

namespace uegr::studio {

class TelemetryBuffer;

class TrainingWorker : public QObject {
    Q_OBJECT
public:
    explicit TrainingWorker(TelemetryBuffer& buffer, QObject* parent = nullptr);
    ~TrainingWorker() override;

    // Blocks until training ends; call it once, on the worker thread. With resumeDir set,
    // continues that run from its last checkpoint (its own config.json wins over `config`).
    void run(const RunConfig& config, const QString& resumeDir = {});

    void requestPause();
    void requestResume();
    void requestStop();
    void requestSaliency();
    bool isPauseRequested() const;

Q_SIGNALS:
    void started(const QString& runDir);
    void telemetryAvailable();
    void finished(const QJsonObject& summary);  // toJson(TrainingSummary)
    void failed(const QString& message);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace uegr::studio
