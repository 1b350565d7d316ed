#include "runs_page.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProgressDialog>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent>
#include <algorithm>
#include <functional>

#include "class_report_panel.h"
#include "config_diff_dialog.h"
#include "export_folder.h"
#include "export_run.h"
#include "prediction_panel.h"
#include "report_builder.h"
#include "run_folder_actions.h"
#include "runs_workspace.h"

namespace uegr::studio {

struct RunsPage::LoadResult {
    QStringList runDirs;
    std::vector<RunCurves> runs;
    QString error;
};

namespace {

// Runs `work` on the thread pool behind a modal progress dialog (shown only if it takes a
// while), then calls `done` with its result on the GUI thread.
void runWithProgress(QWidget* parent, const QString& label, std::function<QString()> work,
                     std::function<void(const QString&)> done) {
    auto* progress = new QProgressDialog(label, QString(), 0, 0, parent);
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(400);
    progress->setValue(0);
    auto* watcher = new QFutureWatcher<QString>(parent);
    QObject::connect(watcher, &QFutureWatcher<QString>::finished, parent, [watcher, progress, done] {
        progress->close();
        progress->deleteLater();
        watcher->deleteLater();
        done(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(std::move(work)));
}

}  // namespace

RunsPage::RunsPage(QWidget* parent)
    : QWidget(parent),
      model_(new RunsTableModel(this)),
      proxy_(new QSortFilterProxyModel(this)),
      table_(new QTableView(this)),
      plots_(new RunPlots(this)),
      classReport_(new ClassReportPanel(this)),
      predictions_(new PredictionPanel(this)),
      workspaceLabel_(new QLabel(this)),
      message_(new QLabel(this)),
      filter_(new QLineEdit(this)),
      openButton_(new QPushButton(QIcon(QStringLiteral(":/icons/open.svg")), tr("&Open"), this)),
      compareButton_(new QPushButton(tr("&Compare"), this)),
      resumeButton_(new QPushButton(QIcon(QStringLiteral(":/icons/start.svg")), tr("Res&ume"), this)),
      exportButton_(new QToolButton(this)),
      recentButton_(new QToolButton(this)),
      configDiffAction_(new QAction(tr("Config &Diff…"), this)),
      folderActions_(new RunFolderActions(this)),
      contextMenu_(new QMenu(this)),
      scanner_(new QFutureWatcher<std::vector<RunRow>>(this)),
      loader_(new QFutureWatcher<std::shared_ptr<const LoadResult>>(this)) {
    workspaceLabel_->setObjectName(QStringLiteral("workspaceLabel"));
    workspaceLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* changeButton = new QPushButton(tr("C&hange…"), this);
    changeButton->setToolTip(
        tr("Choose the folder that holds the runs; new runs from the Training page go there."));
    connect(changeButton, &QPushButton::clicked, this, &RunsPage::chooseWorkspace);
    auto* refreshButton = new QPushButton(tr("&Refresh"), this);
    refreshButton->setObjectName(QStringLiteral("refreshRuns"));
    connect(refreshButton, &QPushButton::clicked, this, &RunsPage::refresh);
    auto* openFolderButton = new QPushButton(tr("Open Run &Folder…"), this);
    connect(openFolderButton, &QPushButton::clicked, this, &RunsPage::chooseRunFolder);
    recentButton_->setText(tr("Recent"));
    recentButton_->setPopupMode(QToolButton::InstantPopup);
    recentButton_->setMenu(new QMenu(recentButton_));
    connect(recentButton_->menu(), &QMenu::aboutToShow, this, &RunsPage::updateRecentMenu);

    auto* workspaceBar = new QHBoxLayout;
    workspaceBar->addWidget(new QLabel(tr("Workspace:"), this));
    workspaceBar->addWidget(workspaceLabel_, 1);
    workspaceBar->addWidget(changeButton);
    workspaceBar->addWidget(refreshButton);
    workspaceBar->addWidget(openFolderButton);
    workspaceBar->addWidget(recentButton_);

    filter_->setObjectName(QStringLiteral("filterRuns"));
    filter_->setPlaceholderText(tr("Filter by name, method, tag, setting…"));
    filter_->setClearButtonEnabled(true);
    connect(filter_, &QLineEdit::textChanged, proxy_, &QSortFilterProxyModel::setFilterFixedString);
    auto* filterLabel = new QLabel(tr("F&ilter:"), this);
    filterLabel->setBuddy(filter_);
    auto* filterBar = new QHBoxLayout;
    filterBar->addWidget(filterLabel);
    filterBar->addWidget(filter_, 1);

    proxy_->setSourceModel(model_);
    proxy_->setSortRole(RunsTableModel::SortRole);
    proxy_->setFilterKeyColumn(-1);  // any column: name, tags, settings, ...
    proxy_->setFilterCaseSensitivity(Qt::CaseInsensitive);
    table_->setObjectName(QStringLiteral("runsTable"));
    table_->setModel(proxy_);
    table_->setSortingEnabled(true);
    table_->sortByColumn(RunsTableModel::Date, Qt::DescendingOrder);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    table_->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    connect(table_, &QTableView::doubleClicked, this, &RunsPage::activateCell);
    connect(table_->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RunsPage::updateActions);
    connect(table_->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &RunsPage::showClassReport);
    connect(model_, &RunsTableModel::annotationsFailed, this,
            [this](const QString& error) { showMessage(error, true); });
    connect(folderActions_, &RunFolderActions::message, this, &RunsPage::showMessage);

    openButton_->setObjectName(QStringLiteral("openRun"));
    openButton_->setToolTip(tr("Replay the selected run's curves."));
    connect(openButton_, &QPushButton::clicked, this, [this] { openRun(singleSelectedRun()); });
    compareButton_->setObjectName(QStringLiteral("compareRuns"));
    compareButton_->setToolTip(tr("Overlay the loss and dev accuracy of the selected runs."));
    connect(compareButton_, &QPushButton::clicked, this, [this] { compareRuns(selectedRuns()); });
    resumeButton_->setObjectName(QStringLiteral("resumeRun"));
    resumeButton_->setToolTip(tr("Continue the selected stopped run from its last checkpoint."));
    connect(resumeButton_, &QPushButton::clicked, this, [this] {
        const QString run = singleSelectedRun();
        if (!run.isEmpty()) Q_EMIT resumeRequested(run);
    });
    exportButton_->setObjectName(QStringLiteral("exportRun"));
    exportButton_->setText(tr("&Export"));
    exportButton_->setPopupMode(QToolButton::InstantPopup);
    auto* exportMenu = new QMenu(exportButton_);
    exportMenu->addAction(tr("&Model Bundle…"), this, &RunsPage::exportModel);
    exportMenu->addAction(tr("&HTML Report…"), this, [this] { exportReport(false); });
    exportMenu->addAction(tr("&PDF Report…"), this, [this] { exportReport(true); });
    exportMenu->addAction(tr("Metrics &CSV…"), this, &RunsPage::exportCsv);
    exportButton_->setMenu(exportMenu);
    configDiffAction_->setObjectName(QStringLiteral("configDiffAction"));
    configDiffAction_->setToolTip(tr("List the settings in which the two selected runs differ."));
    connect(configDiffAction_, &QAction::triggered, this, &RunsPage::showConfigDiff);

    auto* actions = new QHBoxLayout;
    actions->addWidget(openButton_);
    actions->addWidget(compareButton_);
    actions->addWidget(buttonFor(configDiffAction_, "configDiff"));
    actions->addWidget(resumeButton_);
    actions->addWidget(exportButton_);
    actions->addStretch(1);
    actions->addWidget(buttonFor(folderActions_->editNotesAction(), "editNotes"));
    actions->addWidget(buttonFor(folderActions_->renameAction(), "renameRun"));
    actions->addWidget(buttonFor(folderActions_->deleteAction(), "deleteRun"));

    openAction_ = contextMenu_->addAction(tr("&Open"), this, [this] { openRun(singleSelectedRun()); });
    compareAction_ = contextMenu_->addAction(tr("&Compare"), this, [this] { compareRuns(selectedRuns()); });
    contextMenu_->addAction(configDiffAction_);
    contextMenu_->addSeparator();
    contextMenu_->addAction(folderActions_->editTagsAction());
    contextMenu_->addAction(folderActions_->editNotesAction());
    contextMenu_->addAction(folderActions_->renameAction());
    contextMenu_->addAction(folderActions_->deleteAction());
    contextMenu_->addSeparator();
    contextMenu_->addAction(folderActions_->undoDeleteAction());
    table_->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(table_, &QWidget::customContextMenuRequested, this, &RunsPage::showContextMenu);

    message_->setObjectName(QStringLiteral("runsMessage"));
    message_->setWordWrap(true);
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* messageBar = new QHBoxLayout;
    messageBar->addWidget(message_, 1);
    QPushButton* undoDelete = buttonFor(folderActions_->undoDeleteAction(), "undoDelete");
    undoDelete->setVisible(false);
    connect(folderActions_->undoDeleteAction(), &QAction::changed, undoDelete,
            [this, undoDelete] { undoDelete->setVisible(folderActions_->undoDeleteAction()->isEnabled()); });
    messageBar->addWidget(undoDelete);

    auto* top = new QWidget(this);
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addLayout(workspaceBar);
    topLayout->addLayout(filterBar);
    topLayout->addWidget(table_, 1);
    topLayout->addLayout(actions);
    topLayout->addLayout(messageBar);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    auto* details = new QTabWidget(this);
    details->setObjectName(QStringLiteral("runDetails"));
    details->addTab(plots_, tr("Curves"));
    details->addTab(classReport_, tr("Per class"));
    details->addTab(predictions_, tr("Predictions"));
    connect(predictions_, &PredictionPanel::openInSaliencyRequested, this,
            &RunsPage::openInSaliencyRequested);
    splitter->addWidget(top);
    splitter->addWidget(details);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(scanner_, &QFutureWatcher<std::vector<RunRow>>::finished, this, &RunsPage::scanDone);
    connect(loader_, &QFutureWatcher<std::shared_ptr<const LoadResult>>::finished, this,
            &RunsPage::curvesLoaded);
    workspace_ = runsWorkspace();
    workspaceLabel_->setText(QDir::toNativeSeparators(workspace_));
    updateActions();
    showClassReport();
    refresh();
}

RunsPage::~RunsPage() {
    scanner_->waitForFinished();
    loader_->waitForFinished();
}

void RunsPage::setWorkspace(const QString& folder) {
    workspace_ = QDir::cleanPath(folder);
    setRunsWorkspace(workspace_);
    workspaceLabel_->setText(QDir::toNativeSeparators(workspace_));
    refresh();
}

void RunsPage::chooseWorkspace() {
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Runs Workspace"), workspace_);
    if (!folder.isEmpty()) setWorkspace(folder);
}

void RunsPage::refresh() {
    if (scanner_->isRunning()) {
        rescanPending_ = true;
        return;
    }
    showMessage(tr("Looking for runs in %1…").arg(QDir::toNativeSeparators(workspace_)), false);
    const QString workspace = workspace_;
    scanner_->setFuture(QtConcurrent::run([workspace] { return scanRunsWorkspace(workspace); }));
}

bool RunsPage::isScanning() const {
    return scanner_->isRunning() || rescanPending_;
}

void RunsPage::scanDone() {
    if (rescanPending_) {
        rescanPending_ = false;
        refresh();
        return;
    }
    const QStringList selected = selectedRuns();
    model_->setRuns(scanner_->result());
    model_->setActiveRun(activeRun_);
    table_->resizeColumnsToContents();
    selectRuns(selected);
    const int unreadable = model_->unreadableCount();
    if (unreadable > 0) {
        QString first;
        for (int row = 0; row < model_->rowCount() && first.isEmpty(); ++row)
            if (!model_->run(row).readable()) first = QString::fromStdString(model_->run(row).overview.error);
        showMessage(tr("%n run folder(s) could not be read (red rows; hover for the reason). First: %1",
                       nullptr, unreadable)
                        .arg(first),
                    true);
    } else if (model_->rowCount() == 0) {
        showMessage(tr("No runs in %1 yet. Runs started on the Training page are saved there.")
                        .arg(QDir::toNativeSeparators(workspace_)),
                    false);
    } else {
        showMessage(tr("%n run(s).", nullptr, model_->rowCount()), false);
    }
    updateActions();
    showClassReport();
    Q_EMIT scanned();
}

void RunsPage::openRun(const QString& runDir) {
    if (runDir.isEmpty()) return;
    addRecentRun(runDir);
    loadCurves({runDir});
}

void RunsPage::compareRuns(const QStringList& runDirs) {
    if (runDirs.size() < 2) return;
    loadCurves(runDirs);
}

void RunsPage::chooseRunFolder() {
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open Run Folder"), workspace_);
    if (!folder.isEmpty()) openRun(folder);
}

void RunsPage::loadCurves(const QStringList& runDirs) {
    showMessage(tr("Reading curves…"), false);
    // A newer request replaces the watcher's future, so a slow older one is never shown.
    loader_->setFuture(QtConcurrent::run([runDirs]() -> std::shared_ptr<const LoadResult> {
        auto result = std::make_shared<LoadResult>();
        result->runDirs = runDirs;
        for (const QString& dir : runDirs) {
            try {
                const QString path = QDir(dir).filePath(QStringLiteral("metrics.jsonl"));
                if (!QFileInfo::exists(path))
                    throw std::runtime_error(QDir::toNativeSeparators(path).toStdString() + ": missing");
                result->runs.push_back(
                    {QFileInfo(QDir::cleanPath(dir)).fileName(), readMetricsLog(path.toStdString())});
            } catch (const std::exception& error) {
                result->error = QString::fromStdString(error.what());
                return result;
            }
        }
        return result;
    }));
}

void RunsPage::curvesLoaded() {
    const std::shared_ptr<const LoadResult> result = loader_->result();
    if (!result->error.isEmpty()) {
        showMessage(tr("Cannot show the curves: %1").arg(result->error), true);
        Q_EMIT loadFailed(result->error);
        return;
    }
    if (result->runs.size() == 1)
        plots_->showRun(result->runs.front());
    else
        plots_->showOverlay(result->runs);
    QStringList names;
    for (const RunCurves& run : result->runs) names << run.name;
    showMessage(result->runs.size() == 1 ? tr("Showing %1: %n step(s).", nullptr,
                                              static_cast<int>(result->runs.front().metrics.steps.size()))
                                               .arg(names.front())
                                         : tr("Comparing %1.").arg(names.join(QStringLiteral(", "))),
                false);
    Q_EMIT curvesShown(result->runDirs);
}

QMenu* RunsPage::exportMenu() const {
    return exportButton_->menu();
}

void RunsPage::setActiveRun(const QString& runDir) {
    activeRun_ = runDir;
    model_->setActiveRun(runDir);
    updateActions();
}

QStringList RunsPage::selectedRuns() const {
    return selectedFolders(true);
}

QStringList RunsPage::selectedRunFolders() const {
    return selectedFolders(false);
}

QStringList RunsPage::selectedFolders(bool readableOnly) const {
    QModelIndexList rows = table_->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    QStringList dirs;
    for (const QModelIndex& index : rows) {
        const RunRow& run = model_->run(proxy_->mapToSource(index).row());
        if (run.readable() || !readableOnly) dirs << QString::fromStdString(run.overview.dir);
    }
    return dirs;
}

void RunsPage::selectRuns(const QStringList& runDirs) {
    QItemSelection selection;
    for (const QString& dir : runDirs) {
        const int row = model_->rowOf(dir);
        if (row < 0) continue;
        const QModelIndex index = proxy_->mapFromSource(model_->index(row, 0));
        selection.select(index, index.siblingAtColumn(model_->columnCount() - 1));
    }
    table_->selectionModel()->select(selection,
                                     QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

QString RunsPage::singleSelectedRun() const {
    const QStringList runs = selectedRuns();
    return runs.size() == 1 ? runs.front() : QString();
}

QString RunsPage::message() const {
    return message_->text();
}

void RunsPage::showMessage(const QString& text, bool error) {
    message_->setText(text);
    message_->setStyleSheet(error ? QStringLiteral("color: #c0392b;") : QString());
}

void RunsPage::updateActions() {
    const QStringList runs = selectedRuns();
    const QString single = runs.size() == 1 ? runs.front() : QString();
    openButton_->setEnabled(!single.isEmpty());
    compareButton_->setEnabled(runs.size() >= 2);
    exportButton_->setEnabled(!single.isEmpty());
    exportMenu()->menuAction()->setEnabled(!single.isEmpty());
    const int row = single.isEmpty() ? -1 : model_->rowOf(single);
    resumeButton_->setEnabled(row >= 0 && activeRun_.isEmpty() && model_->status(row) == RunStatus::Stopped &&
                              model_->run(row).overview.resumable);
    openAction_->setEnabled(openButton_->isEnabled());
    compareAction_->setEnabled(compareButton_->isEnabled());
    configDiffAction_->setEnabled(runs.size() == 2);
    folderActions_->updateEnabled();
}

// The selected run's best dev and test results from its summary (or last checkpoint), which the
// scan has read already: no file is opened here. The prediction panel follows the selection.
void RunsPage::showClassReport() {
    const QString single = singleSelectedRun();
    predictions_->setRun(single);
    const int row = single.isEmpty() ? -1 : model_->rowOf(single);
    if (row < 0) {
        classReport_->setReports({}, tr("Select one run to see its confusion matrix and per-class scores."));
        return;
    }
    const RunOverview& run = model_->run(row).overview;
    std::vector<NamedConfusion> reports;
    if (run.hasBestDev)
        reports.push_back({tr("Best dev (step %1)").arg(run.bestDev.step), run.bestDev.confusion});
    if (run.hasTest) reports.push_back({tr("Test (best dev model)"), run.test.confusion});
    classReport_->setReports(reports, tr("%1 has no per-class results yet: runs record them at each dev and "
                                         "test evaluation (runs from older versions have none).")
                                          .arg(QString::fromStdString(run.name)));
}

QPushButton* RunsPage::buttonFor(QAction* action, const char* objectName) {
    auto* button = new QPushButton(action->text(), this);
    button->setObjectName(QString::fromLatin1(objectName));
    button->setToolTip(action->toolTip());
    button->setEnabled(action->isEnabled());
    connect(button, &QPushButton::clicked, action, &QAction::trigger);
    connect(action, &QAction::changed, button, [button, action] { button->setEnabled(action->isEnabled()); });
    return button;
}

void RunsPage::showContextMenu(const QPoint& position) {
    contextMenu_->popup(table_->viewport()->mapToGlobal(position));
}

// A double-click edits the Tags cell in place, opens the notes from the Notes cell and replays
// the run from any other cell.
void RunsPage::activateCell(const QModelIndex& index) {
    const int column = proxy_->mapToSource(index).column();
    if (column == RunsTableModel::Tags) return;
    if (column == RunsTableModel::Notes) {
        folderActions_->editNotesAction()->trigger();
        return;
    }
    const RunRow& run = model_->run(proxy_->mapToSource(index).row());
    if (run.readable()) openRun(QString::fromStdString(run.overview.dir));
}

void RunsPage::showConfigDiff() {
    const QStringList runs = selectedRuns();
    if (runs.size() != 2) return;
    const RunRow& left = model_->run(model_->rowOf(runs[0]));
    const RunRow& right = model_->run(model_->rowOf(runs[1]));
    auto* dialog = new ConfigDiffDialog(QString::fromStdString(left.overview.name), left.config,
                                        QString::fromStdString(right.overview.name), right.config, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

QStringList RunsPage::recentRunFolders() const {
    QStringList runs = recentRuns();
    QList<QFileInfo> workspaceRuns;
    for (int row = 0; row < model_->rowCount(); ++row)
        workspaceRuns << QFileInfo(QString::fromStdString(model_->run(row).overview.dir));
    std::stable_sort(workspaceRuns.begin(), workspaceRuns.end(), [](const QFileInfo& a, const QFileInfo& b) {
        return a.lastModified() > b.lastModified();
    });
    for (const QFileInfo& run : workspaceRuns) {
        const QString folder = QDir::cleanPath(run.absoluteFilePath());
        if (runs.size() < kMaxRecentRuns && !runs.contains(folder)) runs << folder;
    }
    return runs;
}

void RunsPage::updateRecentMenu() {
    QMenu* menu = recentButton_->menu();
    menu->clear();
    const QStringList runs = recentRunFolders();
    if (runs.isEmpty()) menu->addAction(tr("No recent runs"))->setEnabled(false);
    for (const QString& run : runs)
        menu->addAction(QDir::toNativeSeparators(run), this, [this, run] { openRun(run); })
            ->setEnabled(QFileInfo(run).isDir());
}

void RunsPage::exportModel() {
    const QString run = singleSelectedRun();
    if (run.isEmpty()) return;
    const QString parent =
        QFileDialog::getExistingDirectory(this, tr("Export Model Bundle Into"), exportFolder());
    if (parent.isEmpty()) return;
    rememberExportFolder(parent, true);
    const QString destination = suggestedBundleFolder(parent, run);
    runWithProgress(
        this, tr("Copying the model bundle…"),
        [run, destination] { return exportModelBundle(run, destination); },
        [this, destination](const QString& error) {
            showMessage(error.isEmpty()
                            ? tr("Model bundle exported to %1.").arg(QDir::toNativeSeparators(destination))
                            : error,
                        !error.isEmpty());
        });
}

void RunsPage::exportCsv() {
    const QString run = singleSelectedRun();
    if (run.isEmpty()) return;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Metrics"), exportPath(QFileInfo(run).fileName() + QStringLiteral("-metrics.csv")),
        tr("CSV table (*.csv)"));
    if (path.isEmpty()) return;
    rememberExportFolder(path, false);
    runWithProgress(
        this, tr("Writing the metrics table…"), [run, path] { return exportMetricsCsv(run, path); },
        [this, path](const QString& error) {
            showMessage(
                error.isEmpty() ? tr("Metrics exported to %1.").arg(QDir::toNativeSeparators(path)) : error,
                !error.isEmpty());
        });
}

void RunsPage::exportReport(bool pdf) {
    const QString run = singleSelectedRun();
    if (run.isEmpty()) return;
    const QString suffix = pdf ? QStringLiteral(".pdf") : QStringLiteral(".html");
    const QString path = QFileDialog::getSaveFileName(
        this, pdf ? tr("Export PDF Report") : tr("Export HTML Report"),
        exportPath(QFileInfo(run).fileName() + QStringLiteral("-report") + suffix),
        pdf ? tr("PDF document (*.pdf)") : tr("HTML page (*.html)"));
    if (path.isEmpty()) return;
    rememberExportFolder(path, false);

    auto* progress = new QProgressDialog(tr("Reading the run's files…"), QString(), 0, 3, this);
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(400);
    progress->setValue(0);
    auto* watcher = new QFutureWatcher<std::shared_ptr<RunReport>>(this);
    connect(watcher, &QFutureWatcher<std::shared_ptr<RunReport>>::finished, this,
            [this, watcher, progress, path, pdf] {
                const std::shared_ptr<RunReport> report = watcher->result();
                watcher->deleteLater();
                progress->setLabelText(tr("Drawing the plots…"));
                progress->setValue(1);
                renderReportFigures(*report);  // QCustomPlot: GUI thread
                progress->setLabelText(tr("Writing %1…").arg(QDir::toNativeSeparators(path)));
                progress->setValue(2);
                const QString error = pdf ? writePdfReport(*report, path) : writeHtmlReport(*report, path);
                progress->setValue(3);
                progress->deleteLater();
                showMessage(
                    error.isEmpty() ? tr("Report written to %1.").arg(QDir::toNativeSeparators(path)) : error,
                    !error.isEmpty());
                Q_EMIT statusMessage(message());
            });
    watcher->setFuture(
        QtConcurrent::run([run] { return std::make_shared<RunReport>(collectRunReport(run)); }));
}

}  // namespace uegr::studio
