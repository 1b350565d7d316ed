// runs_screenshots OUT_DIR: drives uegr-studio's main window through a training run on the demo
// dataset and saves docs-ready pictures of the Dataset, Configuration, Training (live plots
// mid-run), Runs, Saliency (a sentence's token saliency, the parameter heatmap of the trained model) and
// Robustness (all three attacks on the run) pages with QWidget::grab. Settings and runs go to a
// temporary place.
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <cstdio>
#include <functional>

#include "class_report_panel.h"
#include "config_page.h"
#include "dataset_page.h"
#include "main_window.h"
#include "prediction_panel.h"
#include "robustness_options.h"
#include "robustness_page.h"
#include "runs_page.h"
#include "runs_workspace.h"
#include "saliency_page.h"
#include "token_saliency_view.h"
#include "training_page.h"
#include "training_session.h"

using namespace uegr::studio;

namespace {

// Processes events until `done` holds or `timeoutMs` passed.
bool waitFor(const std::function<bool()>& done, int timeoutMs) {
    QElapsedTimer clock;
    clock.start();
    while (!done() && clock.elapsed() < timeoutMs) QApplication::processEvents(QEventLoop::AllEvents, 50);
    return done();
}

void pause(int milliseconds) {
    waitFor([] { return false; }, milliseconds);
}

bool save(QWidget& window, const QString& path) {
    pause(300);  // queued replots
    const bool saved = window.grab().save(path);
    std::printf("%s %s\n", saved ? "wrote" : "FAILED", qPrintable(path));
    return saved;
}

}  // namespace

int main(int argc, char** argv) {
    QApplication application(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s OUT_DIR\n", argv[0]);
        return 2;
    }
    const QString out = QString::fromLocal8Bit(argv[1]);
    QDir().mkpath(out);
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("uegr-screenshots"));
    QApplication::setApplicationName(QStringLiteral("uegr-studio"));
    QTemporaryDir workspace;
    setRunsWorkspace(workspace.path());

    MainWindow window;
    window.resize(1280, 820);
    window.show();
    bool ok = true;

    bool loaded = false;
    QObject::connect(window.datasetPage(), &DatasetPage::loaded, [&loaded] { loaded = true; });
    window.openFile(MainWindow::demoDatasetPath());
    waitFor([&] { return loaded; }, 30000);
    pause(1000);  // statistics are computed after the table is read
    ok &= save(window, out + QStringLiteral("/dataset.png"));

    window.showPage(1);
    ok &= save(window, out + QStringLiteral("/configuration.png"));

    window.showPage(2);
    TrainingPage* training = window.trainingPage();
    if (!training->start()) return 1;
    // Mid-run: a few evaluations' worth of curves.
    waitFor([&] { return training->progressText().contains(QStringLiteral("epoch 2")); }, 240000);
    ok &= save(window, out + QStringLiteral("/training.png"));
    if (!waitFor([&] { return !training->session().isRunning(); }, 1800000)) return 1;  // slow machines

    RunsPage* runs = window.runsPage();
    window.showPage(4);
    runs->refresh();
    waitFor([&] { return !runs->isScanning() && runs->model()->rowCount() > 0; }, 20000);
    runs->table()->selectRow(0);
    bool shown = false;
    QObject::connect(runs, &RunsPage::curvesShown, [&shown] { shown = true; });
    runs->openRun(QString::fromStdString(runs->model()->run(0).overview.dir));
    waitFor([&] { return shown; }, 20000);
    ok &= save(window, out + QStringLiteral("/runs.png"));
    const QString runDir = QString::fromStdString(runs->model()->run(0).overview.dir);
    auto* details = runs->findChild<QTabWidget*>(QStringLiteral("runDetails"));
    details->setCurrentWidget(runs->classReport());
    ok &= save(window, out + QStringLiteral("/runs-per-class.png"));
    details->setCurrentWidget(runs->predictions());
    bool predicted = false;
    QObject::connect(runs->predictions(), &PredictionPanel::finished, [&predicted] { predicted = true; });
    runs->predictions()->startButton()->click();
    waitFor([&] { return predicted; }, 120000);
    ok &= save(window, out + QStringLiteral("/runs-predictions.png"));

    auto* saliency = window.findChild<SaliencyPage*>();
    window.showPage(3);
    bool opened = false;
    QObject::connect(saliency, &SaliencyPage::opened, [&opened] { opened = true; });
    saliency->explainTextWith(runDir,
                              QStringLiteral("my code compiles but the unit tests fail on the server"));
    waitFor([&] { return opened && !saliency->isBusy(); }, 60000);
    pause(3000);  // the token view explains the sentence in the background
    ok &= save(window, out + QStringLiteral("/saliency-tokens.png"));
    // Beside the run's model (its best evaluation), a kept checkpoint of another step explains the
    // same sentence, so that the two differ.
    QFile summaryFile(runDir + QStringLiteral("/summary.json"));
    summaryFile.open(QIODevice::ReadOnly);
    const int bestStep =
        QJsonDocument::fromJson(summaryFile.readAll())[QStringLiteral("best_dev")][QStringLiteral("step")]
            .toInt();
    QStringList checkpoints = QDir(runDir + QStringLiteral("/checkpoints"))
                                  .entryList({QStringLiteral("step-*")}, QDir::Dirs, QDir::Name);
    checkpoints.removeAll(QStringLiteral("step-%1").arg(bestStep));
    if (!checkpoints.isEmpty()) {
        saliency->compareWith(runDir + QStringLiteral("/checkpoints/") + checkpoints.front());
        waitFor([&] { return saliency->isComparing() && !saliency->compareView()->isComputing(); }, 60000);
        pause(3000);
        ok &= save(window, out + QStringLiteral("/saliency-compare.png"));
        saliency->stopComparing();
    }
    bool snapshot = false;
    QObject::connect(saliency, &SaliencyPage::snapshotShown, [&snapshot] { snapshot = true; });
    saliency->findChild<QTabWidget*>()->setCurrentIndex(1);  // Parameters
    saliency->computeSnapshot();
    waitFor([&] { return snapshot && !saliency->isBusy(); }, 120000);
    ok &= save(window, out + QStringLiteral("/saliency-parameters.png"));

    auto* robustness = window.findChild<RobustnessPage*>();
    window.showPage(5);
    robustness->setWorkspace(workspace.path());
    waitFor([&] { return robustness->runDirs().contains(runDir); }, 20000);
    for (const QString attack :
         {QStringLiteral("charswap"), QStringLiteral("wordnet"), QStringLiteral("pgd")})
        robustness->options()->setAttackChecked(attack, true);
    robustness->options()->setSampleSize(100);
    if (!robustness->startAttacks()) return 1;
    waitFor([&] { return !robustness->isRunning(); }, 600000);
    robustness->showExamples(runDir, QStringLiteral("wordnet"));
    ok &= save(window, out + QStringLiteral("/robustness.png"));
    window.closeWithoutAsking();
    return ok ? 0 : 1;
}
