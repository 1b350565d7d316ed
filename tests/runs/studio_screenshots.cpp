// runs_screenshots OUT_DIR: drives uegr-studio's main window through a short training run on
// the demo dataset and saves docs-ready pictures of the Dataset, Configuration, Training (live
// plots mid-run) and Runs pages with QWidget::grab. Settings and runs go to a temporary place.
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <cstdio>
#include <functional>

#include "config_page.h"
#include "dataset_page.h"
#include "main_window.h"
#include "runs_page.h"
#include "runs_workspace.h"
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
    training->stop();
    waitFor([&] { return !training->session().isRunning(); }, 60000);

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
    window.close();
    return ok ? 0 : 1;
}
