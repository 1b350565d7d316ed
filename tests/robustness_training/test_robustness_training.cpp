// Robustness checks during training (train/robustness_monitor.h): the config keys, checks on
// their own thread with one intra-op thread, records in metrics.jsonl and summary.json that equal
// what `uegr attack` reports for the same weights, an unchanged training random stream, and a
// stop request in the middle of a check.
#include <ATen/Parallel.h>
#include <torch/torch.h>

#include <QTemporaryDir>
#include <QtTest/QtTest>
#include <nlohmann/json.hpp>

#include <chrono>
#include <condition_variable>
#include <fstream>
#include <mutex>
#include <thread>

#include "../support/cli_runner.h"
#include "../support/tiny_engine_config.h"
#include "config/run_config.h"
#include "train/run_reader.h"
#include "train/trainer.h"
#include "util/atomic_file.h"
#include "util/error.h"

using namespace uegr;
using nlohmann::json;

namespace {

const std::string kEngineData = std::string(UEGR_TEST_DATA_DIR) + "/engine/";

RunConfig tinyRunConfig(const std::string& dir) {
    RunConfig config = testing::tinyEngineRunConfig("vanilla", dir);
    config.training.threads = 2;  // training keeps two threads while the check runs on one
    config.robustness.everyEpochs = 1;
    config.robustness.attack = "charswap";
    config.robustness.examples = 20;
    config.robustness.budget = 200;
    return config;
}

// Records everything. Either holds the first step of each epoch until the previous epoch's check
// has reported, so that every due check runs, or holds each check's report until a check was
// skipped, so that one overlaps the next epoch's end, independently of the machine's speed.
enum class Pacing { None, WaitForChecks, HoldChecksUntilSkipped };

class Recorder : public TrainingObserver {
public:
    explicit Recorder(Pacing pacing) : pacing_(pacing) {}

    void onStep(const StepTelemetry& step) override {
        losses.push_back(step.loss);
        trainingThreads = at::get_num_threads();
        if (control && step.epoch == stopAtEpoch) control->stopRequested = true;
        if (pacing_ != Pacing::WaitForChecks || step.epoch < 2) return;
        std::unique_lock<std::mutex> lock(mutex_);
        const auto expected = static_cast<std::size_t>(step.epoch - 1);
        checkArrived_.wait_for(lock, std::chrono::seconds(30), [&] { return checks.size() >= expected; });
    }
    void onMessage(const std::string& message) override {
        const std::lock_guard<std::mutex> lock(mutex_);
        messages.push_back(message);
        skipped |= message.find("skipped") != std::string::npos;
        checkArrived_.notify_all();
    }
    void onRobustness(const RobustnessTelemetry& robustness) override {
        std::unique_lock<std::mutex> lock(mutex_);
        if (pacing_ == Pacing::HoldChecksUntilSkipped)
            checkArrived_.wait_for(lock, std::chrono::seconds(30), [&] { return skipped; });
        checks.push_back(robustness);
        checkThreads.push_back(std::this_thread::get_id());
        checkIntraOpThreads.push_back(at::get_num_threads());
        checkArrived_.notify_all();
    }

    TrainingControl* control = nullptr;
    int stopAtEpoch = -1;
    std::vector<double> losses;
    int trainingThreads = 0;
    std::vector<std::string> messages;
    bool skipped = false;
    std::vector<RobustnessTelemetry> checks;
    std::vector<std::thread::id> checkThreads;
    std::vector<int> checkIntraOpThreads;

private:
    Pacing pacing_;
    std::mutex mutex_;
    std::condition_variable checkArrived_;
};

TrainingSummary train(const RunConfig& config, Recorder& recorder) {
    Trainer trainer(config);
    TrainingControl control;
    recorder.control = &control;
    return trainer.run(recorder, control);
}

void expectConfigError(const json& document, const std::string& key) {
    try {
        parseRunConfig(document, "test");
        QFAIL(("no error for " + document.dump()).c_str());
    } catch (const ConfigError& error) {
        QCOMPARE(QString::fromStdString(error.key()), QString::fromStdString(key));
        QVERIFY2(std::string(error.what()).find(key) != std::string::npos, error.what());
    }
}

std::vector<json> recordsOfType(const std::string& runDir, const std::string& type) {
    std::vector<json> records;
    std::ifstream in(runDir + "/metrics.jsonl");
    for (std::string line; std::getline(in, line);) {
        const json record = json::parse(line);
        if (record.at("type") == type) records.push_back(record);
    }
    return records;
}

}  // namespace

