#pragma once
// Runs an AttackRequest on the thread this object lives on: for each run, loads its model bundle
// and a sample of its data, runs each attack, saves the results in <run>/robustness/ and emits
// them. requestCancel() is thread-safe; the attacks stop at their next progress report (after an
// example, or a PGD batch), and an interrupted attack saves nothing.
#include <QObject>
#include <QString>
#include <memory>

#include "attack_request.h"
#include "robustness_results.h"

namespace uegr::studio {

class AttackWorker : public QObject {
    Q_OBJECT
public:
    explicit AttackWorker(QObject* parent = nullptr);
    ~AttackWorker() override;

    // Blocks until every attack ran, failed or was cancelled; call it once, on the worker thread.
    void run(const uegr::studio::AttackRequest& request);
    void requestCancel();

Q_SIGNALS:
    // `job` counts run × attack pairs from 0 to jobs - 1; done / total are examples of that one
    // attack (PGD: examples × ε values).
    void progress(int job, int jobs, const QString& runName, const QString& attack, int done, int total);
    void resultReady(const uegr::studio::RunAttackResult& result);
    void attackFailed(const QString& runDir, const QString& attack, const QString& message);
    void finished(bool cancelled);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace uegr::studio
