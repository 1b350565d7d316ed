#include "robustness_page.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include "export_folder.h"
#include "live_plot.h"
#include "robustness_examples.h"
#include "robustness_options.h"
#include "robustness_plot.h"
#include "robustness_table_model.h"
#include "runs_workspace.h"
#include "train/run_reader.h"

namespace uegr::studio {
namespace {

constexpr int kRunDirRole = Qt::UserRole;

}  // namespace

RobustnessPage::RobustnessPage(QWidget* parent)
    : QWidget(parent),
      runs_(new QListWidget(this)),
      refreshButton_(new QPushButton(tr("Re&fresh"), this)),
      options_(new RobustnessOptions(this)),
      runButton_(new QPushButton(QIcon(QStringLiteral(":/icons/start.svg")), tr("&Run Attacks"), this)),
      cancelButton_(new QPushButton(QIcon(QStringLiteral(":/icons/stop.svg")), tr("&Cancel"), this)),
      progress_(new QProgressBar(this)),
      status_(new QLabel(this)),
      tabs_(new QTabWidget(this)),
      tableModel_(new RobustnessTableModel(this)),
      table_(new QTableView(this)),
      csvButton_(new QPushButton(tr("&Export CSV…"), this)),
      plot_(new LivePlot(tr("ε"), tr("accuracy under attack"))),
      exampleRun_(new QComboBox(this)),
      exampleAttack_(new QComboBox(this)),
      examples_(new RobustnessExamplesView) {
    runs_->setObjectName(QStringLiteral("robustnessRuns"));
    runs_->setToolTip(tr("Runs of the workspace that have a trained model (model/)."));
    refreshButton_->setObjectName(QStringLiteral("refreshRobustness"));
    runButton_->setObjectName(QStringLiteral("runAttacks"));
    cancelButton_->setObjectName(QStringLiteral("cancelAttacks"));
    progress_->setObjectName(QStringLiteral("attackProgress"));
    progress_->setRange(0, 1000);
    progress_->setValue(0);
    progress_->setTextVisible(false);
    status_->setObjectName(QStringLiteral("robustnessStatus"));
    status_->setWordWrap(true);
    table_->setObjectName(QStringLiteral("robustnessTable"));
    table_->setModel(tableModel_);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->verticalHeader()->setVisible(false);
    csvButton_->setObjectName(QStringLiteral("exportRobustnessCsv"));
    plot_->setObjectName(QStringLiteral("epsilonPlot"));
    exampleRun_->setObjectName(QStringLiteral("exampleRun"));
    exampleAttack_->setObjectName(QStringLiteral("exampleAttack"));

    auto* runsBox = new QGroupBox(tr("Runs"), this);
    auto* runsLayout = new QVBoxLayout(runsBox);
    runsLayout->addWidget(runs_, 1);
    runsLayout->addWidget(refreshButton_, 0, Qt::AlignRight);
    auto* attacksBox = new QGroupBox(tr("Attacks"), this);
    auto* attacksLayout = new QVBoxLayout(attacksBox);
    attacksLayout->addWidget(options_);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(runButton_);
    buttons->addWidget(cancelButton_);
    auto* settings = new QWidget;
    auto* settingsLayout = new QVBoxLayout(settings);
    settingsLayout->setContentsMargins(0, 0, 0, 0);
    settingsLayout->addWidget(runsBox, 1);
    settingsLayout->addWidget(attacksBox);

    auto* tableTab = new QWidget;
    auto* tableLayout = new QVBoxLayout(tableTab);
    tableLayout->addWidget(table_, 1);
    tableLayout->addWidget(csvButton_, 0, Qt::AlignRight);
    auto* examplesTab = new QWidget;
    auto* choice = new QHBoxLayout;
    choice->addWidget(new QLabel(tr("Run:"), examplesTab));
    choice->addWidget(exampleRun_, 1);
    choice->addWidget(new QLabel(tr("Attack:"), examplesTab));
    choice->addWidget(exampleAttack_);
    auto* examplesLayout = new QVBoxLayout(examplesTab);
    examplesLayout->addLayout(choice);
    examplesLayout->addWidget(examples_, 1);
    tabs_->addTab(tableTab, tr("Comparison"));
    tabs_->addTab(plot_, tr("Accuracy vs. ε"));
    tabs_->addTab(examplesTab, tr("Examples"));

    // The settings scroll, so they do not force a large window; the Run button, progress and
    // status stay below them, always in view.
    auto* settingsScroll = new QScrollArea;
    settingsScroll->setWidgetResizable(true);
    settingsScroll->setFrameShape(QFrame::NoFrame);
    settingsScroll->setWidget(settings);
    auto* left = new QWidget;
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(settingsScroll, 1);
    leftLayout->addLayout(buttons);
    leftLayout->addWidget(progress_);
    leftLayout->addWidget(status_);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->setCollapsible(0, false);
    splitter->addWidget(tabs_);
    splitter->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(refreshButton_, &QPushButton::clicked, this, &RobustnessPage::refresh);
    connect(runButton_, &QPushButton::clicked, this, &RobustnessPage::startAttacks);
    connect(cancelButton_, &QPushButton::clicked, this, &RobustnessPage::cancel);
    connect(csvButton_, &QPushButton::clicked, this, &RobustnessPage::chooseCsvFile);
    connect(runs_, &QListWidget::itemChanged, this, [this](QListWidgetItem* item) {
        const QString runDir = item->data(kRunDirRole).toString();
        unchecked_.removeAll(runDir);
        if (item->checkState() != Qt::Checked) unchecked_ << runDir;
        updateControls();
    });
    connect(exampleRun_, &QComboBox::currentIndexChanged, this, &RobustnessPage::updateAttackChoices);
    connect(exampleAttack_, &QComboBox::currentIndexChanged, this, &RobustnessPage::showChosenExamples);
    connect(examples_, &RobustnessExamplesView::openInSaliencyRequested, this,
            &RobustnessPage::openInSaliencyRequested);

    connect(&session_, &AttackSession::progress, this,
            [this](int job, int jobs, const QString& runName, const QString& attack, int done, int total) {
                const double fraction = (job + (total > 0 ? double(done) / total : 1.0)) / std::max(1, jobs);
                progress_->setValue(static_cast<int>(fraction * progress_->maximum()));
                setStatus(tr("%1: %2, %3 / %4 (attack %5 of %6)")
                              .arg(runName, attackDisplayName(attack))
                              .arg(done)
                              .arg(total)
                              .arg(job + 1)
                              .arg(jobs));
            });
    connect(&session_, &AttackSession::resultReady, this, &RobustnessPage::addResult);
    connect(&session_, &AttackSession::attackFailed, this,
            [this](const QString& runDir, const QString& attack, const QString& message) {
                failures_
                    << tr("%1, %2: %3").arg(QFileInfo(runDir).fileName(), attackDisplayName(attack), message);
            });
    connect(&session_, &AttackSession::finished, this, [this](bool cancelled) {
        QString message =
            cancelled ? tr("Cancelled; attacks that had finished are saved.")
                      : tr("Done: %n result(s).", nullptr, static_cast<int>(session_.results().size()));
        if (!failures_.isEmpty())
            message += QLatin1Char(' ') + tr("Failed: %1").arg(failures_.join(QStringLiteral("; ")));
        if (!cancelled) progress_->setValue(progress_->maximum());
        setStatus(message);
    });
    connect(&session_, &AttackSession::runningChanged, this, &RobustnessPage::updateControls);
    connect(options_, &RobustnessOptions::changed, this, &RobustnessPage::updateControls);

    setStatus(
        tr("Choose runs and attacks, then run them. Results are saved in each run's robustness/ folder."));
    workspace_ = runsWorkspace();
    refresh();
}

RobustnessPage::~RobustnessPage() = default;

void RobustnessPage::setWorkspace(const QString& folder) {
    workspace_ = folder;
    followSettings_ = false;
    refresh();
}

void RobustnessPage::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    // The Runs page may have changed the workspace or new runs may have finished.
    if (session_.isRunning()) return;
    if (followSettings_) workspace_ = runsWorkspace();
    refresh();
}

