#include "robustness_comparison.h"

#include <QLocale>

namespace uegr::studio {
namespace {

double metric(const AttackNumbers& numbers, AttackMetric which) {
    switch (which) {
        case AttackMetric::AccuracyUnderAttack:
            return numbers.accuracyUnderAttack;
        case AttackMetric::SuccessRate:
            return numbers.attackSuccessRate;
        case AttackMetric::PerturbedShare:
            return numbers.avgPerturbedWordShare;
        case AttackMetric::Queries:
            return numbers.avgQueries;
    }
    return 0;
}

QString csvField(const QString& field) {
    if (!field.contains(QLatin1Char(',')) && !field.contains(QLatin1Char('"')) &&
        !field.contains(QLatin1Char('\n')))
        return field;
    QString quoted = field;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

}  // namespace

QString attackDisplayName(const QString& attack) {
    if (attack == QStringLiteral("pgd")) return QStringLiteral("PGD");
    if (attack == QStringLiteral("wordnet")) return QStringLiteral("WordNet");
    if (attack == QStringLiteral("charswap")) return QStringLiteral("CharSwap");
    return attack;
}

RobustnessComparison::RobustnessComparison(const std::vector<RunAttackResult>& results) {
    for (const RunAttackResult& result : results) {
        int row = rowOf(result.runDir);
        if (row < 0) {
            rows_.push_back({result.runDir, result.runName, std::nullopt, {}});
            row = static_cast<int>(rows_.size()) - 1;
        }
        RunAttackResult summary = result;
        summary.records.clear();
        rows_[static_cast<std::size_t>(row)].byAttack[result.attack] = std::move(summary);
    }
    for (const QString& attack : robustnessAttackNames())
        for (const RobustnessRow& row : rows_)
            if (row.byAttack.count(attack)) {
                attacks_ << attack;
                break;
            }
    for (RobustnessRow& row : rows_)
        for (const QString& attack : attacks_) {
            const auto found = row.byAttack.find(attack);
            if (found == row.byAttack.end()) continue;
            row.cleanAccuracy = found->second.numbers.cleanAccuracy;
            break;
        }
}

int RobustnessComparison::rowOf(const QString& runDir) const {
    for (std::size_t i = 0; i < rows_.size(); ++i)
        if (rows_[i].runDir == runDir) return static_cast<int>(i);
    return -1;
}

QString RobustnessComparison::attackOf(int column) const {
    return column >= 2 && column < columnCount() ? attacks_.value((column - 2) / 4) : QString();
}

AttackMetric RobustnessComparison::metricOf(int column) const {
    return static_cast<AttackMetric>(std::max(0, column - 2) % 4);
}

QString RobustnessComparison::header(int column) const {
    if (column == 0) return tr("Run");
    if (column == 1) return tr("Clean accuracy");
    return QStringLiteral("%1 %2").arg(attackDisplayName(attackOf(column)), metricHeader(column));
}

QString RobustnessComparison::metricHeader(int column) const {
    if (column < 2) return header(column);
    const QString attack = attackOf(column);
    switch (metricOf(column)) {
        case AttackMetric::AccuracyUnderAttack: {
            if (attack != QStringLiteral("pgd")) return tr("accuracy");
            // PGD's column holds its largest ε; name it when every run used the same one.
            std::optional<double> epsilon;
            bool same = true;
            for (const RobustnessRow& row : rows_) {
                const auto found = row.byAttack.find(attack);
                if (found == row.byAttack.end() || found->second.perEpsilon.empty()) continue;
                const double largest = found->second.perEpsilon.back().epsilon;
                if (epsilon && *epsilon != largest) same = false;
                epsilon = largest;
            }
            return same && epsilon ? tr("accuracy (ε = %1)").arg(QLocale().toString(*epsilon))
                                   : tr("accuracy (largest ε)");
        }
        case AttackMetric::SuccessRate:
            return tr("success rate");
        case AttackMetric::PerturbedShare:
            return tr("perturbed words");
        case AttackMetric::Queries:
            return tr("queries");
    }
    return {};
}

std::optional<double> RobustnessComparison::value(int row, int column) const {
    if (row < 0 || row >= static_cast<int>(rows_.size()) || column < 1 || column >= columnCount())
        return std::nullopt;
    const RobustnessRow& entry = rows_[static_cast<std::size_t>(row)];
    if (column == 1) return entry.cleanAccuracy;
    const auto found = entry.byAttack.find(attackOf(column));
    if (found == entry.byAttack.end()) return std::nullopt;
    return metric(found->second.numbers, metricOf(column));
}

QString RobustnessComparison::text(int row, int column) const {
    if (column == 0)
        return row >= 0 && row < static_cast<int>(rows_.size()) ? rows_[static_cast<std::size_t>(row)].runName
                                                                : QString();
    const std::optional<double> number = value(row, column);
    if (!number) return QStringLiteral("–");
    if (column >= 2 && metricOf(column) == AttackMetric::Queries) return QLocale().toString(*number, 'f', 1);
    return QStringLiteral("%1 %").arg(QLocale().toString(100.0 * *number, 'f', 1));
}

QString RobustnessComparison::toCsv() const {
    static const char* const kMetricKeys[] = {"accuracy_under_attack", "attack_success_rate",
                                              "avg_perturbed_word_share", "avg_queries"};
    QStringList header{QStringLiteral("run"), QStringLiteral("clean_accuracy")};
    for (const QString& attack : attacks_)
        for (const char* key : kMetricKeys) header << attack + QLatin1Char('_') + QLatin1String(key);
    QString csv = header.join(QLatin1Char(',')) + QLatin1Char('\n');
    for (int row = 0; row < static_cast<int>(rows_.size()); ++row) {
        QStringList fields{csvField(rows_[static_cast<std::size_t>(row)].runName)};
        for (int column = 1; column < columnCount(); ++column) {
            const std::optional<double> number = value(row, column);
            fields << (number ? QString::number(*number, 'g', 10) : QString());
        }
        csv += fields.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    return csv;
}

}  // namespace uegr::studio
