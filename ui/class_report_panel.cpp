#include "class_report_panel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include "confusion_matrix_view.h"

namespace uegr::studio {
namespace {

QTableWidgetItem* numberItem(const QString& text) {
    auto* item = new QTableWidgetItem(text);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

}  // namespace

ClassReportPanel::ClassReportPanel(QWidget* parent)
    : QWidget(parent),
      chooser_(new QComboBox(this)),
      matrix_(new ConfusionMatrixView(this)),
      scores_(new QTableWidget(0, ColumnCount, this)),
      empty_(new QLabel(this)),
      stack_(new QStackedWidget(this)) {
    chooser_->setObjectName(QStringLiteral("classReportChooser"));
    connect(chooser_, qOverload<int>(&QComboBox::currentIndexChanged), this, &ClassReportPanel::display);
    matrix_->setObjectName(QStringLiteral("confusionMatrix"));
    scores_->setObjectName(QStringLiteral("classScores"));
    scores_->setHorizontalHeaderLabels({tr("Label"), tr("Precision"), tr("Recall"), tr("F1"), tr("Support")});
    scores_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    scores_->setSelectionBehavior(QAbstractItemView::SelectRows);
    scores_->setSelectionMode(QAbstractItemView::SingleSelection);
    scores_->verticalHeader()->hide();
    scores_->horizontalHeader()->setStretchLastSection(true);
    scores_->setToolTip(tr("A class never predicted has precision 0; one without examples has recall 0."));
    connect(matrix_, &ConfusionMatrixView::cellClicked, scores_,
            [this](int trueLabel, int) { scores_->selectRow(trueLabel); });
    empty_->setObjectName(QStringLiteral("classReportEmpty"));
    empty_->setAlignment(Qt::AlignCenter);
    empty_->setWordWrap(true);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(matrix_);
    splitter->addWidget(scores_);
    auto* report = new QWidget(this);
    auto* reportLayout = new QVBoxLayout(report);
    reportLayout->setContentsMargins(0, 0, 0, 0);
    auto* chooserRow = new QHBoxLayout;
    auto* chooserLabel = new QLabel(tr("E&valuation:"), this);
    chooserLabel->setBuddy(chooser_);
    chooserRow->addWidget(chooserLabel);
    chooserRow->addWidget(chooser_);
    chooserRow->addStretch(1);
    reportLayout->addLayout(chooserRow);
    reportLayout->addWidget(splitter, 1);
    stack_->addWidget(empty_);
    stack_->addWidget(report);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(stack_);
}

void ClassReportPanel::setReports(const std::vector<NamedConfusion>& reports, const QString& emptyText) {
    reports_.clear();
    for (const NamedConfusion& report : reports)
        if (!report.confusion.empty()) reports_.push_back(report);
    empty_->setText(emptyText);
    {
        const QSignalBlocker blocker(chooser_);
        chooser_->clear();
        for (const NamedConfusion& report : reports_) chooser_->addItem(report.name);
    }
    stack_->setCurrentIndex(reports_.empty() ? 0 : 1);
    display(chooser_->currentIndex());
}

void ClassReportPanel::display(int index) {
    const bool valid = index >= 0 && index < static_cast<int>(reports_.size());
    const LabelledConfusion confusion =
        valid ? reports_[static_cast<std::size_t>(index)].confusion : LabelledConfusion{};
    matrix_->setConfusion(confusion);
    fillScores(confusion);
}

QString ClassReportPanel::emptyText() const {
    return empty_->text();
}

bool ClassReportPanel::hasReport() const {
    return !reports_.empty();
}

void ClassReportPanel::fillScores(const LabelledConfusion& confusion) {
    const std::vector<ClassScores> scores = perClassScores(confusion.matrix);
    scores_->setRowCount(static_cast<int>(scores.size()));
    for (int row = 0; row < static_cast<int>(scores.size()); ++row) {
        const ClassScores& score = scores[static_cast<std::size_t>(row)];
        scores_->setItem(
            row, Label,
            new QTableWidgetItem(QString::fromStdString(confusion.labels[static_cast<std::size_t>(row)])));
        scores_->setItem(row, Precision, numberItem(QString::number(score.precision, 'f', 3)));
        scores_->setItem(row, Recall, numberItem(QString::number(score.recall, 'f', 3)));
        scores_->setItem(row, F1, numberItem(QString::number(score.f1, 'f', 3)));
        scores_->setItem(row, Support, numberItem(QString::number(score.support)));
    }
    scores_->resizeColumnsToContents();
}

}  // namespace uegr::studio
