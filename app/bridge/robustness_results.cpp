#include "robustness_results.h"

#include <QDir>
#include <QFileInfo>
#include <nlohmann/json.hpp>

#include <fstream>

#include "attack/text_segments.h"
#include "train/run_reader.h"
#include "util/error.h"

namespace uegr::studio {
namespace {

using nlohmann::json;

QString qstring(const json& value) {
    return value.is_string() ? QString::fromStdString(value.get<std::string>()) : QString();
}

QVector<double> doubles(const json& value) {
    QVector<double> out;
    if (value.is_array())
        for (const json& item : value) out << item.get<double>();
    return out;
}

AttackNumbers numbersFrom(const json& object) {
    AttackNumbers numbers;
    numbers.examples = object.at("examples").get<int>();
    numbers.succeeded = object.at("succeeded").get<int>();
    numbers.failed = object.at("failed").get<int>();
    numbers.skipped = object.at("skipped").get<int>();
    numbers.cleanAccuracy = object.at("clean_accuracy").get<double>();
    numbers.accuracyUnderAttack = object.at("accuracy_under_attack").get<double>();
    numbers.attackSuccessRate = object.at("attack_success_rate").get<double>();
    numbers.avgPerturbedWordShare = object.at("avg_perturbed_word_share").get<double>();
    numbers.avgQueries = object.at("avg_queries").get<double>();
    return numbers;
}

// A word or character attack's record: toJson(AttackResult).
AttackRecord textRecordFrom(const json& object) {
    AttackRecord record;
    record.index = object.at("index").get<int>();
    record.status = qstring(object.at("status"));
    record.originalText = qstring(object.at("original_text"));
    record.adversarialText = qstring(object.at("adversarial_text"));
    record.trueLabel = object.at("true_label").get<int>();
    record.originalLabel = object.at("original_label").get<int>();
    record.adversarialLabel = object.at("adversarial_label").get<int>();
    record.originalProbabilities = doubles(object.at("original_probabilities"));
    record.adversarialProbabilities = doubles(object.at("adversarial_probabilities"));
    record.queries = object.at("queries").get<qint64>();
    record.words = object.value("words", 0);
    record.perturbedWords = object.value("perturbed_words", 0);
    record.perturbedWordShare = object.at("perturbed_word_share").get<double>();
    record.edits = object.value("edits", qint64(0));
    return record;
}

// A PGD record (the `uegr attack --attack pgd --out` layout): the outcome at the largest ε.
AttackRecord pgdRecordFrom(const json& object) {
    AttackRecord record;
    record.index = object.at("index").get<int>();
    record.originalText = record.adversarialText = qstring(object.at("text"));
    record.trueLabel = object.at("true_label").get<int>();
    record.originalLabel = object.at("original_label").get<int>();
    record.originalProbabilities = doubles(object.at("original_probabilities"));
    const json& last = object.at("per_epsilon").back();
    record.status = qstring(last.at("status"));
    record.adversarialLabel = last.at("adversarial_label").get<int>();
    record.adversarialProbabilities = doubles(last.at("adversarial_probabilities"));
    qint64 queries = 0;
    for (const json& entry : object.at("per_epsilon")) queries += entry.at("queries").get<qint64>();
    record.queries = queries;
    record.perturbedWordShare = last.at("perturbed_word_share").get<double>();
    return record;
}

json readJsonFile(const QString& path) {
    std::ifstream in(path.toStdString(), std::ios::binary);
    if (!in) throw Error("cannot read " + path.toStdString());
    try {
        return json::parse(in);
    } catch (const json::exception& error) {
        throw InputError(path.toStdString(), 0, error.what());
    }
}

}  // namespace

QStringList robustnessAttackNames() {
    return {QStringLiteral("pgd"), QStringLiteral("wordnet"), QStringLiteral("charswap")};
}

QString normalizedRunDir(const QString& runDir) {
    return QDir::cleanPath(QFileInfo(runDir).absoluteFilePath());
}

QString robustnessFolder(const QString& runDir) {
    return QDir(runDir).filePath(QStringLiteral("robustness"));
}

QString attackSummaryPath(const QString& runDir, const QString& attack) {
    return QDir(robustnessFolder(runDir)).filePath(attack + QStringLiteral(".json"));
}

QString attackRecordsPath(const QString& runDir, const QString& attack) {
    return QDir(robustnessFolder(runDir)).filePath(attack + QStringLiteral(".jsonl"));
}

std::vector<AttackRecord> loadAttackRecords(const QString& runDir, const QString& attack) {
    const QString path = attackRecordsPath(runDir, attack);
    std::ifstream in(path.toStdString(), std::ios::binary);
    if (!in) throw Error("cannot read " + path.toStdString());
    std::vector<AttackRecord> records;
    std::string line;
    std::size_t lineNumber = 0;
    while (std::getline(in, line)) {
        ++lineNumber;
        if (line.empty()) continue;
        try {
            const json object = json::parse(line);
            records.push_back(object.contains("per_epsilon") ? pgdRecordFrom(object)
                                                             : textRecordFrom(object));
        } catch (const json::exception& error) {
            throw InputError(path.toStdString(), lineNumber, error.what());
        }
    }
    return records;
}

RunAttackResult loadRunAttackResult(const QString& runDir, const QString& attack, bool withRecords) {
    const QString path = attackSummaryPath(runDir, attack);
    const json summary = readJsonFile(path);
    RunAttackResult result;
    result.runDir = normalizedRunDir(runDir);
    result.runName = QFileInfo(result.runDir).fileName();
    try {
        result.attack = qstring(summary.at("attack"));
        if (result.attack != attack) throw Error("holds the attack \"" + result.attack.toStdString() + "\"");
        result.split = qstring(summary.value("split", json()));
        result.sampleSize = summary.value("sample_size", 0);
        result.seed = summary.value("seed", quint64(0));
        result.queryBudget = summary.value("query_budget", qint64(0));
        for (const json& label : summary.value("labels", json::array())) result.labels << qstring(label);
        result.numbers = numbersFrom(summary);
        if (summary.contains("per_epsilon")) {
            result.norm = qstring(summary.at("norm"));
            result.relativeEpsilon = summary.at("relative").get<bool>();
            for (const json& entry : summary.at("per_epsilon"))
                result.perEpsilon.push_back({entry.at("epsilon").get<double>(), numbersFrom(entry)});
        }
    } catch (const json::exception& error) {
        throw InputError(path.toStdString(), 0, error.what());
    } catch (const Error& error) {
        throw InputError(path.toStdString(), 0, error.what());
    }
    if (withRecords) result.records = loadAttackRecords(runDir, attack);
    return result;
}

std::vector<RunAttackResult> loadRobustnessSummaries(const QString& runDir, QStringList* errors) {
    std::vector<RunAttackResult> results;
    for (const QString& attack : robustnessAttackNames()) {
        if (!QFileInfo::exists(attackSummaryPath(runDir, attack))) continue;
        try {
            results.push_back(loadRunAttackResult(runDir, attack, false));
        } catch (const std::exception& error) {
            if (errors) *errors << QString::fromStdString(error.what());
        }
    }
    return results;
}

std::vector<RunAttackResult> loadWorkspaceRobustness(const QString& workspace, QStringList* errors) {
    std::vector<RunAttackResult> results;
    for (const std::string& dir : listRunDirectories(workspace.toStdString())) {
        std::vector<RunAttackResult> run = loadRobustnessSummaries(QString::fromStdString(dir), errors);
        results.insert(results.end(), std::make_move_iterator(run.begin()),
                       std::make_move_iterator(run.end()));
    }
    return results;
}

QVector<WordSegment> segmentWords(const QString& text) {
    QVector<WordSegment> segments;
    for (const TextSegment& segment : segmentText(text.toStdString()))
        segments.push_back({QString::fromStdString(segment.text), segment.isToken, segment.isWord});
    return segments;
}

}  // namespace uegr::studio
