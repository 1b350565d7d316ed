#include "report/metrics_csv.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

namespace uegr {
namespace {

// nlohmann prints the shortest text that reads back as the same double.
std::string formatNumber(double value) {
    if (std::isnan(value)) return "nan";
    if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
    return nlohmann::json(value).dump();
}

void addNames(const NamedValues& values, std::vector<std::string>& names) {
    for (const auto& entry : values)
        if (std::find(names.begin(), names.end(), entry.first) == names.end()) names.push_back(entry.first);
}

std::string lookup(const NamedValues& values, const std::string& name) {
    for (const auto& [key, value] : values)
        if (key == name) return formatNumber(value);
    return {};
}

struct Row {
    const StepTelemetry* step = nullptr;
    const EvalTelemetry* eval = nullptr;
};

}  // namespace

std::string csvField(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string quoted = "\"";
    for (const char c : text) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + "\"";
}

std::string metricsCsv(const RunMetrics& metrics) {
    std::vector<std::string> layers, sites;
    for (const StepTelemetry& step : metrics.steps) {
        addNames(step.maskDensity, layers);
        addNames(step.dropoutRates, sites);
    }
    // Keyed by step; the log is in step order already, the map also merges evals into rows.
    std::map<std::int64_t, Row> rows;
    for (const StepTelemetry& step : metrics.steps) rows[step.step].step = &step;
    for (const EvalTelemetry& eval : metrics.evals) rows[eval.step].eval = &eval;

    std::vector<std::string> header{
        "step", "epoch",     "total_steps",         "loss",        "loss_clean", "loss_adv", "loss_js",
        "lr",   "grad_norm", "mask_density_global", "step_time_ms"};
    for (const std::string& layer : layers) header.push_back("mask_density." + layer);
    for (const std::string& site : sites) header.push_back("dropout_rates." + site);
    for (const char* name : {"dev_accuracy", "dev_macro_f1", "dev_mcc", "dev_loss"})
        header.emplace_back(name);

    std::string csv;
    const auto writeLine = [&csv](const std::vector<std::string>& fields) {
        for (std::size_t i = 0; i < fields.size(); ++i) {
            if (i > 0) csv += ',';
            csv += csvField(fields[i]);
        }
        csv += "\r\n";
    };
    writeLine(header);
    for (const auto& [stepNumber, row] : rows) {
        std::vector<std::string> fields{std::to_string(stepNumber)};
        if (const StepTelemetry* step = row.step) {
            fields.push_back(std::to_string(step->epoch));
            fields.push_back(std::to_string(step->totalSteps));
            for (const double value : {step->loss, step->lossClean, step->lossAdv, step->lossJs, step->lr,
                                       step->gradNorm, step->maskDensityGlobal, step->stepTimeMs})
                fields.push_back(formatNumber(value));
            for (const std::string& layer : layers) fields.push_back(lookup(step->maskDensity, layer));
            for (const std::string& site : sites) fields.push_back(lookup(step->dropoutRates, site));
        } else {
            fields.push_back(row.eval ? std::to_string(row.eval->epoch) : std::string());
            fields.resize(header.size() - 4);
        }
        if (const EvalTelemetry* eval = row.eval) {
            for (const double value : {eval->accuracy, eval->macroF1, eval->mcc, eval->loss})
                fields.push_back(formatNumber(value));
        } else {
            fields.resize(header.size());
        }
        writeLine(fields);
    }
    return csv;
}

}  // namespace uegr
