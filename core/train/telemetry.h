#pragma once
// What the trainer reports while it runs. Plain structs and a callback interface with no Qt,
// so the CLI (progress bar, metrics.jsonl) and the studio (plots) consume the same stream.
// Callbacks run on the training thread (onRobustness excepted, see there): implementations copy
// what they need and return fast.
#include <nlohmann/json_fwd.hpp>

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "eval/labelled_confusion.h"

namespace uegr {

class JsonField;

using NamedValues = std::vector<std::pair<std::string, double>>;

struct StepTelemetry {
    std::int64_t step = 0;  // 1-based optimizer step
    std::int64_t totalSteps = 0;
    int epoch = 0;          // 1-based
    double loss = 0, lossClean = 0, lossAdv = 0, lossJs = 0;
    double lr = 0, gradNorm = 0;
    NamedValues dropoutRates;   // site -> mean rate over the K passes
    NamedValues maskDensity;    // layer -> kept fraction of its eligible elements
    double maskDensityGlobal = 1.0;
    double stepTimeMs = 0;
    std::optional<double> peakMemoryMb;  // peak GPU memory of the step (CUDA only)
    // Wall seconds since the run started, summed over the sessions of a resumed run. Absent in
    // metrics.jsonl files written before it existed (plots then fall back to the step).
    std::optional<double> elapsedSeconds;
    // Fractional epochs completed after this step: epoch - 1 + (step within the epoch) / (steps
    // per epoch), so 1.5 is half-way through epoch 2. Absent in older metrics.jsonl files.
    std::optional<double> epochProgress;
};

struct EvalTelemetry {
    std::int64_t step = 0;
    int epoch = 0;
    double accuracy = 0, macroF1 = 0, mcc = 0, loss = 0;
    LabelledConfusion confusion;  // not in metrics.jsonl; empty in files that predate it
};

// Downsampled |θ ⊙ g| of each parameter tensor, for the heatmap view.
struct SaliencyTensorMap {
    std::string layer, tensor;
    std::vector<std::int64_t> shape;  // original shape
    int rows = 0, cols = 0;            // downsampled map, row-major
    std::vector<float> values;         // mean saliency per cell
    std::vector<float> keptFraction;   // share of the cell's elements kept by the mask (1 when exempt)
};

struct SaliencySnapshot {
    std::int64_t step = 0;
    std::vector<SaliencyTensorMap> tensors;
};

// One robustness check during training (train/robustness_monitor.h): an attack on the first
// `examples` dev examples with the weights of `step`. Rates as attack/attack_result.h defines them.
struct RobustnessTelemetry {
    std::int64_t step = 0;
    int epoch = 0;
    std::string attack;  // charswap | wordnet | pgd
    std::int64_t examples = 0;
    double cleanAccuracy = 0, accuracyUnderAttack = 0, attackSuccessRate = 0;
    double seconds = 0;  // wall time of the check
};

struct TrainingSummary {
    std::string runDir;
    std::int64_t steps = 0;
    std::size_t skippedRows = 0;  // bad rows data.skip_bad_rows skipped in train, dev and test
    double wallSeconds = 0, stepsPerSecond = 0;
    EvalTelemetry bestDev;
    bool hasTest = false;
    EvalTelemetry test;
    bool stoppedEarly = false;  // stop requested; a checkpoint was written
    bool hasRobustness = false;
    RobustnessTelemetry robustness;  // the last robustness check, when one finished
};

class TrainingObserver {
public:
    virtual ~TrainingObserver() = default;
    virtual void onStep(const StepTelemetry&) {}
    virtual void onEval(const EvalTelemetry&) {}
    virtual void onSaliency(const SaliencySnapshot&) {}
    virtual void onMessage(const std::string&) {}  // human-readable progress notes
    // Unlike the others, called on the robustness monitor's thread, concurrently with them:
    // implementations must synchronise what they share with the other callbacks.
    virtual void onRobustness(const RobustnessTelemetry&) {}
};

// Set from any thread; the trainer polls between steps.
struct TrainingControl {
    std::atomic<bool> stopRequested{false};      // checkpoint, then return
    std::atomic<bool> pauseRequested{false};     // block between steps until cleared or stopped
    std::atomic<bool> saliencyRequested{false};  // emit one snapshot after the next step
};

nlohmann::json toJson(const StepTelemetry& step);  // metrics.jsonl field names (loss_clean, ...)
nlohmann::json toJson(const EvalTelemetry& eval);  // dev_accuracy, dev_macro_f1, dev_mcc, dev_loss
// {"type": "robustness", step, epoch, attack, examples, clean_accuracy, accuracy_under_attack,
//  attack_success_rate, seconds}
nlohmann::json toJson(const RobustnessTelemetry& robustness);
nlohmann::json toJson(const TrainingSummary& summary);  // "robustness": the last check or null

// summary.json's best_dev and test, and a checkpoint's best: {step, epoch, accuracy, macro_f1,
// mcc, loss} and, when known, labels, confusion and per_class (eval/confusion_json.h).
nlohmann::json metricsJson(const EvalTelemetry& eval);

// The inverses, for the readers of those files: every missing key or wrong type is an InputError
// naming the file, line and key (util/json_field.h). NaN, written as null, reads back as NaN.
StepTelemetry stepFromJson(const JsonField& record);
EvalTelemetry evalFromJson(const JsonField& record);  // a metrics.jsonl "eval" record
RobustnessTelemetry robustnessFromJson(const JsonField& record);
EvalTelemetry metricsFromJson(const JsonField& object);  // the form metricsJson writes

}  // namespace uegr
