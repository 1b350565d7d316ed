// training.precision and training.deterministic on the CPU: bf16 autocast is active exactly
// inside a PrecisionScope and leaves weights fp32; a bf16 run's first loss follows the fp32 run's;
// generator states round-trip; an interrupted deterministic bf16 run resumes exactly.
// (The CUDA side of both keys is checked by scripts/gpu-check.sh.)
#include <torch/torch.h>

#include <QTemporaryDir>
#include <QtTest/QtTest>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

#include "../support/tiny_engine_config.h"
#include "model/model_bundle.h"
#include "train/determinism.h"
#include "train/generator_states.h"
#include "train/precision_scope.h"
#include "train/trainer.h"

using namespace uegr;

namespace {

struct StopAt : TrainingObserver {
    TrainingControl* control = nullptr;
    std::int64_t step = -1;
    void onStep(const StepTelemetry& telemetry) override {
        if (control && telemetry.step == step) control->stopRequested = true;
    }
};

TrainingSummary train(const RunConfig& config, std::int64_t stopAt = -1, const std::string& resume = {}) {
    Trainer trainer(config, resume);
    TrainingControl control;
    StopAt observer;
    observer.control = &control;
    observer.step = stopAt;
    return trainer.run(observer, control);
}

std::vector<nlohmann::json> stepRecords(const std::string& runDir) {
    std::vector<nlohmann::json> records;
    std::ifstream in(runDir + "/metrics.jsonl");
    std::string line;
    while (std::getline(in, line)) {
        nlohmann::json record = nlohmann::json::parse(line);
        if (record["type"] != "step") continue;
        record.erase("step_time_ms");
        record.erase("elapsed_seconds");
        records.push_back(record);
    }
    return records;
}

RunConfig transformerConfig(const std::string& method, const std::string& dir) {
    RunConfig config = testing::tinyEngineRunConfig(method, dir);
    testing::useSmallTransformer(config.model);
    config.training.epochs = 1;
    return config;
}

}  // namespace

class NumericModesTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void bf16AutocastIsActiveOnlyInsideTheScope() {
        const torch::Tensor a = torch::randn({4, 8}), b = torch::randn({8, 3});
        {
            const PrecisionScope scope("bf16", torch::Device(torch::kCPU));
            QCOMPARE(torch::mm(a, b).scalar_type(), torch::kBFloat16);
            QCOMPARE(fullPrecision(torch::mm(a, b)).scalar_type(), torch::kFloat);
            QCOMPARE((a * 2).scalar_type(), torch::kFloat);  // element-wise work is not cast
        }
        QCOMPARE(torch::mm(a, b).scalar_type(), torch::kFloat);
        const PrecisionScope fp32("fp32", torch::Device(torch::kCPU));
        QCOMPARE(torch::mm(a, b).scalar_type(), torch::kFloat);
    }

    void bf16RunFollowsTheFp32RunWithFp32Weights() {
        for (const std::string type : {"transformer", "textcnn"}) {
            QTemporaryDir dir;
            RunConfig fp32 = transformerConfig("uegr", dir.filePath("fp32").toStdString());
            fp32.model.type = type;
            RunConfig bf16 = fp32;
            bf16.output.dir = dir.filePath("bf16").toStdString();
            bf16.training.precision = "bf16";
            train(fp32);
            train(bf16);
            const auto exact = stepRecords(fp32.output.dir), reduced = stepRecords(bf16.output.dir);
            QCOMPARE(reduced.size(), exact.size());
            // Same weights and batch at step 1: only the rounding of the matrix products differs
            // (bf16 keeps 8 significant bits, so ~0.4 % per product).
            const double first = exact.front()["loss"].get<double>();
            const double reducedFirst = reduced.front()["loss"].get<double>();
            QVERIFY2(std::abs(reducedFirst - first) < 0.02 * first,
                     (type + ": " + reduced.front().dump() + " vs " + exact.front().dump()).c_str());
            QVERIFY2(reducedFirst != first, "bf16 must change the arithmetic");
            for (const auto& record : reduced) QVERIFY(std::isfinite(record["loss"].get<double>()));
            const ModelBundle bundle = loadModelBundle(bf16.output.dir + "/model");
            for (const auto& parameter : bundle.model->named_parameters())
                QVERIFY2(parameter.value().scalar_type() == torch::kFloat, parameter.key().c_str());
        }
    }

    void generatorStatesRoundTrip() {
        const GeneratorStates states = captureGeneratorStates();
        const torch::Tensor first = torch::rand({6});
        torch::rand({100});  // move on
        restoreGeneratorStates(states);
        QVERIFY(torch::equal(torch::rand({6}), first));
        QVERIFY(states.cuda.empty() || torch::cuda::is_available());
    }

    void deterministicSwitchesTheGlobalFlag() {
        configureDeterminism(true, torch::Device(torch::kCPU));
        QVERIFY(at::globalContext().deterministicAlgorithms());
        configureDeterminism(false, torch::Device(torch::kCPU));
        QVERIFY(!at::globalContext().deterministicAlgorithms());
    }

    void deterministicBf16RunResumesExactly() {
        QTemporaryDir dir;
        RunConfig full = transformerConfig("uegr", dir.filePath("full").toStdString());
        full.training.deterministic = true;
        full.training.precision = "bf16";
        full.output.checkpointEverySteps = 2;
        train(full);
        RunConfig parts = full;
        parts.output.dir = dir.filePath("parts").toStdString();
        QVERIFY(train(parts, /*stopAt=*/3).stoppedEarly);
        train(RunConfig{}, -1, parts.output.dir);
        const auto expected = stepRecords(full.output.dir), resumed = stepRecords(parts.output.dir);
        QCOMPARE(resumed.size(), expected.size());
        for (std::size_t i = 0; i < expected.size(); ++i)
            QVERIFY2(resumed[i] == expected[i], (resumed[i].dump() + " vs " + expected[i].dump()).c_str());
        configureDeterminism(false, torch::Device(torch::kCPU));
    }
};

QTEST_GUILESS_MAIN(NumericModesTest)
#include "test_numeric_modes.moc"
