#include "sweep/sweep_results.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <set>
#include <sstream>

#include "report/metrics_csv.h"
#include "util/atomic_file.h"
#include "util/json_field.h"
#include "util/json_text.h"

namespace uegr {
namespace {

void addMetrics(std::map<std::string, double>& metrics, const nlohmann::json& section,
                const std::string& prefix) {
    if (!section.is_object()) return;
    for (const char* name : {"accuracy", "macro_f1", "mcc", "loss"})
        if (section.contains(name) && section[name].is_number())
            metrics[prefix + name] = section[name].get<double>();
}

std::string valueText(const nlohmann::json& value) {
    return value.is_string() ? value.get<std::string>() : value.dump();
}

std::string numberText(double value, const char* format = "%.4f") {
    char text[32];
    std::snprintf(text, sizeof text, format, value);
    return text;
}

}  // namespace

TrialResult readTrialResult(const SweepTrial& trial, const std::string& runDir) {
    TrialResult result{trial, "pending", {}};
    const std::string path = (std::filesystem::path(runDir) / "summary.json").string();
    std::error_code ignored;
    if (!std::filesystem::exists(path, ignored)) return result;
    const nlohmann::json summary = parseJsonText(readFile(path), path);
    const JsonField root(summary, path);
    result.status = root.stringOr("status", "finished");
    addMetrics(result.metrics, summary.value("best_dev", nlohmann::json()), "dev_");
    addMetrics(result.metrics, summary.value("test", nlohmann::json()), "test_");
    for (const char* name : {"steps_per_second", "wall_seconds"})
        if (summary.contains(name) && summary[name].is_number())
            result.metrics[name] = summary[name].get<double>();
    const nlohmann::json robustness = summary.value("robustness", nlohmann::json());
    if (robustness.is_object() && robustness.contains("accuracy_under_attack"))
        result.metrics["accuracy_under_attack"] = robustness["accuracy_under_attack"].get<double>();
    return result;
}

void writeSweepResults(const SweepPlan& plan, const std::vector<TrialResult>& results,
                       const std::string& sweepDir) {
    std::set<std::string> keys, metrics;
    for (const nlohmann::json& point : plan.points)
        for (const auto& item : point.items()) keys.insert(item.key());
    for (const TrialResult& result : results)
        for (const auto& metric : result.metrics) metrics.insert(metric.first);

    std::ostringstream jsonl, csv;
    csv << "trial,point,seed,status";
    for (const std::string& key : keys) csv << "," << csvField(key);
    for (const std::string& metric : metrics) csv << "," << metric;
    csv << "\n";
    for (const TrialResult& result : results) {
        const nlohmann::json& point = plan.points.at(result.trial.point);
        nlohmann::json row = {{"trial", result.trial.id},  {"point", result.trial.point},
                              {"seed", result.trial.seed}, {"keys", point},
                              {"status", result.status},   {"metrics", result.metrics}};
        jsonl << row.dump() << "\n";
        csv << result.trial.id << "," << result.trial.point << "," << result.trial.seed << ","
            << result.status;
        for (const std::string& key : keys)
            csv << "," << (point.contains(key) ? csvField(valueText(point[key])) : "");
        for (const std::string& metric : metrics) {
            const auto found = result.metrics.find(metric);
            csv << "," << (found == result.metrics.end() ? "" : numberText(found->second, "%.6g"));
        }
        csv << "\n";
    }
    const std::filesystem::path dir(sweepDir);
    writeFileAtomically((dir / "results.jsonl").string(), jsonl.str());
    writeFileAtomically((dir / "results.csv").string(), csv.str());
}

std::vector<PointSummary> summariseSweep(const SweepPlan& plan, const std::vector<TrialResult>& results,
                                         const std::string& metric, const nlohmann::json& baseline) {
    // value[point][seed]: the metric of each finished trial.
    std::vector<std::map<std::uint64_t, double>> value(plan.points.size());
    for (const TrialResult& result : results) {
        const auto found = result.metrics.find(metric);
        if (result.status == "finished" && found != result.metrics.end())
            value.at(result.trial.point)[result.trial.seed] = found->second;
    }
    std::vector<PointSummary> summary;
    for (std::size_t point = 0; point < plan.points.size(); ++point) {
        PointSummary row;
        row.point = point;
        std::vector<double> values;
        for (const auto& seedValue : value[point]) values.push_back(seedValue.second);
        row.statistics = describeSeeds(values);
        if (baseline.is_object() && !baseline.empty()) {
            nlohmann::json wanted = plan.points[point];
            for (const auto& item : baseline.items()) wanted[item.key()] = item.value();
            row.isBaseline = wanted == plan.points[point];
            for (std::size_t other = 0; other < plan.points.size() && !row.isBaseline; ++other)
                if (plan.points[other] == wanted) row.baseline = other;
        }
        if (row.baseline) {
            std::vector<double> differences;
            for (const auto& [seed, mine] : value[point]) {
                const auto theirs = value[*row.baseline].find(seed);
                if (theirs != value[*row.baseline].end()) differences.push_back(mine - theirs->second);
            }
            row.pairs = differences.size();
            row.meanDifference = describeSeeds(differences, 1).mean;
            row.pValue = signedRankPValue(differences);
        }
        summary.push_back(row);
    }
    return summary;
}

std::string formatSweepSummary(const SweepPlan& plan, const std::vector<PointSummary>& summary,
                               const std::string& metric) {
    std::vector<std::string> keys;
    for (const nlohmann::json& point : plan.points)
        for (const auto& item : point.items())
            if (std::find(keys.begin(), keys.end(), item.key()) == keys.end()) keys.push_back(item.key());
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> header{"point"};
    header.insert(header.end(), keys.begin(), keys.end());
    for (const char* column : {"n", "mean", "std", "95% CI", "vs", "pairs", "delta", "p (Wilcoxon)"})
        header.push_back(column);
    header[header.size() - 7] = metric;  // the mean column names the metric
    rows.push_back(header);
    for (const PointSummary& point : summary) {
        std::vector<std::string> row{"p" + numberText(static_cast<double>(point.point), "%02.0f")};
        for (const std::string& key : keys)
            row.push_back(plan.points[point.point].contains(key) ? valueText(plan.points[point.point][key])
                                                                 : "");
        const SeedStatistics& s = point.statistics;
        row.push_back(std::to_string(s.count));
        row.push_back(s.count ? numberText(s.mean) : "-");
        row.push_back(s.count ? numberText(s.standardDeviation) : "-");
        row.push_back(s.count ? "[" + numberText(s.low) + ", " + numberText(s.high) + "]" : "-");
        const bool compared = point.baseline && point.pairs > 0;
        row.push_back(point.baseline ? "p" + numberText(static_cast<double>(*point.baseline), "%02.0f")
                                     : (point.isBaseline ? "baseline" : "-"));
        row.push_back(point.baseline ? std::to_string(point.pairs) : "");
        row.push_back(compared ? numberText(point.meanDifference, "%+.4f") : "");
        row.push_back(compared ? numberText(point.pValue) : "");
        rows.push_back(row);
    }
    std::vector<std::size_t> width(header.size(), 0);
    for (const auto& row : rows)
        for (std::size_t i = 0; i < row.size(); ++i) width[i] = std::max(width[i], row[i].size());
    std::ostringstream out;
    for (const auto& row : rows) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            out << row[i];
            if (i + 1 < row.size()) out << std::string(width[i] - row[i].size() + 2, ' ');
        }
        out << "\n";
    }
    return out.str();
}

}  // namespace uegr
