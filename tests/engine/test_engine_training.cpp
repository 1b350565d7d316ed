// The engine and the trainer end to end: vanilla against an independent torch::optim::AdamW
// loop, the UEGR step's telemetry and masking, checkpoints and resume, non-finite losses,
// corrupt checkpoints, determinism and saliency snapshots.
#include <torch/torch.h>

#include <QTemporaryDir>
#include <QtTest/QtTest>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>

#include "../support/tiny_engine_config.h"
#include "engine/tiny_classifier.h"
#include "io/archive_file.h"
#include "model/model_bundle.h"
#include "train/checkpoint.h"
#include "train/trainer.h"
#include "train/training_engine.h"
#include "train/training_method.h"
#include "util/atomic_file.h"
#include "util/error.h"
#include "util/json_field.h"

using namespace uegr;
namespace fs = std::filesystem;

namespace {

// The small Transformer, masked from the first step.
RunConfig smallTransformerConfig() {
    RunConfig config;
    testing::useSmallTransformer(config.model);
    config.uegr.maskWarmupRatio = 0;
    return config;
}

RunConfig tinyRunConfig(const std::string& method, const std::string& dir) {
    RunConfig config = testing::tinyEngineRunConfig(method, dir);
    config.eval.everySteps = 4;
    config.output.keepCheckpoints = 3;
    return config;
}

std::vector<nlohmann::json> readMetrics(const std::string& runDir) {
    std::vector<nlohmann::json> records;
    std::ifstream in(runDir + "/metrics.jsonl");
    std::string line;
    while (std::getline(in, line))
        if (!line.empty()) records.push_back(nlohmann::json::parse(line));
    return records;
}

std::vector<double> stepLosses(const std::vector<nlohmann::json>& records) {
    std::vector<double> losses;
    for (const auto& record : records)
        if (record["type"] == "step") losses.push_back(record["loss"].get<double>());
    return losses;
}

struct Recorder : TrainingObserver {
    std::vector<StepTelemetry> steps;
    std::vector<EvalTelemetry> evals;
    std::vector<SaliencySnapshot> snapshots;
    TrainingControl* control = nullptr;
    std::int64_t stopAt = -1;
    void onStep(const StepTelemetry& step) override {
        steps.push_back(step);
        if (control && step.step == stopAt) control->stopRequested = true;
    }
    void onEval(const EvalTelemetry& eval) override { evals.push_back(eval); }
    void onSaliency(const SaliencySnapshot& snapshot) override { snapshots.push_back(snapshot); }
};

TrainingSummary train(const RunConfig& config, Recorder& recorder, const std::string& resume = {}) {
    Trainer trainer(config, resume);
    TrainingControl control;
    recorder.control = &control;
    return trainer.run(recorder, control);
}

// The schedule written out again, independently of train/learning_rate.h.
double expectedRate(double peak, int step, int total, int warmup) {
    if (step <= warmup) return peak * step / warmup;
    return peak * (total - step + 1) / double(total - warmup);
}

}  // namespace

