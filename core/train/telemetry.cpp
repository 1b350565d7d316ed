#include "train/telemetry.h"

#include <nlohmann/json.hpp>

namespace uegr {
namespace {

nlohmann::json toObject(const NamedValues& values) {
    nlohmann::json object = nlohmann::json::object();
    for (const auto& [name, value] : values) object[name] = value;
    return object;
}

nlohmann::json metricsObject(const EvalTelemetry& eval) {
    return {{"step", eval.step}, {"epoch", eval.epoch},     {"accuracy", eval.accuracy},
            {"macro_f1", eval.macroF1}, {"mcc", eval.mcc}, {"loss", eval.loss}};
}

}  // namespace

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
    return {{"type", "eval"},           {"step", eval.step},       {"epoch", eval.epoch},
            {"dev_accuracy", eval.accuracy}, {"dev_macro_f1", eval.macroF1}, {"dev_mcc", eval.mcc},
            {"dev_loss", eval.loss}};
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
                               {"best_dev", metricsObject(summary.bestDev)},
                               {"status", summary.stoppedEarly ? "stopped" : "finished"},
                               {"stopped_early", summary.stoppedEarly}};
    document["test"] = summary.hasTest ? metricsObject(summary.test) : nlohmann::json();
    if (summary.hasRobustness) {
        nlohmann::json robustness = toJson(summary.robustness);
        robustness.erase("type");
        document["robustness"] = std::move(robustness);
    } else {
        document["robustness"] = nullptr;
    }
    return document;
}

}  // namespace uegr
