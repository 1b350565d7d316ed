#include "main_window.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QUndoStack>

#include "about_dialog.h"
#include "config_page.h"
#include "dataset_page.h"
#include "documentation_menu.h"
#include "robustness_page.h"
#include "runs_page.h"
#include "runs_workspace.h"
#include "saliency_page.h"
#include "training_page.h"
#include "training_session.h"
#include "util/install_paths.h"

namespace uegr::studio {
namespace {

const QString kGeometryKey = QStringLiteral("mainWindow/geometry");
const QString kStateKey = QStringLiteral("mainWindow/state");
const QString kPageKey = QStringLiteral("mainWindow/page");
const QString kConfigFileKey = QStringLiteral("session/configFile");

}  // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent),
      pageList_(new QListWidget(this)),
      pages_(new QStackedWidget(this)),
      datasetPage_(new DatasetPage),
      configPage_(new ConfigPage),
      trainingPage_(new TrainingPage),
      runsPage_(new RunsPage) {
    setWindowIcon(QIcon(QStringLiteral(":/icons/uegr-studio.svg")));

    pageList_->setObjectName(QStringLiteral("pageList"));
    pageList_->setIconSize(QSize(24, 24));
    connect(pageList_, &QListWidget::currentRowChanged, pages_, &QStackedWidget::setCurrentIndex);

    addPage(datasetPage_, QStringLiteral("datasetPage"), tr("Dataset"), QStringLiteral("dataset"));
    addPage(configPage_, QStringLiteral("configPage"), tr("Configuration"), QStringLiteral("configuration"));
    addPage(trainingPage_, QStringLiteral("trainingPage"), tr("Training"), QStringLiteral("training"));
    auto* saliencyPage = new SaliencyPage;
    saliencyPage->setTrainingSession(&trainingPage_->session());
    saliencyPage->setDataSource([this] { return configPage_->config().data; });
    connect(saliencyPage, &SaliencyPage::statusMessage, this,
            [this](const QString& message) { statusBar()->showMessage(message, 5000); });
    addPage(saliencyPage, QStringLiteral("saliencyPage"), tr("Saliency"), QStringLiteral("saliency"));
    addPage(runsPage_, QStringLiteral("runsPage"), tr("Runs"), QStringLiteral("runs"));
    auto* robustnessPage = new RobustnessPage;
    const auto explain = [this, saliencyPage](const QString& runDir, const QString& text) {
        saliencyPage->explainTextWith(runDir, text);
        showPage(pages_->indexOf(saliencyPage));
    };
    connect(robustnessPage, &RobustnessPage::openInSaliencyRequested, this, explain);
    connect(runsPage_, &RunsPage::openInSaliencyRequested, this, explain);
    connect(robustnessPage, &RobustnessPage::statusMessage, this,
            [this](const QString& message) { statusBar()->showMessage(message, 5000); });
    addPage(robustnessPage, QStringLiteral("robustnessPage"), tr("Robustness"), QStringLiteral("robustness"));

    // Exactly as wide as the longest page name with its icon, in any language: never cut off.
    pageList_->setFixedWidth(pageList_->sizeHintForColumn(0) + 2 * pageList_->frameWidth() + 8);
    pageList_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto* central = new QWidget(this);
    auto* layout = new QHBoxLayout(central);
    layout->addWidget(pageList_);
    layout->addWidget(pages_, 1);
    setCentralWidget(central);

    connect(datasetPage_, &DatasetPage::loaded, this, [this](const QString& path) {
        configPage_->useDataset(path, datasetPage_->mapping());
        statusBar()->showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(path)), 5000);
    });
    connect(datasetPage_, &DatasetPage::loadFailed, this,
            [this](const QString& message) { statusBar()->showMessage(message, 10000); });
    trainingPage_->setConfigSource([this] { return configPage_->config(); });
    connect(trainingPage_, &TrainingPage::statusMessage, this,
            [this](const QString& message) { statusBar()->showMessage(message); });
    connect(&trainingPage_->session(), &TrainingSession::started, runsPage_, [this](const QString& runDir) {
        addRecentRun(runDir);
        runsPage_->setActiveRun(runDir);
        runsPage_->refresh();
    });
    connect(&trainingPage_->session(), &TrainingSession::runningChanged, runsPage_, [this](bool running) {
        if (running) return;
        runsPage_->setActiveRun({});
        runsPage_->refresh();
    });
    connect(&trainingPage_->session(), &TrainingSession::runningChanged, configPage_,
            &ConfigPage::setRunActive);
    connect(&trainingPage_->session(), &TrainingSession::runningChanged, this, [this](bool running) {
        if (running || !closeWhenRunStops_) return;
        closeWhenRunStops_ = false;
        QTimer::singleShot(0, this, &QWidget::close);  // after the run's own end-of-run handling
    });
    connect(runsPage_, &RunsPage::resumeRequested, this, [this](const QString& runDir) {
        if (trainingPage_->continueRun(runDir)) showPage(pages_->indexOf(trainingPage_));
    });
    connect(runsPage_, &RunsPage::statusMessage, this,
            [this](const QString& message) { statusBar()->showMessage(message, 10000); });
    connect(configPage_->undoStack(), &QUndoStack::cleanChanged, this,
            [this](bool clean) { setWindowModified(!clean); });
    connect(configPage_, &ConfigPage::fileNameChanged, this, &MainWindow::updateTitle);
    updateTitle();

    createMenus();
    statusBar()->showMessage(tr("Ready"));
    restoreSettings();
}

