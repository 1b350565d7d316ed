#include "train/trainer.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <optional>
#include <thread>

#include "data/dataset.h"
#include "eval/evaluation.h"
#include "io/archive_file.h"
#include "model/device_selection.h"
#include "model/model_bundle.h"
#include "model/pretrained_model.h"
#include "model/text_classifier.h"
#include "text/batching.h"
#include "text/text_encoder.h"
#include "text/tokenizer.h"
#include "text/vocabulary.h"
#include "train/checkpoint.h"
#include "train/determinism.h"
#include "train/device_memory.h"
#include "train/precision_scope.h"
#include "train/robustness_monitor.h"
#include "train/run_directory.h"
#include "train/training_engine.h"
#include "train/training_method.h"
#include "util/atomic_file.h"
#include "util/error.h"
#include "util/runtime_info.h"

namespace uegr {
namespace fs = std::filesystem;

struct Trainer::State {
    RunConfig config;
    bool resume = false;
    OwnedRunDirectory run;
    std::string runDir;
    torch::Device device{torch::kCPU};
    DatasetSplits splits;
    TextEncoder encoder;
    std::vector<std::string>
        startNotes;  // skipped rows, pretrained-model loading notes: for run()'s observer
    std::unique_ptr<EncodedDataset> train, dev, test;
    TextClassifier model;
    std::unique_ptr<TrainingMethod> method;
    std::unique_ptr<TrainingEngine> engine;
    std::int64_t batchesPerEpoch = 0;
    std::int64_t totalSteps = 0;
};

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// From-scratch models: a word vocabulary built from the training split.
TextEncoder buildWordEncoder(const Dataset& train, const DataConfig& config) {
    std::vector<std::vector<std::string>> texts;
    texts.reserve(train.examples.size() * 2);
    for (const Example& example : train.examples) {
        texts.push_back(tokenize(example.text, config.lowercase));
        if (!example.pair.empty()) texts.push_back(tokenize(example.pair, config.lowercase));
    }
    return TextEncoder::words(Vocabulary::build(texts, config.minCount, config.maxVocab), config.lowercase);
}

// LibTorch's own message is a page of allocator statistics; say what to change instead.
std::string outOfMemoryMessage(const TrainingConfig& training, std::int64_t step, const std::string& checkpoint) {
    std::string message = "out of GPU memory at step " + std::to_string(step) + " with training.batch_size " +
                          std::to_string(training.batchSize) + ": try a smaller batch";
    if (training.precision == "fp32") message += " or training.precision \"bf16\"";
    return message + "; last good checkpoint: " + (checkpoint.empty() ? "none" : checkpoint);
}

double selectedMetric(const EvalTelemetry& eval, const std::string& selectBy) {
    if (selectBy == "macro_f1") return eval.macroF1;
    if (selectBy == "mcc") return eval.mcc;
    return eval.accuracy;
}

EvalTelemetry toTelemetry(const EvaluationResult& result, const LabelSet& labels, std::int64_t step,
                          int epoch) {
    EvalTelemetry eval;
    eval.step = step;
    eval.epoch = epoch;
    eval.accuracy = result.accuracy;
    eval.macroF1 = result.macroF1;
    eval.mcc = result.mcc;
    eval.loss = result.loss;
    if (!result.confusion.counts.empty()) eval.confusion = {labels.names(), result.confusion};
    return eval;
}

// Parameters and buffers by name, for keeping the best weights and restoring them at the end.
void saveWeights(torch::nn::Module& model, const std::string& path) {
    torch::serialize::OutputArchive archive;
    model.save(archive);
    saveArchiveAtomically(archive, path);
}

void loadWeights(torch::nn::Module& model, const std::string& path, const torch::Device& device) {
    try {
        torch::serialize::InputArchive archive;
        archive.load_from(path, device);
        model.load(archive);
    } catch (const c10::Error& error) {
        throw Error("cannot read " + path + ": " + error.what_without_backtrace());
    }
}

// One label would train a constant predictor that scores a perfect accuracy on its own data.
void requireTwoLabels(const DatasetSplits& splits) {
    if (splits.labels.size() >= 2) return;
    throw InputError(splits.train.source, 0,
                     "every training row has the label \"" + excerpt(splits.labels.name(0)) +
                         "\": a classifier needs at least 2 labels");
}

std::string skippedRowsNote(const std::vector<SkippedRow>& skipped) {
    const SkippedRow& first = skipped.front();
    return "skipped " + std::to_string(skipped.size()) + " bad row(s) (data.skip_bad_rows); the first: " +
           InputError::format(first.file, first.line, first.reason);
}

}  // namespace