void RobustnessPage::refresh() {
    {
        const QSignalBlocker blocker(runs_);
        runs_->clear();
        for (const std::string& dir : listRunDirectories(workspace_.toStdString())) {
            const QString runDir = normalizedRunDir(QString::fromStdString(dir));
            if (!QFileInfo(QDir(runDir).filePath(QStringLiteral("model"))).isDir()) continue;
            const RunOverview run = readRunOverview(dir);
            auto* item = new QListWidgetItem(QString::fromStdString(run.name), runs_);
            item->setData(kRunDirRole, runDir);
            item->setToolTip(tr("%1, %2, %3")
                                 .arg(QString::fromStdString(run.method),
                                      QString::fromStdString(run.modelType),
                                      QString::fromStdString(statusName(run.status))));
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            const bool checked = run.status == RunStatus::Finished && !unchecked_.contains(runDir);
            item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
        }
    }
    // Saved summaries; results of this session keep their records.
    std::vector<RunAttackResult> fresh = session_.results();
    results_ = loadWorkspaceRobustness(workspace_);
    for (RunAttackResult& saved : results_)
        for (const RunAttackResult& result : fresh)
            if (result.runDir == saved.runDir && result.attack == saved.attack) saved = result;
    showResults();
    updateControls();
}

QStringList RobustnessPage::runDirs() const {
    QStringList dirs;
    for (int i = 0; i < runs_->count(); ++i) dirs << runs_->item(i)->data(kRunDirRole).toString();
    return dirs;
}

QStringList RobustnessPage::checkedRuns() const {
    QStringList dirs;
    for (int i = 0; i < runs_->count(); ++i)
        if (runs_->item(i)->checkState() == Qt::Checked) dirs << runs_->item(i)->data(kRunDirRole).toString();
    return dirs;
}