void MainWindow::addPage(QWidget* page, const QString& objectName, const QString& title,
                         const QString& iconName) {
    page->setObjectName(objectName);
    pages_->addWidget(page);
    new QListWidgetItem(QIcon(QStringLiteral(":/icons/%1.svg").arg(iconName)), title, pageList_);
}

void MainWindow::createMenus() {
    QMenu* fileMenu = menuBar()->addMenu(tr("&File"));
    QAction* openAction = fileMenu->addAction(QIcon(QStringLiteral(":/icons/open.svg")), tr("&Open Dataset…"),
                                              datasetPage_, &DatasetPage::chooseDataset);
    openAction->setShortcut(QKeySequence::Open);
    fileMenu->addAction(tr("&Load Run Config…"), configPage_, &ConfigPage::chooseConfig)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    fileMenu
        ->addAction(QIcon(QStringLiteral(":/icons/save.svg")), tr("&Save Run Config"), configPage_,
                    &ConfigPage::save)
        ->setShortcut(QKeySequence::Save);
    fileMenu->addAction(tr("Save Run Config &As…"), configPage_, &ConfigPage::saveAs)
        ->setShortcut(QKeySequence::SaveAs);
    QMenu* exportMenu = runsPage_->exportMenu();
    exportMenu->setTitle(tr("&Export Selected Run"));
    fileMenu->addMenu(exportMenu);
    QMenu* recentMenu = fileMenu->addMenu(tr("&Recent Runs"));
    recentMenu->setObjectName(QStringLiteral("recentRunsMenu"));
    connect(recentMenu, &QMenu::aboutToShow, this, [this, recentMenu] { fillRecentRunsMenu(*recentMenu); });
    fileMenu->addSeparator();
    QAction* quitAction = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quitAction->setShortcut(QKeySequence::Quit);
    quitAction->setMenuRole(QAction::QuitRole);

    QMenu* editMenu = menuBar()->addMenu(tr("&Edit"));
    QAction* undoAction = configPage_->undoStack()->createUndoAction(this, tr("&Undo"));
    undoAction->setShortcut(QKeySequence::Undo);
    QAction* redoAction = configPage_->undoStack()->createRedoAction(this, tr("&Redo"));
    redoAction->setShortcut(QKeySequence::Redo);
    editMenu->addAction(undoAction);
    editMenu->addAction(redoAction);

    // Ctrl+1 … Ctrl+6 open the pages in the order of the page list.
    QMenu* goMenu = menuBar()->addMenu(tr("&Go"));
    for (int i = 0; i < pageCount(); ++i)
        goMenu
            ->addAction(pageList_->item(i)->icon(), pageList_->item(i)->text(), this,
                        [this, i] { showPage(i); })
            ->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i)));

    QMenu* trainingMenu = menuBar()->addMenu(tr("&Training"));
    trainingMenu
        ->addAction(QIcon(QStringLiteral(":/icons/start.svg")), tr("&Start"), this,
                    [this] {
                        showPage(pages_->indexOf(trainingPage_));
                        trainingPage_->start();
                    })
        ->setShortcut(Qt::Key_F5);
    trainingMenu
        ->addAction(QIcon(QStringLiteral(":/icons/pause.svg")), tr("&Pause or Resume"), this,
                    [this] {
                        trainingPage_->session().isPaused() ? trainingPage_->resume()
                                                            : trainingPage_->pause();
                    })
        ->setShortcut(Qt::Key_F6);
    trainingMenu
        ->addAction(QIcon(QStringLiteral(":/icons/stop.svg")), tr("S&top"), trainingPage_,
                    &TrainingPage::stop)
        ->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F5));

    QMenu* helpMenu = menuBar()->addMenu(tr("&Help"));
    addDocumentationActions(*helpMenu, this);
    helpMenu->addSeparator();
    QAction* aboutAction = helpMenu->addAction(tr("&About UEGR Studio"), this, &MainWindow::showAbout);
    aboutAction->setMenuRole(QAction::AboutRole);
    helpMenu->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt)->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::fillRecentRunsMenu(QMenu& menu) {
    menu.clear();
    const QStringList runs = runsPage_->recentRunFolders();
    if (runs.isEmpty()) menu.addAction(tr("No recent runs"))->setEnabled(false);
    for (const QString& run : runs) {
        QAction* action = menu.addAction(QDir::toNativeSeparators(run), this, [this, run] {
            runsPage_->openRun(run);
            showPage(pages_->indexOf(runsPage_));
        });
        action->setEnabled(QFileInfo(run).isDir());
    }
}