Trainer::Trainer(const RunConfig& config, const std::string& resumeDir, ExistingRunFolder existing)
    : state_(std::make_unique<State>()) {
    State& s = *state_;
    s.resume = !resumeDir.empty();
    s.config = s.resume ? loadRunConfig((fs::path(resumeDir) / "config.json").string()) : config;
    validate(s.config);
    const TrainingConfig& training = s.config.training;
    s.device = resolveDevice(training.device, "training.device");
    configureDeterminism(training.deterministic, s.device);
    configureThreads(training.threads);
    torch::manual_seed(training.seed);

    s.splits = loadDatasetSplits(s.config.data);
    if (s.splits.train.examples.empty()) throw ConfigError("data.train", "the training split has no examples");
    requireTwoLabels(s.splits);
    if (!s.splits.skipped.empty()) s.startNotes.push_back(skippedRowsNote(s.splits.skipped));
    const DataConfig& data = s.config.data;
    if (s.config.model.type == "hf") {
        PretrainedModel pretrained = loadPretrainedModel(s.config.model, s.splits.labels.size(), data.maxLength);
        s.encoder = std::move(pretrained.encoder);
        s.model = std::move(pretrained.model);
        s.startNotes.insert(s.startNotes.end(), pretrained.notes.begin(), pretrained.notes.end());
    } else {
        s.encoder = buildWordEncoder(s.splits.train, data);
        s.model = createModel(s.config.model, s.encoder.vocabSize(), s.splits.labels.size(), data.maxLength);
    }
    s.train = std::make_unique<EncodedDataset>(s.splits.train, s.encoder, data.maxLength);
    s.dev = std::make_unique<EncodedDataset>(s.splits.dev, s.encoder, data.maxLength);
    s.test = std::make_unique<EncodedDataset>(s.splits.test, s.encoder, data.maxLength);
    try {
        s.model->to(s.device);
    } catch (const c10::OutOfMemoryError&) {
        throw Error("out of GPU memory moving the model to " + s.device.str() +
                    ": choose a smaller model or train on the CPU");
    }
    s.batchesPerEpoch = static_cast<std::int64_t>((s.train->size() + training.batchSize - 1) / training.batchSize);
    s.totalSteps = s.batchesPerEpoch * training.epochs;
    s.method = createTrainingMethod(training.method);
    s.engine = std::make_unique<TrainingEngine>(s.model, s.config, s.totalSteps, s.method->dropoutRule(s.config));
    s.run = s.resume ? openRunDirectory(resumeDir)
                     : createRunDirectory(s.config.output.dir, training.method, existing);
    s.runDir = s.run.path;
}

Trainer::~Trainer() = default;

const std::string& Trainer::runDir() const { return state_->runDir; }
const std::string& Trainer::movedAside() const {
    return state_->run.movedAside;
}
const RunConfig& Trainer::config() const { return state_->config; }

