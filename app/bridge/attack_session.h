#pragma once
// The GUI-thread side of a robustness job: owns the worker thread, starts and cancels the
// attacks, keeps the results of the current job and forwards the worker's signals.
#include <QObject>
#include <QString>
#include <QThread>
#include <vector>

#include "attack_request.h"
#include "robustness_results.h"

namespace uegr::studio {

class AttackWorker;

class AttackSession : public QObject {
    Q_OBJECT
public:
    explicit AttackSession(QObject* parent = nullptr);
    ~AttackSession() override;  // cancels a running job and waits for its thread

    // Returns false (and does nothing) while a job is running or when the request is empty.
    bool start(const AttackRequest& request);
    void cancel();
    bool isRunning() const { return worker_ != nullptr; }
    // The results of the current (or last) job, in the order they arrived.
    const std::vector<RunAttackResult>& results() const { return results_; }

Q_SIGNALS:
    void runningChanged(bool running);
    void progress(int job, int jobs, const QString& runName, const QString& attack, int done, int total);
    void resultReady(const uegr::studio::RunAttackResult& result);
    void attackFailed(const QString& runDir, const QString& attack, const QString& message);
    void finished(bool cancelled);

private:
    QThread thread_;
    AttackWorker* worker_ = nullptr;  // lives on thread_; deleted there once its job ended
    std::vector<RunAttackResult> results_;
};

}  // namespace uegr::studio
