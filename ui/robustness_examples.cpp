#include "robustness_examples.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "word_diff.h"

namespace uegr::studio {
namespace {

const QColor kRemovedColour(0xff, 0xc9, 0xc9);
const QColor kInsertedColour(0xc6, 0xef, 0xce);

enum Column {
    IndexColumn,
    StatusColumn,
    TrueColumn,
    BeforeColumn,
    AfterColumn,
    PerturbedColumn,
    QueriesColumn
};

}  // namespace

RobustnessExamplesView::RobustnessExamplesView(QWidget* parent)
    : QWidget(parent),
      filter_(new QComboBox(this)),
      summary_(new QLabel(this)),
      list_(new QTreeWidget(this)),
      text_(new QTextBrowser(this)) {
    filter_->setObjectName(QStringLiteral("statusFilter"));
    filter_->addItem(tr("All examples"), QString());
    filter_->addItem(tr("Succeeded"), QStringLiteral("succeeded"));
    filter_->addItem(tr("Failed"), QStringLiteral("failed"));
    filter_->addItem(tr("Skipped"), QStringLiteral("skipped"));
    list_->setObjectName(QStringLiteral("exampleList"));
    list_->setRootIsDecorated(false);
    list_->setUniformRowHeights(true);
    list_->setHeaderLabels({tr("#"), tr("Status"), tr("True label"), tr("Before attack"), tr("After attack"),
                            tr("Perturbed words"), tr("Queries")});
    list_->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    list_->setContextMenuPolicy(Qt::CustomContextMenu);
    text_->setObjectName(QStringLiteral("diffView"));
    text_->setOpenLinks(false);

    auto* top = new QHBoxLayout;
    top->addWidget(filter_);
    top->addWidget(summary_, 1);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(list_);
    splitter->addWidget(text_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);

    connect(filter_, &QComboBox::currentIndexChanged, this, [this] { fillList(); });
    connect(list_, &QTreeWidget::currentItemChanged, this, [this] { showSelected(); });
    connect(list_, &QWidget::customContextMenuRequested, this, &RobustnessExamplesView::showContextMenu);
    clear();
}

void RobustnessExamplesView::setResult(const RunAttackResult& result) {
    result_ = result;
    fillList();
}

void RobustnessExamplesView::clear() {
    result_ = RunAttackResult{};
    fillList();
}

QString RobustnessExamplesView::labelName(int label) const {
    return result_.labels.value(label, QString::number(label));
}

QString RobustnessExamplesView::prediction(int label, const QVector<double>& probabilities) const {
    return QStringLiteral("%1 (%2)").arg(labelName(label)).arg(probabilities.value(label), 0, 'f', 3);
}

void RobustnessExamplesView::fillList() {
    list_->clear();
    text_->clear();
    const QString status = filter_->currentData().toString();
    for (std::size_t i = 0; i < result_.records.size(); ++i) {
        const AttackRecord& record = result_.records[i];
        if (!status.isEmpty() && record.status != status) continue;
        auto* item = new QTreeWidgetItem(list_);
        item->setData(IndexColumn, Qt::DisplayRole, record.index + 1);
        item->setData(IndexColumn, Qt::UserRole, static_cast<int>(i));
        item->setText(StatusColumn, record.status == QStringLiteral("succeeded") ? tr("succeeded")
                                    : record.status == QStringLiteral("failed")  ? tr("failed")
                                                                                 : tr("skipped"));
        item->setText(TrueColumn, labelName(record.trueLabel));
        item->setText(BeforeColumn, prediction(record.originalLabel, record.originalProbabilities));
        item->setText(AfterColumn, prediction(record.adversarialLabel, record.adversarialProbabilities));
        // PGD records carry only the share of perturbed positions, not word counts.
        item->setText(PerturbedColumn,
                      record.words > 0
                          ? QStringLiteral("%1 / %2").arg(record.perturbedWords).arg(record.words)
                          : QStringLiteral("%1 %").arg(100.0 * record.perturbedWordShare, 0, 'f', 0));
        item->setData(QueriesColumn, Qt::DisplayRole, static_cast<qlonglong>(record.queries));
        item->setToolTip(StatusColumn, record.originalText);
    }
    if (result_.records.empty())
        summary_->setText(result_.attack.isEmpty()
                              ? tr("Run an attack or pick a run and an attack with results.")
                              : tr("No per-example records."));
    else
        summary_->setText(tr("%1 of %n example(s)", nullptr, static_cast<int>(result_.records.size()))
                              .arg(list_->topLevelItemCount()));
    // Open on the first example the attack changed the prediction of: the one worth reading.
    QTreeWidgetItem* first = list_->topLevelItem(0);
    for (int row = 0; row < list_->topLevelItemCount(); ++row)
        if (result_.records[static_cast<std::size_t>(recordOf(row))].status == QStringLiteral("succeeded")) {
            first = list_->topLevelItem(row);
            break;
        }
    if (first) list_->setCurrentItem(first);
}

int RobustnessExamplesView::exampleCount() const {
    return list_->topLevelItemCount();
}

int RobustnessExamplesView::recordOf(int row) const {
    const QTreeWidgetItem* item = list_->topLevelItem(row);
    return item ? item->data(IndexColumn, Qt::UserRole).toInt() : -1;
}

int RobustnessExamplesView::currentRecord() const {
    return recordOf(list_->indexOfTopLevelItem(list_->currentItem()));
}

void RobustnessExamplesView::selectExample(int row) {
    if (QTreeWidgetItem* item = list_->topLevelItem(row)) list_->setCurrentItem(item);
}

void RobustnessExamplesView::showSelected() {
    const int record = list_->currentItem() ? recordOf(list_->indexOfTopLevelItem(list_->currentItem())) : -1;
    if (record < 0) {
        text_->clear();
        return;
    }
    const AttackRecord& shown = result_.records[static_cast<std::size_t>(record)];
    QString html;
    if (result_.attack == QStringLiteral("pgd")) {
        // PGD perturbs the embeddings, not the text.
        html =
            QStringLiteral("<p>%1</p><p><i>%2</i></p>")
                .arg(shown.originalText.toHtmlEscaped(),
                     tr("PGD perturbs the word embeddings; the text itself is unchanged.").toHtmlEscaped());
    } else {
        const WordDiff diff = diffWords(shown.originalText, shown.adversarialText);
        html = QStringLiteral("<p><b>%1</b> %2</p><p>%3</p><p><b>%4</b> %5</p><p>%6</p>")
                   .arg(tr("Original").toHtmlEscaped(),
                        prediction(shown.originalLabel, shown.originalProbabilities).toHtmlEscaped(),
                        diffHtml(diff.original, kRemovedColour), tr("Adversarial").toHtmlEscaped(),
                        prediction(shown.adversarialLabel, shown.adversarialProbabilities).toHtmlEscaped(),
                        diffHtml(diff.adversarial, kInsertedColour));
    }
    text_->setHtml(html);
}

void RobustnessExamplesView::openInSaliency(int row, bool adversarial) {
    const int record = recordOf(row);
    if (record < 0) return;
    const AttackRecord& chosen = result_.records[static_cast<std::size_t>(record)];
    Q_EMIT openInSaliencyRequested(result_.runDir,
                                   adversarial ? chosen.adversarialText : chosen.originalText);
}

void RobustnessExamplesView::showContextMenu(const QPoint& position) {
    QTreeWidgetItem* item = list_->itemAt(position);
    if (!item) return;
    const int row = list_->indexOfTopLevelItem(item);
    QMenu menu(this);
    const bool textAttack = result_.attack != QStringLiteral("pgd");
    menu.addAction(tr("Open in Saliency Explorer"), this,
                   [this, row, textAttack] { openInSaliency(row, textAttack); });
    if (textAttack)
        menu.addAction(tr("Open Original Text in Saliency Explorer"), this,
                       [this, row] { openInSaliency(row, false); });
    menu.exec(list_->viewport()->mapToGlobal(position));
}

}  // namespace uegr::studio
