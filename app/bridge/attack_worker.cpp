#include "attack_worker.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <optional>

#include "attack/attack_runner.h"
#include "data/permutation.h"
#include "model/device_selection.h"
#include "model/model_bundle.h"
#include "util/atomic_file.h"
#include "util/error.h"

namespace uegr::studio {
namespace {

// Thrown from an attack's progress callback to leave it early.
struct AttackCancelled {};

// Progress reports at most every 40 ms (and always the last one), so a fast attack does not
// flood the GUI thread's event queue.
constexpr qint64 kProgressIntervalMs = 40;

struct RunData {
    QString runDir, runName;
    ModelBundle bundle;
    Dataset sample;  // labels are indices into bundle.labels
};

RunData loadRun(const QString& runDir, const AttackRequest& request) {
    RunData run;
    run.runDir = normalizedRunDir(runDir);
    run.runName = QFileInfo(run.runDir).fileName();
    const std::string dir = run.runDir.toStdString();
    run.bundle = loadModelBundle(dir + "/model");
    run.bundle.model->to(resolveDevice("auto", "device"));

    const DatasetSplits splits = loadDatasetSplits(loadRunConfig(dir + "/config.json").data);
    const bool dev = request.split == AttackSplit::Dev;
    const Dataset& split = dev ? splits.dev : splits.test;
    if (split.examples.empty())
        throw Error("run " + run.runName.toStdString() + " has no " + (dev ? "dev" : "test") + " split");
    // Examples whose label the model does not know cannot be scored; they are left out.
    std::vector<Example> known;
    for (Example example : split.examples) {
        example.label = run.bundle.labels.indexOf(splits.labels.name(example.label));
        if (example.label >= 0) known.push_back(std::move(example));
    }
    std::vector<std::size_t> chosen(known.size());
    for (std::size_t i = 0; i < chosen.size(); ++i) chosen[i] = i;
    if (request.sampleSize > 0 && known.size() > static_cast<std::size_t>(request.sampleSize)) {
        chosen = seededPermutation(known.size(), request.seed);
        chosen.resize(static_cast<std::size_t>(request.sampleSize));
        std::sort(chosen.begin(), chosen.end());
    }
    run.sample.source = split.source;
    for (std::size_t index : chosen) run.sample.examples.push_back(known[index]);
    return run;
}

nlohmann::json baseSummary(const RunData& run, const QString& attack, const AttackRequest& request) {
    return {{"attack", attack.toStdString()},
            {"seed", request.seed},
            {"run", run.runName.toStdString()},
            {"split", request.split == AttackSplit::Dev ? "dev" : "test"},
            {"sample_size", run.sample.examples.size()},
            {"labels", run.bundle.labels.names()}};
}

void saveResults(const RunData& run, const QString& attack, const nlohmann::json& summary,
                 const std::vector<nlohmann::json>& records) {
    std::filesystem::create_directories(robustnessFolder(run.runDir).toStdString());
    // Records first: a summary on disk always has its records beside it.
    writeFileAtomically(attackRecordsPath(run.runDir, attack).toStdString(), [&records](std::ostream& out) {
        for (const nlohmann::json& record : records) out << record.dump() << "\n";
    });
    writeFileAtomically(attackSummaryPath(run.runDir, attack).toStdString(), summary.dump(2) + "\n");
}

// The settings the Robustness page offers; the attacks' other options keep their defaults.
AttackSettings attackSettings(const std::string& attack, const AttackRequest& request) {
    AttackSettings settings;
    settings.attack = attack;
    settings.charSwap.queryBudget = request.queryBudget;
    settings.charSwap.seed = request.seed;
    settings.synonym.queryBudget = request.queryBudget;
    if (attack == "pgd") settings.pgd.norm = parsePgdNorm(request.norm.toStdString());
    settings.pgd.epsilons.assign(request.epsilons.begin(), request.epsilons.end());
    settings.pgd.relative = request.relativeEpsilon;
    settings.pgd.steps = request.pgdSteps;
    settings.pgd.restarts = request.pgdRestarts;
    settings.pgd.seed = request.seed;
    return settings;
}

int distinctCount(QVector<double> values) {
    std::sort(values.begin(), values.end());
    return static_cast<int>(std::unique(values.begin(), values.end()) - values.begin());
}

}  // namespace

struct AttackWorker::Impl {
    std::atomic<bool> cancelRequested{false};
    std::optional<WordNet> wordNet;  // read once per job, on first use
};

AttackWorker::AttackWorker(QObject* parent) : QObject(parent), impl_(std::make_unique<Impl>()) {}

AttackWorker::~AttackWorker() = default;

void AttackWorker::requestCancel() {
    impl_->cancelRequested = true;
}

void AttackWorker::run(const AttackRequest& request) {
    const int jobs = static_cast<int>(request.runDirs.size() * request.attacks.size());
    int job = 0;
    bool cancelled = false;
    for (const QString& runDir : request.runDirs) {
        if (impl_->cancelRequested) break;
        std::optional<RunData> run;
        try {
            run = loadRun(runDir, request);
        } catch (const std::exception& error) {
            for (const QString& attack : request.attacks)
                Q_EMIT attackFailed(runDir, attack, QString::fromStdString(error.what()));
            job += static_cast<int>(request.attacks.size());
            continue;
        }
        for (const QString& attack : request.attacks) {
            if (impl_->cancelRequested) break;
            const auto examples = static_cast<int>(run->sample.examples.size());
            const int total =
                examples * (attack == QStringLiteral("pgd") ? distinctCount(request.epsilons) : 1);
            QElapsedTimer sinceReport;
            sinceReport.start();
            const auto report = [&](int done) {
                if (impl_->cancelRequested) throw AttackCancelled{};
                if (done < total && sinceReport.elapsed() < kProgressIntervalMs) return;
                sinceReport.restart();
                Q_EMIT progress(job, jobs, run->runName, attack, done, total);
            };
            Q_EMIT progress(job, jobs, run->runName, attack, 0, total);
            try {
                const std::string name = attack.toStdString();
                if (name == "wordnet" && !impl_->wordNet)
                    impl_->wordNet.emplace(request.wordNetDirectory.toStdString());
                // pgd reports done / pending per ε, starting again at each ε; an ε with nothing
                // left to attack reports nothing.
                int epsilonsDone = 0;
                const AttackOutcome outcome = runNamedAttack(
                    run->bundle, run->sample, attackSettings(name, request),
                    impl_->wordNet ? &*impl_->wordNet : nullptr, [&](std::size_t done, std::size_t pending) {
                        if (name != "pgd") return report(static_cast<int>(done));
                        const int share = pending ? static_cast<int>(done * examples / pending) : examples;
                        report(std::min(total, epsilonsDone * examples + share));
                        if (done == pending) ++epsilonsDone;
                    });
                nlohmann::json summary = baseSummary(*run, attack, request);
                summary.update(outcome.summaryJson);
                if (impl_->cancelRequested) throw AttackCancelled{};  // asked for after the last report
                saveResults(*run, attack, summary, outcome.records);
                Q_EMIT progress(job, jobs, run->runName, attack, total, total);
                Q_EMIT resultReady(loadRunAttackResult(run->runDir, attack, /*withRecords=*/true));
            } catch (const AttackCancelled&) {
                cancelled = true;
                break;
            } catch (const std::exception& error) {
                Q_EMIT attackFailed(run->runDir, attack, QString::fromStdString(error.what()));
            }
            ++job;
        }
        if (cancelled) break;
    }
    Q_EMIT finished(cancelled || impl_->cancelRequested);
}

}  // namespace uegr::studio
