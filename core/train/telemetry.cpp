#include "train/telemetry.h"

#include <nlohmann/json.hpp>

#include <limits>

#include "util/error.h"
#include "util/json_fields.h"

namespace uegr {
namespace {

using namespace json_fields;

constexpr std::int64_t kMaxCount = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMaxEpoch = std::numeric_limits<int>::max();

nlohmann::json toObject(const NamedValues& values) {
    nlohmann::json object = nlohmann::json::object();
    for (const auto& [name, value] : values) object[name] = value;
    return object;
}

NamedValues namedValuesFrom(const nlohmann::json& record, const std::string& key) {
    NamedValues values;
    if (!record.contains(key)) return values;
    const nlohmann::json& object = record.at(key);
    if (!object.is_object()) throw Error("key \"" + key + "\" must be an object of numbers");
    for (const auto& item : object.items()) values.emplace_back(item.key(), numberOrNaN(object, item.key()));
    return values;
}

int epochAt(const nlohmann::json& record) {
    return static_cast<int>(wholeNumber(record, "epoch", 0, kMaxEpoch));
}

// metrics.jsonl names the metrics of an "eval" record dev_accuracy, ...; summaries accuracy, ...
nlohmann::json evalJson(const EvalTelemetry& eval, const std::string& prefix) {
    return {{"step", eval.step},
            {"epoch", eval.epoch},
            {prefix + "accuracy", eval.accuracy},
            {prefix + "macro_f1", eval.macroF1},
            {prefix + "mcc", eval.mcc},
            {prefix + "loss", eval.loss}};
}

EvalTelemetry evalFrom(const nlohmann::json& object, const std::string& prefix) {
    EvalTelemetry eval;
    eval.step = wholeNumber(object, "step", 0, kMaxCount);
    eval.epoch = epochAt(object);
    eval.accuracy = numberOrNaN(object, prefix + "accuracy");
    eval.macroF1 = numberOrNaN(object, prefix + "macro_f1");
    eval.mcc = numberOrNaN(object, prefix + "mcc");
    eval.loss = numberOrNaN(object, prefix + "loss");
    return eval;
}

}  // namespace

nlohmann::json metricsJson(const EvalTelemetry& eval) {
    return evalJson(eval, "");
}

nlohmann::json toJson(const StepTelemetry& step) {
    nlohmann::json record = {{"type", "step"},
            {"step", step.step},
            {"total_steps", step.totalSteps},
            {"epoch", step.epoch},
            {"loss", step.loss},
            {"loss_clean", step.lossClean},
            {"loss_adv", step.lossAdv},
            {"loss_js", step.lossJs},
            {"lr", step.lr},
            {"grad_norm", step.gradNorm},
            {"dropout_rates", toObject(step.dropoutRates)},
            {"mask_density", toObject(step.maskDensity)},
            {"mask_density_global", step.maskDensityGlobal},
            {"step_time_ms", step.stepTimeMs}};
    if (step.peakMemoryMb) record["peak_memory_mb"] = *step.peakMemoryMb;
    return record;
}

nlohmann::json toJson(const EvalTelemetry& eval) {
    nlohmann::json record = evalJson(eval, "dev_");
    record["type"] = "eval";
    return record;
}

nlohmann::json toJson(const RobustnessTelemetry& robustness) {
    return {{"type", "robustness"},
            {"step", robustness.step},
            {"epoch", robustness.epoch},
            {"attack", robustness.attack},
            {"examples", robustness.examples},
            {"clean_accuracy", robustness.cleanAccuracy},
            {"accuracy_under_attack", robustness.accuracyUnderAttack},
            {"attack_success_rate", robustness.attackSuccessRate},
            {"seconds", robustness.seconds}};
}

nlohmann::json toJson(const TrainingSummary& summary) {
    nlohmann::json document = {{"run_dir", summary.runDir},
                               {"steps", summary.steps},
                               {"skipped_rows", summary.skippedRows},
                               {"wall_seconds", summary.wallSeconds},
                               {"steps_per_second", summary.stepsPerSecond},
                               {"best_dev", metricsJson(summary.bestDev)},
                               {"status", summary.stoppedEarly ? "stopped" : "finished"},
                               {"stopped_early", summary.stoppedEarly}};
    document["test"] = summary.hasTest ? metricsJson(summary.test) : nlohmann::json();
    if (summary.hasRobustness) {
        nlohmann::json robustness = toJson(summary.robustness);
        robustness.erase("type");
        document["robustness"] = std::move(robustness);
    } else {
        document["robustness"] = nullptr;
    }
    return document;
}

StepTelemetry stepFromJson(const nlohmann::json& record) {
    StepTelemetry step;
    step.step = wholeNumber(record, "step", 0, kMaxCount);
    step.totalSteps = wholeNumber(record, "total_steps", 0, kMaxCount);
    step.epoch = epochAt(record);
    step.loss = numberOrNaN(record, "loss");
    step.lossClean = numberOrNaN(record, "loss_clean");
    step.lossAdv = numberOrNaN(record, "loss_adv");
    step.lossJs = numberOrNaN(record, "loss_js");
    step.lr = numberOrNaN(record, "lr");
    step.gradNorm = numberOrNaN(record, "grad_norm");
    step.dropoutRates = namedValuesFrom(record, "dropout_rates");
    step.maskDensity = namedValuesFrom(record, "mask_density");
    step.maskDensityGlobal = numberOrNaN(record, "mask_density_global");
    step.stepTimeMs = numberOrNaN(record, "step_time_ms");
    if (record.contains("peak_memory_mb")) step.peakMemoryMb = numberOrNaN(record, "peak_memory_mb");
    return step;
}

EvalTelemetry evalFromJson(const nlohmann::json& record) {
    return evalFrom(record, "dev_");
}

RobustnessTelemetry robustnessFromJson(const nlohmann::json& record) {
    RobustnessTelemetry robustness;
    robustness.step = wholeNumber(record, "step", 0, kMaxCount);
    robustness.epoch = epochAt(record);
    robustness.attack = text(record, "attack");
    robustness.examples = wholeNumber(record, "examples", 0, kMaxCount);
    robustness.cleanAccuracy = numberOrNaN(record, "clean_accuracy");
    robustness.accuracyUnderAttack = numberOrNaN(record, "accuracy_under_attack");
    robustness.attackSuccessRate = numberOrNaN(record, "attack_success_rate");
    robustness.seconds = numberOrNaN(record, "seconds");
    return robustness;
}

EvalTelemetry metricsFromJson(const nlohmann::json& object) {
    return evalFrom(object, "");
}

}  // namespace uegr