void RobustnessPage::setRunChecked(const QString& runDir, bool checked) {
    for (int i = 0; i < runs_->count(); ++i)
        if (runs_->item(i)->data(kRunDirRole).toString() == normalizedRunDir(runDir))
            runs_->item(i)->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
}

bool RobustnessPage::startAttacks() {
    QString error;
    AttackRequest request = options_->request(&error);
    request.runDirs = checkedRuns();
    if (error.isEmpty() && request.runDirs.isEmpty()) error = tr("Check at least one run.");
    if (!error.isEmpty()) {
        setStatus(error);
        return false;
    }
    failures_.clear();
    progress_->setValue(0);
    if (!session_.start(request)) return false;
    setStatus(tr("Loading the models…"));
    return true;
}

void RobustnessPage::cancel() {
    if (!session_.isRunning()) return;
    session_.cancel();
    setStatus(tr("Cancelling…"));
}

void RobustnessPage::addResult(const RunAttackResult& result) {
    bool replaced = false;
    for (RunAttackResult& existing : results_)
        if (existing.runDir == result.runDir && existing.attack == result.attack) {
            existing = result;
            replaced = true;
        }
    if (!replaced) results_.push_back(result);
    showResults();
}

void RobustnessPage::showResults() {
    tableModel_->setResults(results_);
    plotAccuracyVersusEpsilon(*plot_, results_);
    updateExampleChoices();
}

void RobustnessPage::updateExampleChoices() {
    const QString previous = exampleRun_->currentData().toString();
    {
        const QSignalBlocker blocker(exampleRun_);
        exampleRun_->clear();
        for (const RobustnessRow& row : tableModel_->comparison().rows())
            exampleRun_->addItem(row.runName, row.runDir);
        exampleRun_->setCurrentIndex(std::max(0, exampleRun_->findData(previous)));
    }
    updateAttackChoices();
}

// The attacks the chosen run has results of.
void RobustnessPage::updateAttackChoices() {
    const QString previous = exampleAttack_->currentData().toString();
    {
        const QSignalBlocker blocker(exampleAttack_);
        exampleAttack_->clear();
        const QString runDir = exampleRun_->currentData().toString();
        for (const QString& attack : robustnessAttackNames())
            for (const RunAttackResult& result : results_)
                if (result.runDir == runDir && result.attack == attack) {
                    exampleAttack_->addItem(attackDisplayName(attack), attack);
                    break;
                }
        exampleAttack_->setCurrentIndex(std::max(0, exampleAttack_->findData(previous)));
    }
    showChosenExamples();
}

void RobustnessPage::showExamples(const QString& runDir, const QString& attack) {
    exampleRun_->setCurrentIndex(exampleRun_->findData(normalizedRunDir(runDir)));
    exampleAttack_->setCurrentIndex(exampleAttack_->findData(attack));
    tabs_->setCurrentIndex(2);
}

void RobustnessPage::showChosenExamples() {
    const QString runDir = exampleRun_->currentData().toString();
    const QString attack = exampleAttack_->currentData().toString();
    for (RunAttackResult& result : results_) {
        if (result.runDir != runDir || result.attack != attack) continue;
        if (result.records.empty()) {
            try {
                result.records = loadAttackRecords(runDir, attack);
            } catch (const std::exception& error) {
                setStatus(tr("Could not read the examples: %1").arg(QString::fromStdString(error.what())));
            }
        }
        examples_->setResult(result);
        return;
    }
    examples_->clear();
}

QString RobustnessPage::exportCsv(const QString& path) const {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    file.write(tableModel_->comparison().toCsv().toUtf8());
    if (!file.commit())
        return tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    return {};
}

void RobustnessPage::chooseCsvFile() {
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export Robustness Table"),
                                     exportPath(QStringLiteral("robustness.csv")), tr("CSV files (*.csv)"));
    if (path.isEmpty()) return;
    rememberExportFolder(path, false);
    const QString error = exportCsv(path);
    setStatus(error.isEmpty() ? tr("Saved %1").arg(QDir::toNativeSeparators(path)) : error);
}

QString RobustnessPage::statusText() const {
    return status_->text();
}

void RobustnessPage::setStatus(const QString& message) {
    status_->setText(message);
    Q_EMIT statusMessage(message);
}

void RobustnessPage::updateControls() {
    const bool running = session_.isRunning();
    QString error;
    options_->request(&error);
    runButton_->setEnabled(!running && error.isEmpty() && !checkedRuns().isEmpty());
    runButton_->setToolTip(error);
    cancelButton_->setEnabled(running);
    refreshButton_->setEnabled(!running);
    runs_->setEnabled(!running);
    options_->setEnabled(!running);
    csvButton_->setEnabled(tableModel_->rowCount() > 0);
}

}  // namespace uegr::studio
