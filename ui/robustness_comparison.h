#pragma once
// The side-by-side robustness table shared by the Robustness page, its CSV export and the run
// report: one row per run, a clean-accuracy column, then per attack the accuracy under attack,
// the attack success rate, the average perturbed-word share and the average queries. PGD's
// figures are those at its largest ε.
#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <map>
#include <optional>
#include <vector>

#include "robustness_results.h"

namespace uegr::studio {

enum class AttackMetric { AccuracyUnderAttack, SuccessRate, PerturbedShare, Queries };

struct RobustnessRow {
    QString runDir, runName;
    std::optional<double> cleanAccuracy;          // from the first attack in robustnessAttackNames() order
    std::map<QString, RunAttackResult> byAttack;  // summaries only
};

class RobustnessComparison {
    Q_DECLARE_TR_FUNCTIONS(uegr::studio::RobustnessComparison)
public:
    RobustnessComparison() = default;
    // Rows in the order runs first appear; a later result of the same run and attack wins.
    explicit RobustnessComparison(const std::vector<RunAttackResult>& results);

    const std::vector<RobustnessRow>& rows() const { return rows_; }
    const QStringList& attacks() const { return attacks_; }  // those any run has
    int rowOf(const QString& runDir) const;                  // -1 when absent

    int columnCount() const { return 2 + 4 * static_cast<int>(attacks_.size()); }
    QString header(int column) const;        // "<attack> <metric>" past the clean accuracy
    QString metricHeader(int column) const;  // the metric alone, under a header naming the attack
    // Column 0 is the run; the others are numbers (empty when the run lacks that attack).
    std::optional<double> value(int row, int column) const;
    QString text(int row, int column) const;  // rates as percentages, queries with one decimal
    QString attackOf(int column) const;       // empty for the run and clean-accuracy columns
    AttackMetric metricOf(int column) const;

    // Machine-readable: English snake_case headers (run, clean_accuracy, <attack>_accuracy_under_attack,
    // ...), rates as fractions, RFC 4180 quoting.
    QString toCsv() const;

private:
    std::vector<RobustnessRow> rows_;
    QStringList attacks_;
};

QString attackDisplayName(const QString& attack);  // "PGD", "WordNet", "CharSwap"

}  // namespace uegr::studio