class TestEngineTraining : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void vanillaMatchesTorchAdamWLoop() {
        const int steps = 6, warmup = 2;
        RunConfig config;
        config.training.lr = 0.01;
        config.training.weightDecay = 0.05;
        config.training.warmupRatio = double(warmup) / steps;
        config.uegr.maxGradNorm = 0.5;
        const auto engineModel = test::makeTinyClassifier(21);
        const auto referenceModel = test::makeTinyClassifier(21);
        TrainingEngine engine(engineModel, config, steps, "importance");
        const auto method = createTrainingMethod("vanilla");
        torch::optim::AdamW reference(referenceModel->parameters(),
                                      torch::optim::AdamWOptions(0.01).weight_decay(0.05));
        for (int step = 1; step <= steps; ++step) {
            const Batch batch = test::makeTinyBatch(100 + step);
            const StepResult result = method->step(engine, batch, {step, false});

            for (auto& group : reference.param_groups())
                static_cast<torch::optim::AdamWOptions&>(group.options())
                    .lr(expectedRate(0.01, step, steps, warmup));
            reference.zero_grad();
            const torch::Tensor loss = torch::nn::functional::cross_entropy(
                referenceModel->forward(batch.inputIds, batch.attentionMask), batch.labels);
            loss.backward();
            const double norm = torch::nn::utils::clip_grad_norm_(referenceModel->parameters(), 0.5);
            reference.step();

            QVERIFY(std::abs(result.telemetry.loss - loss.item<double>()) < 1e-5);
            QVERIFY(std::abs(result.telemetry.gradNorm - norm) < 1e-4);
            QVERIFY(std::abs(result.telemetry.lr - expectedRate(0.01, step, steps, warmup)) < 1e-12);
        }
        const auto a = engineModel->parameters(), b = referenceModel->parameters();
        for (std::size_t i = 0; i < a.size(); ++i) QVERIFY(torch::allclose(a[i], b[i], 1e-4, 1e-5));
    }

    void uegrStepMasksAndReports() {
        const int steps = 4;
        RunConfig config;
        config.uegr.maskWarmupRatio = 0.25;  // step 1 unmasked, steps 2-4 masked
        config.uegr.keepRatio = 0.3;
        const auto model = test::makeTinyClassifier(5, 0.1);
        TrainingEngine engine(model, config, steps, "importance");
        const auto method = createTrainingMethod("uegr");
        const auto& parameters = engine.parameters();
        std::int64_t eligible = 0;
        for (const auto& p : parameters) eligible += p.eligible ? p.tensor.numel() : 0;
        QCOMPARE(eligible, std::int64_t{8 * 8});  // only block0.weight

        for (int step = 1; step <= steps; ++step) {
            std::vector<torch::Tensor> before;
            for (const auto& p : parameters) before.push_back(p.tensor.detach().clone());
            const StepResult result = method->step(engine, test::makeTinyBatch(step), {step, step == 3});
            const StepTelemetry& t = result.telemetry;
            QVERIFY(std::isfinite(t.loss) && t.lossClean > 0 && t.lossAdv > 0 && t.lossJs >= 0);
            QVERIFY(std::abs(t.loss - (t.lossClean + t.lossAdv + t.lossJs)) < 1e-4);
            QCOMPARE(t.dropoutRates.size(), std::size_t{2});
            for (const auto& [site, rate] : t.dropoutRates) QVERIFY(rate >= 0.05 && rate <= 0.30);
            QCOMPARE(t.maskDensity.size(), std::size_t{1});
            QCOMPARE(t.maskDensity[0].first, std::string("block0"));
            if (step == 1) {
                QCOMPARE(t.maskDensityGlobal, 1.0);
                continue;
            }
            QCOMPARE(t.maskDensityGlobal, std::floor(0.3 * 64) / 64);
            // Hard mask: dropped elements of block0.weight did not move; exempt tensors did.
            for (std::size_t i = 0; i < parameters.size(); ++i) {
                const torch::Tensor& mask = engine.masks()[i];
                if (!parameters[i].eligible) {
                    QVERIFY(!mask.defined());
                    QVERIFY(!torch::equal(parameters[i].tensor.detach(), before[i]));
                    continue;
                }
                QVERIFY(torch::equal(parameters[i].tensor.detach().masked_select(~mask),
                                     before[i].masked_select(~mask)));
            }
            if (step == 3) {
                QVERIFY(result.snapshot.has_value());
                QCOMPARE(result.snapshot->tensors.size(), parameters.size());
                for (const auto& map : result.snapshot->tensors) {
                    QVERIFY(map.rows <= 64 && map.cols <= 64 &&
                            map.rows * map.cols == int(map.values.size()));
                    if (map.tensor == "block0.weight") {
                        double kept = 0;
                        for (float f : map.keptFraction) kept += f;
                        QVERIFY(std::abs(kept / map.keptFraction.size() - std::floor(0.3 * 64) / 64) < 1e-6);
                    }
                }
            }
        }
        QVERIFY(engine.dropout().hasImportance());
    }

    void maskDensityPerLayerMatchesTheMasks() {
        // A small Transformer has several layers with several eligible tensors each: the
        // reported density of every layer must equal the kept share counted from the masks
        // themselves, for both rankings and on steps where the mask is reused (mask_every 2).
        for (const std::string rank : {"global", "per_tensor"}) {
            RunConfig config = smallTransformerConfig();
            config.uegr.maskEvery = 2;
            config.uegr.keepRatio = 0.35;
            config.uegr.maskRank = rank;
            torch::manual_seed(2);
            const TextClassifier model = createModel(config.model, 50, 3, 7);
            TrainingEngine engine(model, config, 4, "importance");
            const auto method = createTrainingMethod("uegr");
            for (int step = 1; step <= 3; ++step) {
                const StepTelemetry t =
                    method->step(engine, test::makeTinyBatch(step), {step, false}).telemetry;
                std::map<std::string, std::pair<double, double>> counted;  // layer -> kept, eligible
                std::int64_t eligible = 0;
                for (std::size_t i = 0; i < engine.parameters().size(); ++i) {
                    const EngineParameter& parameter = engine.parameters()[i];
                    if (!parameter.eligible) continue;
                    const torch::Tensor& mask = engine.masks()[i];
                    const auto kept = static_cast<double>(mask.sum().item<std::int64_t>());
                    auto& [keptCount, size] = counted[engine.layers()[parameter.layer].name];
                    keptCount += kept;
                    size += static_cast<double>(mask.numel());
                    eligible += mask.numel();
                    if (rank == "per_tensor")
                        QCOMPARE(kept, std::floor(0.35 * static_cast<double>(mask.numel())));
                }
                QVERIFY(counted.size() >= 2);
                QCOMPARE(t.maskDensity.size(), counted.size());
                double keptTotal = 0;
                for (const auto& [layer, density] : t.maskDensity) {
                    const auto& [keptCount, size] = counted.at(layer);
                    QVERIFY2(std::abs(density - keptCount / size) < 1e-12, (rank + " " + layer).c_str());
                    keptTotal += keptCount;
                }
                QVERIFY(std::abs(t.maskDensityGlobal - keptTotal / static_cast<double>(eligible)) < 1e-12);
                if (rank == "global") QCOMPARE(keptTotal, std::floor(0.35 * static_cast<double>(eligible)));
            }
        }
    }

    void tensorOpsOptimizerPathTrainsLikeTheFusedOne() {
        // GPUs run MaskedAdamW's bucketed tensor-ops path; here both paths train the same small
        // Transformer with UEGR's masks (views of one flat mask) for a few steps.
        const RunConfig config = smallTransformerConfig();
        std::vector<std::vector<torch::Tensor>> trained;
        std::vector<std::vector<double>> losses;
        std::vector<bool> noiseOnly;  // per parameter
        for (const bool fused : {true, false}) {
            torch::manual_seed(3);
            const TextClassifier model = createModel(config.model, 50, 3, 7);
            TrainingEngine engine(model, config, 5, "importance");
            engine.optimizer().setFusedCpuKernel(fused);
            const auto method = createTrainingMethod("uegr");
            losses.emplace_back();
            for (int step = 1; step <= 4; ++step)
                losses.back().push_back(
                    method->step(engine, test::makeTinyBatch(step), {step, false}).telemetry.loss);
            trained.emplace_back();
            noiseOnly.resize(engine.parameters().size(), false);
            for (std::size_t i = 0; i < engine.parameters().size(); ++i) {
                const torch::Tensor& parameter = engine.parameters()[i].tensor;
                trained.back().push_back(parameter.detach().clone());
                // The attention key bias cannot change a softmax: its gradient is rounding noise
                // (~1e-10), which Adam scales up to steps that differ between any two
                // implementations. Such parameters are left out of the comparison.
                if (parameter.grad().abs().max().item<double>() < 1e-7) noiseOnly[i] = true;
            }
        }
        for (std::size_t step = 0; step < losses[0].size(); ++step)
            QVERIFY2(std::abs(losses[0][step] - losses[1][step]) < 1e-4,
                     qPrintable(QStringLiteral("step %1: %2 vs %3")
                                    .arg(step + 1)
                                    .arg(losses[0][step])
                                    .arg(losses[1][step])));
        int compared = 0;
        for (std::size_t i = 0; i < trained[0].size(); ++i) {
            if (noiseOnly[i]) continue;
            ++compared;
            const double gap = (trained[0][i] - trained[1][i]).abs().max().item<double>();
            QVERIFY2(torch::allclose(trained[0][i], trained[1][i], 1e-4, 1e-6),
                     qPrintable(QStringLiteral("parameter %1: gap %2").arg(i).arg(gap)));
        }
        QVERIFY(compared >= static_cast<int>(trained[0].size()) - 2);
    }

    void everyMethodTrainsAndAblationsDiffer() {
        for (const std::string method : {"rdrop", "freelb", "childtuning_d", "uegr_no_mask", "uegr_no_js",
                                         "uegr_no_adv", "uegr_uniform_dropout"}) {
            RunConfig config;
            config.uegr.maskWarmupRatio = 0;
            const auto model = test::makeTinyClassifier(8, 0.1);
            TrainingEngine engine(model, config, 3, createTrainingMethod(method)->dropoutRule(config));
            const auto steps = createTrainingMethod(method);
            EncodedDataset data(
                Dataset{"d", {{"good movie", "", 0, 1}, {"bad film", "", 1, 2}}},
                TextEncoder::words(Vocabulary::build({{"good", "movie", "bad", "film"}}, 1, 100), true), 8);
            steps->prepare(engine, data);
            const StepTelemetry t = steps->step(engine, test::makeTinyBatch(3), {1, false}).telemetry;
            QVERIFY2(std::isfinite(t.loss), method.c_str());
            if (method == "uegr_no_mask" || method == "rdrop" || method == "freelb")
                QCOMPARE(t.maskDensityGlobal, 1.0);
            if (method == "childtuning_d") QCOMPARE(t.maskDensityGlobal, std::floor(0.5 * 64) / 64);
            if (method == "uegr_no_js") QVERIFY(std::abs(t.loss - (t.lossClean + t.lossAdv)) < 1e-5);
            if (method == "freelb") QVERIFY(std::abs(t.loss - (t.lossClean + t.lossAdv)) < 1e-5);
            if (method == "rdrop") QVERIFY(std::abs(t.loss - (t.lossClean + t.lossJs)) < 1e-5);
        }
        QVERIFY_THROWS_EXCEPTION(ConfigError, createTrainingMethod("sgd"));
    }

    void deterministicAndWritesRunFiles() {
        QTemporaryDir dir;
        Recorder first, second;
        const RunConfig a = tinyRunConfig("uegr", dir.filePath("a").toStdString());
        const RunConfig b = tinyRunConfig("uegr", dir.filePath("b").toStdString());
        const TrainingSummary summary = train(a, first);
        train(b, second);
        QCOMPARE(summary.steps, std::int64_t{12});
        QVERIFY(summary.hasTest && !summary.stoppedEarly);
        const auto losses = stepLosses(readMetrics(a.output.dir));
        QCOMPARE(losses.size(), std::size_t{12});
        QCOMPARE(losses, stepLosses(readMetrics(b.output.dir)));
        QCOMPARE(first.evals.size(), std::size_t{3});  // steps 4, 8, 12
        for (const char* file :
             {"config.json", "metrics.jsonl", "summary.json", "model/config.json", "checkpoints/latest"})
            QVERIFY2(fs::exists(a.output.dir + "/" + file), file);
        const nlohmann::json saved = nlohmann::json::parse(std::ifstream(a.output.dir + "/summary.json"));
        QCOMPARE(saved["steps"].get<int>(), 12);
        QCOMPARE(saved["best_dev"]["accuracy"].get<double>(), summary.bestDev.accuracy);
        // The per-class report: 24 dev and 24 test rows, the diagonal share is the accuracy.
        for (const char* split : {"best_dev", "test"}) {
            const EvalTelemetry read = metricsFromJson(JsonField(saved, "summary.json").at(split));
            const EvalTelemetry& written = std::string(split) == "test" ? summary.test : summary.bestDev;
            QCOMPARE(read.confusion.labels, written.confusion.labels);
            QCOMPARE(read.confusion.matrix.counts, written.confusion.matrix.counts);
            QCOMPARE(read.confusion.matrix.total(), std::int64_t{24});
            QCOMPARE(accuracy(read.confusion.matrix), read.accuracy);
            QCOMPARE(saved[split]["per_class"].size(), read.confusion.labels.size());
        }
        QCOMPARE(first.evals.back().confusion.matrix.total(), std::int64_t{24});
    }

    void resumeReproducesTheUninterruptedRun() {
        QTemporaryDir dir;
        RunConfig full = tinyRunConfig("uegr", dir.filePath("full").toStdString());
        full.output.checkpointEverySteps = 2;
        full.output.saliencyEverySteps = 5;
        Recorder uninterrupted;
        const TrainingSummary expected = train(full, uninterrupted);
        QCOMPARE(uninterrupted.snapshots.size(), std::size_t{2});

        RunConfig parts = full;
        parts.output.dir = dir.filePath("parts").toStdString();
        Recorder firstPart;
        firstPart.stopAt = 7;  // mid-epoch, between checkpoints: stop writes its own
        const TrainingSummary stopped = train(parts, firstPart);
        QVERIFY(stopped.stoppedEarly);
        QCOMPARE(stopped.steps, std::int64_t{7});
        QVERIFY(fs::exists(parts.output.dir + "/checkpoints/step-7"));
        Recorder secondPart;
        const TrainingSummary resumed = train(RunConfig{}, secondPart, parts.output.dir);
        QCOMPARE(secondPart.steps.front().step, std::int64_t{8});
        // The wall clock continues from the checkpoint instead of starting again at 0.
        QVERIFY(*secondPart.steps.front().elapsedSeconds >= *firstPart.steps.back().elapsedSeconds);

        const auto expectedRecords = readMetrics(full.output.dir);
        const auto resumedRecords = readMetrics(parts.output.dir);
        QCOMPARE(resumedRecords.size(), expectedRecords.size());
        for (std::size_t i = 0; i < expectedRecords.size(); ++i) {
            nlohmann::json a = expectedRecords[i], b = resumedRecords[i];
            for (const char* timing : {"step_time_ms", "elapsed_seconds"}) {
                a.erase(timing);
                b.erase(timing);
            }
            QVERIFY2(a == b, (a.dump() + " vs " + b.dump()).c_str());
        }
        QCOMPARE(resumed.test.accuracy, expected.test.accuracy);
        QCOMPARE(resumed.test.loss, expected.test.loss);
        QCOMPARE(resumed.bestDev.accuracy, expected.bestDev.accuracy);
        // keep_checkpoints = 3: only the newest remain.
        int folders = 0;
        for (const auto& entry : fs::directory_iterator(full.output.dir + "/checkpoints"))
            folders += entry.is_directory() ? 1 : 0;
        QCOMPARE(folders, 3);
    }

    void nonFiniteLossUpdatesNothing() {
        RunConfig config;
        const auto model = test::makeTinyClassifier(4);
        TrainingEngine engine(model, config, 5, "importance");
        {
            const torch::NoGradGuard noGrad;
            model->head->weight.fill_(std::numeric_limits<float>::quiet_NaN());
        }
        std::vector<torch::Tensor> before;
        for (const auto& p : engine.parameters()) before.push_back(p.tensor.detach().clone());
        for (const std::string method : {"uegr", "vanilla"}) {
            QVERIFY_THROWS_EXCEPTION(NonFiniteLossError, createTrainingMethod(method)->step(
                                                             engine, test::makeTinyBatch(1), {1, false}));
            for (std::size_t i = 1; i < before.size(); ++i)  // [0] is the embedding table
                QVERIFY(torch::equal(engine.parameters()[i].tensor.detach().nan_to_num(),
                                     before[i].nan_to_num()));
            QVERIFY(torch::equal(engine.parameters()[0].tensor.detach(), before[0]));
        }
    }

    void nonFiniteLossStopsWithTheLastGoodCheckpoint() {
        QTemporaryDir dir;
        RunConfig config = tinyRunConfig("uegr", dir.filePath("nan").toStdString());
        config.eval.everySteps = 1;
        Recorder recorder;
        recorder.stopAt = 2;
        train(config, recorder);
        // Poison the checkpoint's weights: the next step's loss is NaN.
        const std::string checkpoint = config.output.dir + "/checkpoints/step-2";
        ModelBundle bundle = loadModelBundle(config.output.dir + "/model");
        torch::serialize::InputArchive in;
        in.load_from(checkpoint + "/model.pt");
        bundle.model->load(in);
        for (auto& parameter : bundle.model->parameters()) {
            const torch::NoGradGuard noGrad;
            parameter.fill_(std::numeric_limits<float>::quiet_NaN());
        }
        torch::serialize::OutputArchive out;
        bundle.model->save(out);
        // Written as a checkpoint is, with its checksum: finite-looking bytes, NaN weights.
        const std::string bytes = archiveBytes(out);
        writeFileAtomically(checkpoint + "/model.pt", bytes);
        CheckpointManifest manifest = readCheckpointManifest(checkpoint + "/progress.json");
        manifest.files["model.pt"] = describeCheckpointFile(bytes);
        writeFileAtomically(checkpoint + "/progress.json", manifestJson(manifest));

        Recorder resumed;
        try {
            train(RunConfig{}, resumed, config.output.dir);
            QFAIL("expected a non-finite loss error");
        } catch (const Error& error) {
            const std::string expected = "non-finite loss at step 3; last good checkpoint: " + checkpoint;
            QVERIFY2(error.what() == expected, error.what());
        }
        QVERIFY(resumed.steps.empty());
        QVERIFY(fs::exists(checkpoint + "/model.pt"));
        QVERIFY(!fs::exists(config.output.dir + "/checkpoints/step-3"));
    }

    void corruptCheckpointIsAnError() {
        QTemporaryDir dir;
        RunConfig config = tinyRunConfig("uegr", dir.filePath("run").toStdString());
        config.training.epochs = 1;
        Recorder recorder;
        recorder.stopAt = 2;
        train(config, recorder);
        const std::string model = config.output.dir + "/checkpoints/step-2/model.pt";
        std::ofstream(model, std::ios::trunc) << "not a checkpoint";
        Recorder again;
        try {
            train(RunConfig{}, again, config.output.dir);
            QFAIL("expected an error for the corrupt checkpoint");
        } catch (const Error& error) {
            QVERIFY2(std::string(error.what()).find(model) != std::string::npos, error.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestEngineTraining)
#include "test_engine_training.moc"
