#include "attack_session.h"

#include "attack_worker.h"

namespace uegr::studio {

AttackSession::AttackSession(QObject* parent) : QObject(parent) {
    qRegisterMetaType<RunAttackResult>();
    thread_.setObjectName(QStringLiteral("uegr-attack"));
    thread_.start();
}

AttackSession::~AttackSession() {
    if (worker_) worker_->requestCancel();
    thread_.quit();
    thread_.wait();
    delete worker_;
}

bool AttackSession::start(const AttackRequest& request) {
    if (worker_ || request.runDirs.isEmpty() || request.attacks.isEmpty()) return false;
    results_.clear();
    worker_ = new AttackWorker;
    worker_->moveToThread(&thread_);
    connect(worker_, &AttackWorker::progress, this, &AttackSession::progress);
    connect(worker_, &AttackWorker::resultReady, this, [this](const RunAttackResult& result) {
        results_.push_back(result);
        Q_EMIT resultReady(result);
    });
    connect(worker_, &AttackWorker::attackFailed, this, &AttackSession::attackFailed);
    connect(worker_, &AttackWorker::finished, this, [this](bool cancelled) {
        worker_->deleteLater();
        worker_ = nullptr;
        Q_EMIT runningChanged(false);
        Q_EMIT finished(cancelled);
    });
    AttackWorker* worker = worker_;
    QMetaObject::invokeMethod(
        worker, [worker, request] { worker->run(request); }, Qt::QueuedConnection);
    Q_EMIT runningChanged(true);
    return true;
}

void AttackSession::cancel() {
    if (worker_) worker_->requestCancel();
}

}  // namespace uegr::studio
