#include "train/telemetry.h"

#include <nlohmann/json.hpp>

#include <limits>
#include <optional>

#include "eval/confusion_json.h"
#include "util/json_field.h"

namespace uegr {
namespace {

constexpr std::int64_t kMaxEpoch = std::numeric_limits<int>::max();

nlohmann::json toObject(const NamedValues& values) {
    nlohmann::json object = nlohmann::json::object();
    for (const auto& [name, value] : values) object[name] = value;
    return object;
}

NamedValues namedValuesFrom(const JsonField& record, const std::string& key) {
    NamedValues values;
    if (const std::optional<JsonField> object = record.find(key))
        for (const auto& [name, value] : object->members()) values.emplace_back(name, value.asNumberOrNaN());
    return values;
}

std::int64_t countAt(const JsonField& record, const std::string& key) {
    return record.at(key).asCount();
}

int epochAt(const JsonField& record) {
    return static_cast<int>(record.at("epoch").asInteger(0, kMaxEpoch));
}

double numberAt(const JsonField& record, const std::string& key) {
    return record.at(key).asNumberOrNaN();
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

EvalTelemetry evalFrom(const JsonField& object, const std::string& prefix) {
    EvalTelemetry eval;
    eval.step = countAt(object, "step");
    eval.epoch = epochAt(object);
    eval.accuracy = numberAt(object, prefix + "accuracy");
    eval.macroF1 = numberAt(object, prefix + "macro_f1");
    eval.mcc = numberAt(object, prefix + "mcc");
    eval.loss = numberAt(object, prefix + "loss");
    return eval;
}

}  // namespace

nlohmann::json metricsJson(const EvalTelemetry& eval) {
    nlohmann::json object = evalJson(eval, "");
    addConfusionJson(object, eval.confusion);
    return object;
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
    if (step.elapsedSeconds) record["elapsed_seconds"] = *step.elapsedSeconds;
    if (step.epochProgress) record["epoch_progress"] = *step.epochProgress;
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

StepTelemetry stepFromJson(const JsonField& record) {
    StepTelemetry step;
    step.step = countAt(record, "step");
    step.totalSteps = countAt(record, "total_steps");
    step.epoch = epochAt(record);
    step.loss = numberAt(record, "loss");
    step.lossClean = numberAt(record, "loss_clean");
    step.lossAdv = numberAt(record, "loss_adv");
    step.lossJs = numberAt(record, "loss_js");
    step.lr = numberAt(record, "lr");
    step.gradNorm = numberAt(record, "grad_norm");
    step.dropoutRates = namedValuesFrom(record, "dropout_rates");
    step.maskDensity = namedValuesFrom(record, "mask_density");
    step.maskDensityGlobal = numberAt(record, "mask_density_global");
    step.stepTimeMs = numberAt(record, "step_time_ms");
    if (record.find("peak_memory_mb")) step.peakMemoryMb = numberAt(record, "peak_memory_mb");
    // Absent in metrics.jsonl files written before these fields existed.
    if (record.find("elapsed_seconds")) step.elapsedSeconds = numberAt(record, "elapsed_seconds");
    if (record.find("epoch_progress")) step.epochProgress = numberAt(record, "epoch_progress");
    return step;
}

EvalTelemetry evalFromJson(const JsonField& record) {
    return evalFrom(record, "dev_");
}

RobustnessTelemetry robustnessFromJson(const JsonField& record) {
    RobustnessTelemetry robustness;
    robustness.step = countAt(record, "step");
    robustness.epoch = epochAt(record);
    robustness.attack = record.at("attack").asString();
    robustness.examples = countAt(record, "examples");
    robustness.cleanAccuracy = numberAt(record, "clean_accuracy");
    robustness.accuracyUnderAttack = numberAt(record, "accuracy_under_attack");
    robustness.attackSuccessRate = numberAt(record, "attack_success_rate");
    robustness.seconds = numberAt(record, "seconds");
    return robustness;
}

EvalTelemetry metricsFromJson(const JsonField& object) {
    EvalTelemetry eval = evalFrom(object, "");
    eval.confusion = confusionFromJson(object);
    return eval;
}

}  // namespace uegr