TrainingSummary Trainer::run(TrainingObserver& observer, TrainingControl& control) {
    State& s = *state_;
    const RunConfig& config = s.config;
    const auto sessionStart = Clock::now();
    const fs::path runDir(s.runDir);
    const std::string bestWeights = (runDir / "checkpoints" / "best-model.pt").string();

    for (const std::string& note : s.startNotes) observer.onMessage(note);
    TrainingProgress progress;
    std::string lastCheckpoint;
    const std::optional<std::string> resumeFrom = s.resume ? findLatestCheckpoint(s.runDir) : std::nullopt;
    if (resumeFrom) {
        lastCheckpoint = *resumeFrom;
        progress = readCheckpoint(lastCheckpoint, *s.engine);
        observer.onMessage("resumed from " + lastCheckpoint + " at step " + std::to_string(progress.step));
    } else {
        // Nothing to lose: a run stopped before its first checkpoint starts again with its config.
        if (s.resume)
            observer.onMessage("no checkpoint in " + s.runDir + " yet; restarting the run from step 0");
        saveRunConfig(config, (runDir / "config.json").string());
        fs::create_directories(runDir / "checkpoints");
        s.method->prepare(*s.engine, *s.train);
    }
    MetricsLog metrics((runDir / "metrics.jsonl").string(), progress.step);
    const double previousSeconds = progress.elapsedSeconds;
    const std::int64_t firstStep = progress.step;

    const ColumnMapping columns{config.data.textColumn, config.data.pairColumn, config.data.labelColumn};
    const auto saveBundle = [&](const std::string& dir) {
        saveModelBundle(dir, *s.model, config.model, s.encoder, s.splits.labels, config.data.maxLength,
                        columns);
    };
    std::int64_t checkpointedStep = resumeFrom ? progress.step : -1;
    const auto checkpoint = [&] {
        if (progress.step == checkpointedStep) return;  // a stop right after a checkpoint: nothing new
        progress.elapsedSeconds = previousSeconds + secondsSince(sessionStart);
        metrics.sync();
        lastCheckpoint = writeCheckpoint(s.runDir, *s.engine, progress, config.output.keepCheckpoints);
        checkpointedStep = progress.step;
    };
    const auto evaluateDev = [&](int epoch) {
        EvaluationResult result;
        try {
            const PrecisionScope precision(config.training.precision, s.device);
            result = evaluate(*s.model, *s.dev, config.eval.batchSize, s.device);
        } catch (const c10::OutOfMemoryError&) {
            throw Error(outOfMemoryMessage(config.training, progress.step, lastCheckpoint));
        }
        const EvalTelemetry eval = toTelemetry(result, s.splits.labels, progress.step, epoch);
        metrics.append(toJson(eval));
        observer.onEval(eval);
        if (!progress.hasBest || selectedMetric(eval, config.eval.selectBy) > selectedMetric(progress.best, config.eval.selectBy)) {
            progress.hasBest = true;
            progress.best = eval;
            saveWeights(*s.model, bestWeights);
            saveBundle((runDir / "model").string());
        }
    };
    const bool hasDev = s.dev->size() > 0;
    RobustnessMonitor robustness(
        config.robustness, config.training.seed, s.splits.dev, saveBundle,
        [&](const RobustnessTelemetry& result) {
            metrics.append(toJson(result));
            observer.onRobustness(result);
        },
        [&](const std::string& note) { observer.onMessage(note); });

    // What the run has done, the same whether it stops early or finishes.
    const auto summarize = [&](bool stopped) {
        TrainingSummary summary;
        summary.runDir = s.runDir;
        summary.steps = progress.step;
        summary.skippedRows = s.splits.skipped.size();
        summary.bestDev = progress.best;
        summary.stoppedEarly = stopped;
        const double session = secondsSince(sessionStart);
        summary.wallSeconds = previousSeconds + session;
        summary.stepsPerSecond = static_cast<double>(progress.step - firstStep) / std::max(session, 1e-9);
        return summary;
    };
    for (int epoch = progress.epoch; epoch <= config.training.epochs; ++epoch) {
        const auto batches = makeBatchIndices(s.train->size(), config.training.batchSize, /*shuffle=*/true,
                                              config.training.seed + static_cast<std::uint64_t>(epoch));
        for (auto b = static_cast<std::size_t>(progress.nextBatch); b < batches.size(); ++b) {
            while (control.pauseRequested && !control.stopRequested)
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            if (control.stopRequested) {
                robustness.cancel();
                checkpoint();
                observer.onMessage("stopped at step " + std::to_string(progress.step) + "; checkpoint " + lastCheckpoint);
                return summarize(true);
            }
            const Batch batch = s.train->makeBatch(batches[b]).to(s.device);
            s.model->train();
            StepContext context;
            context.step = progress.step + 1;
            const std::int64_t every = config.output.saliencyEverySteps;
            context.snapshot = control.saliencyRequested.exchange(false) || (every > 0 && context.step % every == 0);
            const auto stepStart = Clock::now();
            StepResult result;
            try {
                const PrecisionScope precision(config.training.precision, s.device);
                result = s.method->step(*s.engine, batch, context);
            } catch (const NonFiniteLossError&) {
                throw Error("non-finite loss at step " + std::to_string(context.step) +
                            "; last good checkpoint: " + (lastCheckpoint.empty() ? "none" : lastCheckpoint));
            } catch (const c10::OutOfMemoryError&) {
                throw Error(outOfMemoryMessage(config.training, context.step, lastCheckpoint));
            }
            progress.step = context.step;
            progress.epoch = epoch;
            progress.nextBatch = static_cast<std::int64_t>(b) + 1;
            if (progress.nextBatch == static_cast<std::int64_t>(batches.size())) {
                progress.epoch = epoch + 1;
                progress.nextBatch = 0;
            }
            result.telemetry.epoch = epoch;
            result.telemetry.stepTimeMs = 1000.0 * secondsSince(stepStart);
            result.telemetry.peakMemoryMb = takePeakDeviceMemoryMb(s.device);
            result.telemetry.elapsedSeconds = previousSeconds + secondsSince(sessionStart);
            result.telemetry.epochProgress =
                epoch - 1 + static_cast<double>(b + 1) / static_cast<double>(batches.size());
            metrics.append(toJson(result.telemetry));
            observer.onStep(result.telemetry);
            if (result.snapshot) observer.onSaliency(*result.snapshot);

            const bool epochEnd = b + 1 == batches.size();
            const bool lastStep = progress.step == s.totalSteps;
            const std::int64_t evalEvery = config.eval.everySteps;
            const bool evalDue = hasDev && (evalEvery > 0 ? progress.step % evalEvery == 0 || lastStep : epochEnd);
            if (evalDue) evaluateDev(epoch);
            if (epochEnd) robustness.epochEnded(*s.model, progress.step, epoch);
            const std::int64_t checkpointEvery = config.output.checkpointEverySteps;
            if (checkpointEvery > 0 ? progress.step % checkpointEvery == 0 : (evalDue || (!hasDev && epochEnd)))
                checkpoint();
        }
        progress.nextBatch = 0;
    }

    // The best dev model is the result; without a dev split, the final one.
    if (progress.hasBest && fs::exists(bestWeights))
        loadWeights(*s.model, bestWeights, s.device);
    else
        saveBundle((runDir / "model").string());
    std::optional<EvalTelemetry> test;
    if (s.test->size() > 0)
        test = toTelemetry(evaluate(*s.model, *s.test, config.eval.batchSize, s.device), s.splits.labels,
                           progress.hasBest ? progress.best.step : progress.step,
                           progress.hasBest ? progress.best.epoch : config.training.epochs);
    robustness.finish(control.stopRequested);
    TrainingSummary summary = summarize(false);
    summary.hasTest = test.has_value();
    if (test) summary.test = *test;
    if (const auto last = robustness.lastResult()) {
        summary.hasRobustness = true;
        summary.robustness = *last;
    }
    writeFileAtomically((runDir / "summary.json").string(), toJson(summary).dump(2) + "\n");
    observer.onMessage("finished: " + std::to_string(summary.steps) + " steps; results in " + s.runDir);
    return summary;
}

}  // namespace uegr
