#pragma once
// The Robustness page's attack settings: which attacks, the sample (size, dev or test split),
// the query budget, the seed, and PGD's ε list, norm, steps and restarts. Fills everything of an
// AttackRequest but the runs.
#include <QString>
#include <QWidget>

#include "attack_request.h"

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;

namespace uegr::studio {

class RobustnessOptions : public QWidget {
    Q_OBJECT
public:
    explicit RobustnessOptions(QWidget* parent = nullptr);

    // The request without runs; `error` receives why the settings are unusable (then the
    // returned request must not be run).
    AttackRequest request(QString* error = nullptr) const;

    void setAttackChecked(const QString& attack, bool checked);
    void setSampleSize(int examples);
    void setSplit(AttackSplit split);
    void setQueryBudget(int queries);
    void setSeed(int seed);
    void setEpsilons(const QString& list);  // comma-separated
    void setNorm(const QString& norm);      // "l2" | "linf"
    void setPgdSteps(int steps);
    void setPgdRestarts(int restarts);

Q_SIGNALS:
    void changed();

private:
    QCheckBox* pgd_;
    QCheckBox* wordNet_;
    QCheckBox* charSwap_;
    QSpinBox* sampleSize_;
    QComboBox* split_;
    QSpinBox* budget_;
    QSpinBox* seed_;
    QLineEdit* epsilons_;
    QComboBox* norm_;
    QCheckBox* relative_;
    QSpinBox* steps_;
    QSpinBox* restarts_;
};

}  // namespace uegr::studio
