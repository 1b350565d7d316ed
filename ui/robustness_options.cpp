#include "robustness_options.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QSpinBox>

#include "robustness_results.h"

namespace uegr::studio {

RobustnessOptions::RobustnessOptions(QWidget* parent)
    : QWidget(parent),
      pgd_(new QCheckBox(tr("PGD (embedding space)"), this)),
      wordNet_(new QCheckBox(tr("WordNet (synonym swaps)"), this)),
      charSwap_(new QCheckBox(tr("CharSwap (character edits)"), this)),
      sampleSize_(new QSpinBox(this)),
      split_(new QComboBox(this)),
      budget_(new QSpinBox(this)),
      seed_(new QSpinBox(this)),
      epsilons_(new QLineEdit(this)),
      norm_(new QComboBox(this)),
      relative_(new QCheckBox(tr("relative to each example's embedding norm"), this)),
      steps_(new QSpinBox(this)),
      restarts_(new QSpinBox(this)) {
    pgd_->setObjectName(QStringLiteral("attack_pgd"));
    wordNet_->setObjectName(QStringLiteral("attack_wordnet"));
    charSwap_->setObjectName(QStringLiteral("attack_charswap"));
    for (QCheckBox* box : {pgd_, wordNet_, charSwap_}) box->setChecked(true);
    pgd_->setToolTip(tr("Projected gradient descent on the word embeddings, for each ε of the list."));
    wordNet_->setToolTip(tr("PWWS: greedy substitution of words by WordNet synonyms, stop-words kept."));
    charSwap_->setToolTip(
        tr("DeepWordBug: swaps, deletions, insertions and substitutions of characters "
           "in the most important words."));
    sampleSize_->setObjectName(QStringLiteral("sampleSize"));
    sampleSize_->setRange(1, 100000);
    sampleSize_->setValue(200);
    sampleSize_->setToolTip(tr("Examples drawn (seeded) from the split; the whole split if it is smaller."));
    split_->setObjectName(QStringLiteral("split"));
    split_->addItem(tr("dev split"), static_cast<int>(AttackSplit::Dev));
    split_->addItem(tr("test split"), static_cast<int>(AttackSplit::Test));
    budget_->setObjectName(QStringLiteral("queryBudget"));
    budget_->setRange(1, 1000000);
    budget_->setValue(static_cast<int>(AttackRequest{}.queryBudget));
    budget_->setToolTip(tr("WordNet and CharSwap: model queries per example."));
    seed_->setObjectName(QStringLiteral("seed"));
    seed_->setRange(0, 2147483647);
    seed_->setValue(42);
    epsilons_->setObjectName(QStringLiteral("epsilons"));
    epsilons_->setText(QStringLiteral("0.01, 0.05, 0.1"));
    epsilons_->setToolTip(tr("Comma-separated radii of the perturbation ball."));
    norm_->setObjectName(QStringLiteral("norm"));
    norm_->addItem(QStringLiteral("L2"), QStringLiteral("l2"));
    norm_->addItem(QStringLiteral("L∞"), QStringLiteral("linf"));
    relative_->setObjectName(QStringLiteral("relativeEpsilon"));
    relative_->setChecked(true);
    relative_->setToolTip(tr("So that models with different embedding scales compare fairly."));
    steps_->setObjectName(QStringLiteral("pgdSteps"));
    steps_->setRange(1, 1000);
    steps_->setValue(10);
    restarts_->setObjectName(QStringLiteral("pgdRestarts"));
    restarts_->setRange(1, 20);
    restarts_->setValue(AttackRequest{}.pgdRestarts);
    restarts_->setToolTip(
        tr("Each restart after the first starts from a random point in the ε ball; an example "
           "counts as broken if any restart breaks it. The cost grows linearly with the restarts."));

    auto* sample = new QHBoxLayout;
    sample->addWidget(sampleSize_);
    sample->addWidget(split_, 1);
    auto* pgdNorm = new QHBoxLayout;
    pgdNorm->addWidget(norm_);
    pgdNorm->addWidget(relative_, 1);
    auto* form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Attacks:"), pgd_);
    form->addRow(QString(), wordNet_);
    form->addRow(QString(), charSwap_);
    form->addRow(tr("Sample:"), sample);
    form->addRow(tr("Query budget:"), budget_);
    form->addRow(tr("Seed:"), seed_);
    form->addRow(tr("PGD ε:"), epsilons_);
    form->addRow(tr("PGD norm:"), pgdNorm);
    form->addRow(tr("PGD steps:"), steps_);
    form->addRow(tr("PGD restarts:"), restarts_);

    for (QCheckBox* box : {pgd_, wordNet_, charSwap_, relative_})
        connect(box, &QCheckBox::toggled, this, &RobustnessOptions::changed);
    for (QSpinBox* box : {sampleSize_, budget_, seed_, steps_, restarts_})
        connect(box, &QSpinBox::valueChanged, this, &RobustnessOptions::changed);
    for (QComboBox* box : {split_, norm_})
        connect(box, &QComboBox::currentIndexChanged, this, &RobustnessOptions::changed);
    connect(epsilons_, &QLineEdit::textChanged, this, &RobustnessOptions::changed);
    connect(pgd_, &QCheckBox::toggled, this, [this](bool on) {
        for (QWidget* widget :
             std::initializer_list<QWidget*>{epsilons_, norm_, relative_, steps_, restarts_})
            widget->setEnabled(on);
    });
}

AttackRequest RobustnessOptions::request(QString* error) const {
    AttackRequest request;
    const QList<QCheckBox*> boxes{pgd_, wordNet_, charSwap_};
    for (int i = 0; i < boxes.size(); ++i)
        if (boxes[i]->isChecked()) request.attacks << robustnessAttackNames()[i];
    request.sampleSize = sampleSize_->value();
    request.split = static_cast<AttackSplit>(split_->currentData().toInt());
    request.queryBudget = budget_->value();
    request.seed = static_cast<quint64>(seed_->value());
    request.norm = norm_->currentData().toString();
    request.relativeEpsilon = relative_->isChecked();
    request.pgdSteps = steps_->value();
    request.pgdRestarts = restarts_->value();
    request.epsilons.clear();
    QString problem;
    for (const QString& item : epsilons_->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const double value = item.trimmed().toDouble(&ok);  // C locale: ',' separates the values
        if (!ok || value < 0) {
            problem = tr("\"%1\" is not a non-negative number (PGD ε list).").arg(item.trimmed());
            break;
        }
        request.epsilons << value;
    }
    if (problem.isEmpty() && pgd_->isChecked() && request.epsilons.isEmpty())
        problem = tr("The PGD ε list is empty.");
    if (problem.isEmpty() && request.attacks.isEmpty()) problem = tr("Choose at least one attack.");
    if (error) *error = problem;
    return request;
}

void RobustnessOptions::setAttackChecked(const QString& attack, bool checked) {
    const int index = robustnessAttackNames().indexOf(attack);
    const QList<QCheckBox*> boxes{pgd_, wordNet_, charSwap_};
    if (index >= 0) boxes[index]->setChecked(checked);
}

void RobustnessOptions::setSampleSize(int examples) {
    sampleSize_->setValue(examples);
}

void RobustnessOptions::setSplit(AttackSplit split) {
    split_->setCurrentIndex(split_->findData(static_cast<int>(split)));
}

void RobustnessOptions::setQueryBudget(int queries) {
    budget_->setValue(queries);
}

void RobustnessOptions::setSeed(int seed) {
    seed_->setValue(seed);
}

void RobustnessOptions::setEpsilons(const QString& list) {
    epsilons_->setText(list);
}

void RobustnessOptions::setPgdSteps(int steps) {
    steps_->setValue(steps);
}

void RobustnessOptions::setPgdRestarts(int restarts) {
    restarts_->setValue(restarts);
}

void RobustnessOptions::setNorm(const QString& norm) {
    norm_->setCurrentIndex(norm_->findData(norm));
}

}  // namespace uegr::studio