class TestRobustnessTraining : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void configDefaultsAndRoundTrip() {
        const RunConfig defaults = parseRunConfig(json::object());
        QCOMPARE(defaults.robustness.everyEpochs, 0);
        QCOMPARE(defaults.robustness.attack, std::string("charswap"));
        QCOMPARE(defaults.robustness.examples, 100);
        QCOMPARE(defaults.robustness.budget, 1000);
        QCOMPARE(defaults.robustness.pgdEpsilon, 0.01);
        const json set = {{"robustness",
                           {{"every_epochs", 2},
                            {"attack", "pgd"},
                            {"examples", 7},
                            {"budget", 50},
                            {"pgd_epsilon", 0.2}}}};
        const RunConfig parsed = parseRunConfig(set);
        QCOMPARE(parsed.robustness.everyEpochs, 2);
        QCOMPARE(parsed.robustness.attack, std::string("pgd"));
        QCOMPARE(parsed.robustness.examples, 7);
        QCOMPARE(parsed.robustness.budget, 50);
        QCOMPARE(parsed.robustness.pgdEpsilon, 0.2);
        QCOMPARE(toJson(parsed)["robustness"], set["robustness"]);
    }

    void configErrorsNameTheKey() {
        const auto section = [](const json& values) { return json{{"robustness", values}}; };
        expectConfigError(section({{"every_epochs", -1}}), "robustness.every_epochs");
        expectConfigError(section({{"every_epochs", 1.5}}), "robustness.every_epochs");
        expectConfigError(section({{"attack", "textfooler"}}), "robustness.attack");
        expectConfigError(section({{"attack", 3}}), "robustness.attack");
        expectConfigError(section({{"examples", 0}}), "robustness.examples");
        expectConfigError(section({{"budget", 0}}), "robustness.budget");
        expectConfigError(section({{"pgd_epsilon", 0.0}}), "robustness.pgd_epsilon");
        expectConfigError(section({{"pgd_epsilon", "0.1"}}), "robustness.pgd_epsilon");
        expectConfigError(section({{"every_epoch", 1}}), "robustness.every_epoch");
    }

    // Two epochs, a check after each: records in metrics.jsonl and the summary, made off the training
    // thread with one intra-op thread, equal to `uegr attack` on the exported (best) model.
    void checksMatchTheAttackCommand() {
        QTemporaryDir dir;
        const RunConfig config = tinyRunConfig(dir.filePath("run").toStdString());
        Recorder recorder(Pacing::WaitForChecks);
        const TrainingSummary summary = train(config, recorder);

        QCOMPARE(recorder.checks.size(), std::size_t{2});
        const RunMetrics metrics = readMetricsLog(config.output.dir + "/metrics.jsonl");
        QCOMPARE(metrics.robustness.size(), std::size_t{2});
        QCOMPARE(metrics.evals.size(), std::size_t{2});
        for (std::size_t i = 0; i < 2; ++i) {
            const RobustnessTelemetry& logged = metrics.robustness[i];
            QCOMPARE(logged.epoch, static_cast<int>(i + 1));
            QCOMPARE(logged.step, metrics.evals[i].step);  // checked right after that epoch's evaluation
            QCOMPARE(logged.attack, std::string("charswap"));
            QCOMPARE(logged.examples, std::int64_t{20});
            QCOMPARE(logged.accuracyUnderAttack, recorder.checks[i].accuracyUnderAttack);
            QVERIFY(logged.accuracyUnderAttack <= logged.cleanAccuracy);
            QVERIFY(recorder.checkThreads[i] != std::this_thread::get_id());
            QCOMPARE(recorder.checkIntraOpThreads[i], 1);
        }
        QCOMPARE(recorder.trainingThreads, 2);

        QVERIFY(summary.hasRobustness);
        QCOMPARE(summary.robustness.step, metrics.robustness.back().step);
        const json written = json::parse(readFile(config.output.dir + "/summary.json"));
        QCOMPARE(written["robustness"]["accuracy_under_attack"].get<double>(),
                 metrics.robustness.back().accuracyUnderAttack);

        // model/ holds the best dev epoch's weights: the check of that step must agree with the CLI.
        const RobustnessTelemetry* best = nullptr;
        for (const RobustnessTelemetry& check : metrics.robustness)
            if (check.step == summary.bestDev.step) best = &check;
        QVERIFY(best);
        const auto cli = uegr::testing::runCli(
            {"attack", "--model", QString::fromStdString(config.output.dir + "/model"), "--data",
             QString::fromStdString(kEngineData + "dev.csv"), "--attack", "charswap", "--limit", "20",
             "--budget", "200", "--seed", QString::number(config.training.seed), "--threads", "1"});
        QVERIFY2(cli.exitCode == 0, cli.err.constData());
        const json reported = json::parse(cli.out.toStdString());
        QCOMPARE(reported["examples"].get<std::int64_t>(), best->examples);
        QCOMPARE(reported["clean_accuracy"].get<double>(), best->cleanAccuracy);
        QCOMPARE(reported["accuracy_under_attack"].get<double>(), best->accuracyUnderAttack);
        QCOMPARE(reported["attack_success_rate"].get<double>(), best->attackSuccessRate);
    }

    // The model copy is built without drawing from the global generator: the same losses with
    // checks on and off.
    void checksLeaveTrainingUnchanged() {
        QTemporaryDir dir;
        RunConfig with = tinyRunConfig(dir.filePath("with").toStdString());
        with.robustness.attack = "pgd";
        RunConfig without = tinyRunConfig(dir.filePath("without").toStdString());
        without.robustness.everyEpochs = 0;
        Recorder checked(Pacing::WaitForChecks), unchecked(Pacing::None);
        train(with, checked);
        train(without, unchecked);
        QCOMPARE(checked.checks.size(), std::size_t{2});
        QCOMPARE(checked.checks.front().attack, std::string("pgd"));
        QVERIFY(unchecked.checks.empty());
        QVERIFY(recordsOfType(without.output.dir, "robustness").empty());
        QCOMPARE(checked.losses, unchecked.losses);
    }

    // A check that is due while the previous one runs is skipped with a note, not queued.
    void overlappingCheckIsSkipped() {
        QTemporaryDir dir;
        const RunConfig config = tinyRunConfig(dir.filePath("run").toStdString());
        Recorder recorder(Pacing::HoldChecksUntilSkipped);
        const TrainingSummary summary = train(config, recorder);
        QVERIFY(!summary.stoppedEarly);
        QVERIFY(recorder.skipped);
        QVERIFY(std::find(recorder.messages.begin(), recorder.messages.end(),
                          "robustness check of epoch 2 skipped: the check of epoch 1 is still running") !=
                recorder.messages.end());
        QCOMPARE(recorder.checks.size(), std::size_t{1});
        QCOMPARE(recorder.checks.front().epoch, 1);
        QCOMPARE(recordsOfType(config.output.dir, "robustness").size(), std::size_t{1});
        QVERIFY(summary.hasRobustness);
        QCOMPARE(summary.robustness.epoch, 1);
    }

    // Stop right after a long check started (3000 dev examples: seconds of attacking, while a step
    // of this model takes milliseconds): the run ends with its checkpoint, and the check is
    // cancelled and leaves no record.
    void stopDuringCheckFinishesCleanly() {
        QTemporaryDir dir;
        const std::string rows = readFile(kEngineData + "dev.csv");
        std::string largeDev = rows;
        const std::string body = rows.substr(rows.find('\n') + 1);
        for (int copy = 1; copy < 125; ++copy) largeDev += body;
        const std::string devPath = dir.filePath("dev.csv").toStdString();
        writeFileAtomically(devPath, largeDev);
        RunConfig config = tinyRunConfig(dir.filePath("run").toStdString());
        config.data.dev = devPath;
        config.robustness.examples = 3000;
        config.training.epochs = 3;
        Recorder recorder(Pacing::None);
        recorder.stopAtEpoch = 2;
        const TrainingSummary summary = train(config, recorder);
        QVERIFY(summary.stoppedEarly);
        QVERIFY(!summary.hasRobustness);
        QVERIFY(recorder.checks.empty());
        QVERIFY(recordsOfType(config.output.dir, "robustness").empty());
        QCOMPARE(recordsOfType(config.output.dir, "eval").size(), std::size_t{1});
        QVERIFY(QFile::exists(QString::fromStdString(config.output.dir + "/checkpoints/latest")));
    }
};

QTEST_GUILESS_MAIN(TestRobustnessTraining)
#include "test_robustness_training.moc"
