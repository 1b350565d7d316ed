#include "training_worker.h"

#include <QJsonDocument>
#include <nlohmann/json.hpp>

#include <exception>
#include <optional>

#include "telemetry_buffer.h"
#include "train/trainer.h"

namespace uegr::studio {
namespace {

// Called on the training thread (onRobustness: on the robustness monitor's thread; the buffer is
// thread-safe and a queued signal may be emitted from any thread): copy into the buffer and wake
// the GUI only when it has nothing pending yet.
class BufferingObserver : public TrainingObserver {
public:
    BufferingObserver(TelemetryBuffer& buffer, TrainingWorker& worker) : buffer_(buffer), worker_(worker) {}

    void onStep(const StepTelemetry& step) override { notifyIf(buffer_.append(step)); }
    void onEval(const EvalTelemetry& eval) override { notifyIf(buffer_.append(eval)); }
    void onRobustness(const RobustnessTelemetry& robustness) override {
        notifyIf(buffer_.append(robustness));
    }
    void onSaliency(const SaliencySnapshot& snapshot) override { notifyIf(buffer_.append(snapshot)); }
    void onMessage(const std::string& message) override { notifyIf(buffer_.appendMessage(message)); }

private:
    void notifyIf(bool wasEmpty) {
        if (wasEmpty) Q_EMIT worker_.telemetryAvailable();
    }

    TelemetryBuffer& buffer_;
    TrainingWorker& worker_;
};

QJsonObject toQJson(const nlohmann::json& object) {
    return QJsonDocument::fromJson(QByteArray::fromStdString(object.dump())).object();
}

}  // namespace

struct TrainingWorker::Impl {
    explicit Impl(TelemetryBuffer& buffer) : buffer(buffer) {}
    TelemetryBuffer& buffer;
    TrainingControl control;
};

TrainingWorker::TrainingWorker(TelemetryBuffer& buffer, QObject* parent)
    : QObject(parent), impl_(std::make_unique<Impl>(buffer)) {}

TrainingWorker::~TrainingWorker() = default;

void TrainingWorker::run(const RunConfig& config, const QString& resumeDir) {
    std::optional<QJsonObject> summary;
    QString failure;
    try {
        Trainer trainer(config, resumeDir.toStdString());
        Q_EMIT started(QString::fromStdString(trainer.runDir()));
        BufferingObserver observer(impl_->buffer, *this);
        summary = toQJson(toJson(trainer.run(observer, impl_->control)));
    } catch (const std::exception& error) {
        failure = QString::fromStdString(error.what());
    }
    // The trainer is gone (its files closed) before anyone hears that the run ended.
    if (summary)
        Q_EMIT finished(*summary);
    else
        Q_EMIT failed(failure);
}

void TrainingWorker::requestPause() {
    impl_->control.pauseRequested = true;
}
void TrainingWorker::requestResume() {
    impl_->control.pauseRequested = false;
}
void TrainingWorker::requestStop() {
    impl_->control.stopRequested = true;
}
void TrainingWorker::requestSaliency() {
    impl_->control.saliencyRequested = true;
}
bool TrainingWorker::isPauseRequested() const {
    return impl_->control.pauseRequested;
}

}  // namespace uegr::studio
