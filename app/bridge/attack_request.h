#pragma once
// What an attack session runs: a list of attacks against the model bundles (<run>/model) of one
// or several runs, on a seeded sample of each run's dev or test split.
#include <QString>
#include <QStringList>
#include <QVector>

#include "attack/query_budget.h"

namespace uegr::studio {

enum class AttackSplit { Dev, Test };

struct AttackRequest {
    QStringList runDirs;
    QStringList attacks;  // names from robustnessAttackNames(), run in this order on each run
    AttackSplit split = AttackSplit::Dev;
    // Examples drawn (seeded, without replacement, kept in file order) from the split; the
    // whole split when it is smaller or sampleSize is 0. The same seed and split give every run
    // of the same data the same examples.
    int sampleSize = 200;
    qint64 queryBudget = kDefaultQueryBudget;  // wordnet, charswap: model queries per example
    quint64 seed = 42;                         // the sample, charswap's edits, PGD's restarts
    QVector<double> epsilons{0.01, 0.05, 0.1};
    QString norm = QStringLiteral("l2");  // "l2" | "linf"
    bool relativeEpsilon = true;
    int pgdSteps = 10;
    int pgdRestarts = 1;  // as PgdOptions::restarts: the first starts at δ = 0, later ones at random
    QString wordNetDirectory = QStringLiteral("/usr/share/wordnet");
};

}  // namespace uegr::studio