QString MainWindow::demoDatasetPath() {
    return QString::fromStdString(uegr::demoDataDirectory() + "/train.csv");
}

bool MainWindow::openFile(const QString& path) {
    if (!QFileInfo(path).isFile()) {
        showError(tr("Open File"), tr("%1 is not a readable file.").arg(QDir::toNativeSeparators(path)));
        return false;
    }
    if (path.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive)) {
        const QString error = configPage_->openConfig(path);
        if (!error.isEmpty()) {
            showError(tr("Load Run Config"), error);
            return false;
        }
        const std::string& train = configPage_->config().data.train;
        datasetPage_->openDataset(train.empty() ? demoDatasetPath() : QString::fromStdString(train));
        showPage(pages_->indexOf(configPage_));
        return true;
    }
    datasetPage_->openDataset(path);
    showPage(pages_->indexOf(datasetPage_));
    return true;
}

void MainWindow::showError(const QString& title, const QString& message) {
    // Not modal: a scripted start (--quit-after-ms) must still be able to quit.
    auto* box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

int MainWindow::pageCount() const {
    return pages_->count();
}

QWidget* MainWindow::page(int index) const {
    return pages_->widget(index);
}

void MainWindow::showPage(int index) {
    pageList_->setCurrentRow(index);
}

void MainWindow::showAbout() {
    AboutDialog dialog(this);
    dialog.exec();
}

void MainWindow::openStartupFile(const QString& requested) {
    if (!requested.isEmpty()) {
        openFile(requested);
        return;
    }
    const int restoredPage = pageList_->currentRow();
    const QString lastConfig = QSettings().value(kConfigFileKey).toString();
    if (lastConfig.isEmpty() || !QFileInfo(lastConfig).isFile() || !openFile(lastConfig))
        openFile(demoDatasetPath());
    showPage(restoredPage);
}

// The document is the run config: its file name, or "Untitled run config" until it is saved.
// Qt appends the application's display name and shows "[*]" as "*" while edits are unsaved.
void MainWindow::updateTitle() {
    const QString fileName = configPage_->fileName();
    setWindowFilePath(fileName);
    setWindowTitle((fileName.isEmpty() ? tr("Untitled run config") : QFileInfo(fileName).fileName()) +
                   QStringLiteral("[*]"));
}

void MainWindow::restoreSettings() {
    QSettings settings;
    if (!restoreGeometry(settings.value(kGeometryKey).toByteArray())) resize(firstLaunchSize());
    restoreState(settings.value(kStateKey).toByteArray());
    showPage(qBound(0, settings.value(kPageKey, 0).toInt(), pageCount() - 1));
}

// Room for the plots and tables on the first launch, within the screen.
QSize MainWindow::firstLaunchSize() const {
    return QSize(1280, 820).boundedTo(screen()->availableSize() * 0.9).expandedTo(minimumSizeHint());
}

void MainWindow::saveSettings() {
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    settings.setValue(kPageKey, pageList_->currentRow());
    settings.setValue(kConfigFileKey, configPage_->fileName());
}

void MainWindow::closeWithoutAsking() {
    askBeforeClosing_ = false;
    close();
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (askBeforeClosing_ && !confirmClose()) {
        event->ignore();
        return;
    }
    saveSettings();
    event->accept();
}

bool MainWindow::confirmClose() {
    return confirmStopTraining() && confirmDiscardConfig();
}

// A running run is asked to stop; it writes its checkpoint on the worker thread and the window
// closes once it has ended (runningChanged), so the GUI thread never waits for it.
bool MainWindow::confirmStopTraining() {
    if (!trainingPage_->session().isRunning()) return true;
    if (closeWhenRunStops_) return false;  // already stopping; closes on its own
    QMessageBox box(QMessageBox::Question, tr("Quit UEGR Studio"),
                    tr("A training run is in progress. Stop it and quit?"), QMessageBox::Cancel, this);
    box.setInformativeText(
        tr("The run saves a checkpoint before it stops; you can resume it from the Runs "
           "page."));
    QPushButton* stopButton = box.addButton(tr("&Stop and Quit"), QMessageBox::AcceptRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != stopButton) return false;
    closeWhenRunStops_ = true;
    trainingPage_->stop();
    statusBar()->showMessage(tr("Stopping the run; UEGR Studio quits when its checkpoint is saved…"));
    return false;
}

bool MainWindow::confirmDiscardConfig() {
    if (configPage_->undoStack()->isClean()) return true;
    const QMessageBox::StandardButton answer = QMessageBox::question(
        this, tr("Quit UEGR Studio"), tr("The run config has unsaved changes. Save them before quitting?"),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Discard) return true;
    if (answer != QMessageBox::Save) return false;
    configPage_->save();
    return configPage_->undoStack()->isClean();  // the save dialog was cancelled or saving failed
}

}  // namespace uegr::studio
