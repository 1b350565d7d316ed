#include "prediction_panel.h"

#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "prediction_table_model.h"

namespace uegr::studio {

PredictionPanel::PredictionPanel(QWidget* parent)
    : QWidget(parent),
      split_(new QComboBox(this)),
      start_(new QPushButton(tr("&Predict"), this)),
      cancel_(new QPushButton(tr("Cancel"), this)),
      progress_(new QProgressBar(this)),
      outcome_(new QComboBox(this)),
      label_(new QComboBox(this)),
      text_(new QLineEdit(this)),
      table_(new QTableView(this)),
      message_(new QLabel(this)),
      model_(new PredictionTableModel(this)),
      filter_(new PredictionFilter(this)) {
    split_->setObjectName(QStringLiteral("predictionSplit"));
    split_->addItem(tr("Dev split"), QVariant::fromValue(static_cast<int>(PredictionSplit::Dev)));
    split_->addItem(tr("Test split"), QVariant::fromValue(static_cast<int>(PredictionSplit::Test)));
    start_->setObjectName(QStringLiteral("predictButton"));
    start_->setToolTip(tr("Run the selected run's model over the chosen split."));
    connect(start_, &QPushButton::clicked, this, &PredictionPanel::start);
    cancel_->setObjectName(QStringLiteral("cancelPredictions"));
    connect(cancel_, &QPushButton::clicked, this, &PredictionPanel::cancel);
    progress_->setObjectName(QStringLiteral("predictionProgress"));
    connect(&watcher_, &QFutureWatcher<ExamplePredictions>::progressRangeChanged, progress_,
            &QProgressBar::setRange);
    connect(&watcher_, &QFutureWatcher<ExamplePredictions>::progressValueChanged, progress_,
            &QProgressBar::setValue);
    connect(&watcher_, &QFutureWatcher<ExamplePredictions>::finished, this, &PredictionPanel::jobFinished);

    outcome_->setObjectName(QStringLiteral("outcomeFilter"));
    outcome_->addItem(tr("All examples"), static_cast<int>(PredictionFilter::Outcome::All));
    outcome_->addItem(tr("Correct"), static_cast<int>(PredictionFilter::Outcome::Correct));
    outcome_->addItem(tr("Incorrect"), static_cast<int>(PredictionFilter::Outcome::Incorrect));
    connect(outcome_, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
        filter_->setOutcome(static_cast<PredictionFilter::Outcome>(outcome_->currentData().toInt()));
    });
    label_->setObjectName(QStringLiteral("labelFilter"));
    connect(label_, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
        filter_->setTrueLabel(label_->currentData().isValid() ? label_->currentData().toInt() : -1);
    });
    text_->setObjectName(QStringLiteral("predictionTextFilter"));
    text_->setPlaceholderText(tr("Filter by text…"));
    text_->setClearButtonEnabled(true);
    connect(text_, &QLineEdit::textChanged, filter_, &PredictionFilter::setText);

    filter_->setSourceModel(model_);
    table_->setObjectName(QStringLiteral("predictionTable"));
    table_->setModel(filter_);
    table_->setSortingEnabled(true);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setSectionResizeMode(PredictionTableModel::Text, QHeaderView::Stretch);
    table_->setToolTip(tr("Double-click an example to explain it in the saliency explorer."));
    connect(table_, &QTableView::doubleClicked, this, &PredictionPanel::openRow);
    message_->setObjectName(QStringLiteral("predictionMessage"));
    message_->setWordWrap(true);

    auto* jobRow = new QHBoxLayout;
    jobRow->addWidget(split_);
    jobRow->addWidget(start_);
    jobRow->addWidget(cancel_);
    jobRow->addWidget(progress_, 1);
    auto* filterRow = new QHBoxLayout;
    filterRow->addWidget(new QLabel(tr("Show:"), this));
    filterRow->addWidget(outcome_);
    filterRow->addWidget(label_);
    filterRow->addWidget(text_, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(jobRow);
    layout->addLayout(filterRow);
    layout->addWidget(table_, 1);
    layout->addWidget(message_);
    setRun({});
}

PredictionPanel::~PredictionPanel() {
    watcher_.cancel();
    watcher_.waitForFinished();
}

void PredictionPanel::setRun(const QString& runDir) {
    if (runDir == runDir_ && !runDir.isEmpty()) return;
    runDir_ = runDir;
    if (!isRunning()) showPredictions({});
    message_->setText(runDir_.isEmpty() ? tr("Select one run to list its model's predictions.")
                                        : tr("Press Predict to run %1's model over the chosen split.")
                                              .arg(QFileInfo(runDir_).fileName()));
    updateControls();
}

void PredictionPanel::start() {
    if (runDir_.isEmpty() || isRunning()) return;
    const QString runDir = runDir_;
    const auto split = static_cast<PredictionSplit>(split_->currentData().toInt());
    progress_->setRange(0, 0);
    message_->setText(tr("Predicting…"));
    watcher_.setFuture(QtConcurrent::run([runDir, split](QPromise<ExamplePredictions>& promise) {
        predictRunExamples(promise, runDir, split);
    }));
    updateControls();
}

void PredictionPanel::cancel() {
    watcher_.cancel();
}

QString PredictionPanel::message() const {
    return message_->text();
}

void PredictionPanel::jobFinished() {
    bool shown = false;
    if (watcher_.isCanceled() || watcher_.future().resultCount() == 0) {
        message_->setText(tr("Cancelled."));
    } else {
        ExamplePredictions predictions = watcher_.result();
        if (predictions.runDir != runDir_) {
            message_->setText(tr("Press Predict to run %1's model over the chosen split.")
                                  .arg(QFileInfo(runDir_).fileName()));
        } else if (!predictions.error.isEmpty()) {
            message_->setText(tr("Cannot predict: %1").arg(predictions.error));
        } else {
            const auto total = static_cast<int>(predictions.rows.size());
            int wrong = 0;
            for (const ExamplePrediction& row : predictions.rows) wrong += row.correct() ? 0 : 1;
            message_->setText(tr("%n example(s), %1 predicted wrongly.", nullptr, total).arg(wrong));
            showPredictions(std::move(predictions));
            shown = true;
        }
    }
    progress_->setRange(0, 1);
    progress_->setValue(shown ? 1 : 0);  // full when the table shows the split, empty otherwise
    updateControls();
    Q_EMIT finished();
}

void PredictionPanel::showPredictions(ExamplePredictions predictions) {
    const QSignalBlocker blocker(label_);
    label_->clear();
    label_->addItem(tr("All labels"));
    for (int k = 0; k < predictions.labels.size(); ++k) label_->addItem(predictions.labels[k], k);
    filter_->setTrueLabel(-1);
    model_->setPredictions(std::move(predictions));
    table_->resizeColumnToContents(PredictionTableModel::TrueLabel);
    table_->resizeColumnToContents(PredictionTableModel::Predicted);
}

void PredictionPanel::updateControls() {
    start_->setEnabled(!runDir_.isEmpty() && !isRunning());
    cancel_->setEnabled(isRunning());
}

void PredictionPanel::openRow(const QModelIndex& index) {
    if (!index.isValid()) return;
    const ExamplePrediction& row = model_->prediction(filter_->mapToSource(index).row());
    Q_EMIT openInSaliencyRequested(model_->predictions().runDir, row.text);
}

}  // namespace uegr::studio
