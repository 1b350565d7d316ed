// The studio's shell: pages, About dialog contents, settings persistence, translations.
#include <QApplication>
#include <QDesktopServices>
#include <QFileDialog>
#include <QGroupBox>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTranslator>
#include <QUndoStack>
#include <QtTest/QtTest>

#include "about_dialog.h"
#include "config_form.h"
#include "config_page.h"
#include "main_window.h"
#include "runs_page.h"
#include "support/message_box_answer.h"
#include "support/tiny_run.h"
#include "training_page.h"
#include "training_session.h"
#include "translations.h"
#include "util/runtime_info.h"

using uegr::RunConfig;
using uegr::studio::AboutDialog;
using uegr::studio::ConfigPage;
using uegr::studio::MainWindow;
using uegr::studio::RunsPage;
using uegr::studio::TrainingPage;
using uegr::testing::answerNextMessageBox;

namespace {

void editPasses(MainWindow& window, int passes) {
    auto* spin = qobject_cast<QSpinBox*>(window.configPage()->form().editor(QStringLiteral("uegr.passes")));
    QVERIFY(spin);
    spin->setValue(passes);
}

QMenu* subMenu(QMenu* menu, const QString& title) {
    for (QAction* action : menu->actions())
        if (action->menu() && action->text() == title) return action->menu();
    return nullptr;
}

QAction* actionNamed(QMenu* menu, const QString& text) {
    for (QAction* action : menu->actions())
        if (action->text() == text) return action;
    return nullptr;
}

// Answers the next file dialog as a user would: types `path` and accepts.
void answerNextFileDialog(const QString& path) {
    QTimer::singleShot(0, [path] {
        auto* dialog = qobject_cast<QFileDialog*>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        dialog->selectFile(path);
        QMetaObject::invokeMethod(dialog, "accept");
    });
}

}  // namespace

// Receives the URLs the studio asks the desktop to open.
class UrlCatcher : public QObject {
    Q_OBJECT
public:
    QList<QUrl> urls;
public Q_SLOTS:
    void open(const QUrl& url) { urls << url; }
};

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("uegr-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("test_studio_window"));
        QSettings().clear();
    }

    // A new user's first window: room for the plots, and every page name whole.
    void firstLaunchWindowIsRoomyAndShowsWholePageNames() {
        QSettings().clear();
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QSize expected = QSize(1280, 820)
                                   .boundedTo(window.screen()->availableSize() * 0.9)
                                   .expandedTo(window.minimumSizeHint());
        QCOMPARE(window.size(), expected);
        auto* list = window.findChild<QListWidget*>(QStringLiteral("pageList"));
        QVERIFY(list);
        for (int row = 0; row < list->count(); ++row) {
            const QListWidgetItem* item = list->item(row);
            const int needed = list->fontMetrics().horizontalAdvance(item->text()) + list->iconSize().width();
            QVERIFY2(list->visualItemRect(item).width() >= needed, qPrintable(item->text()));
            QVERIFY2(list->viewport()->width() >= needed, qPrintable(item->text()));
        }
        // The same at the smallest size the window allows.
        window.resize(window.minimumSizeHint());
        QTest::qWait(50);
        for (int row = 0; row < list->count(); ++row) {
            const int needed =
                list->fontMetrics().horizontalAdvance(list->item(row)->text()) + list->iconSize().width();
            QVERIFY2(list->viewport()->width() >= needed, qPrintable(list->item(row)->text()));
        }
    }

    void shortcutsOpenPages() {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* list = window.findChild<QListWidget*>(QStringLiteral("pageList"));
        for (int i = window.pageCount() - 1; i >= 0; --i) {
            QTest::keyClick(&window, static_cast<Qt::Key>(Qt::Key_1 + i), Qt::ControlModifier);
            QCOMPARE(list->currentRow(), i);
            QVERIFY(window.page(i)->isVisible());
        }
    }

    // F5 starts the configured run on the Training page, Shift+F5 stops it.
    void trainingShortcutsStartAndStop() {
        QTemporaryDir runs;
        MainWindow window;
        auto* configPage = window.findChild<ConfigPage*>();
        RunConfig config = configPage->config();
        config.output.dir = runs.filePath(QStringLiteral("run")).toStdString();
        configPage->setConfig(config, QStringLiteral("output folder"));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* training = qobject_cast<TrainingPage*>(window.page(2));
        QVERIFY(training);
        QTest::keyClick(&window, Qt::Key_F5);
        QCOMPARE(window.findChild<QListWidget*>(QStringLiteral("pageList"))->currentRow(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(training->session().isRunning(), 10000);
        // The Configuration page says that its edits do not reach the running run.
        auto* runNote = configPage->findChild<QLabel*>(QStringLiteral("runNote"));
        QVERIFY(runNote && !runNote->isHidden());
        QTest::keyClick(&window, Qt::Key_F5, Qt::ShiftModifier);
        QTRY_VERIFY_WITH_TIMEOUT(!training->session().isRunning(), 120000);
        QVERIFY(runNote->isHidden());
        QVERIFY2(training->logText().contains(QStringLiteral("stopped")), qPrintable(training->logText()));
    }

    // File → Export Selected Run is the Runs page's export menu: disabled until a run is
    // clicked, then it writes that run's metrics where the save dialog says.
    void fileMenuExportsTheSelectedRun() {
        QTemporaryDir workspace;
        const QString run = workspace.filePath(QStringLiteral("tiny"));
        const uegr::testing::CliResult trained = uegr::testing::trainTinyRun(run);
        QVERIFY2(trained.exitCode == 0, trained.err.constData());
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* runs = window.findChild<RunsPage*>();
        QSignalSpy scanned(runs, &RunsPage::scanned);
        runs->setWorkspace(workspace.path());
        QTRY_VERIFY_WITH_TIMEOUT(!scanned.isEmpty(), 20000);
        QMenu* exportMenu =
            subMenu(window.menuBar()->actions().at(0)->menu(), QStringLiteral("&Export Selected Run"));
        QVERIFY(exportMenu);
        QVERIFY(!exportMenu->menuAction()->isEnabled());

        QTest::keyClick(&window, Qt::Key_5, Qt::ControlModifier);  // the Runs page
        auto* table = runs->findChild<QTableView*>(QStringLiteral("runsTable"));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                          table->visualRect(table->model()->index(0, 0)).center());
        QVERIFY(exportMenu->menuAction()->isEnabled());

        const QString csv = workspace.filePath(QStringLiteral("tiny-metrics.csv"));
        answerNextFileDialog(csv);
        actionNamed(exportMenu, QStringLiteral("Metrics &CSV…"))->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(csv).size() > 0, 20000);
        QFile written(csv);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QVERIFY(written.readLine().startsWith("step"));
    }

    // Help opens the user guide, the method and the configuration keys from where they are
    // installed (the build tree has the same layout).
    void helpOpensTheDocumentation() {
        UrlCatcher catcher;
        QDesktopServices::setUrlHandler(QStringLiteral("file"), &catcher, "open");
        MainWindow window;
        QMenu* help = window.menuBar()->actions().last()->menu();
        const QStringList titles{QStringLiteral("&User Guide"), QStringLiteral("The UEGR &Method"),
                                 QStringLiteral("&Configuration Keys")};
        const QStringList files{QStringLiteral("README.md"), QStringLiteral("METHOD.md"),
                                QStringLiteral("CONFIG.md")};
        for (const QString& title : titles) {
            QAction* action = actionNamed(help, title);
            QVERIFY2(action, qPrintable(title));
            action->trigger();
        }
        QDesktopServices::unsetUrlHandler(QStringLiteral("file"));
        QCOMPARE(catcher.urls.size(), 3);
        for (int i = 0; i < 3; ++i) {
            QVERIFY(QFileInfo(catcher.urls[i].toLocalFile()).isFile());
            QCOMPARE(catcher.urls[i].fileName(), files[i]);
        }
        QFile guide(catcher.urls[0].toLocalFile());
        QVERIFY(guide.open(QIODevice::ReadOnly));
        QVERIFY(guide.readLine().startsWith("# UEGR Studio"));
    }

    // At the narrowest window, the Robustness page's Run button is whole and in view: the
    // settings above it scroll, it does not.
    void narrowWindowKeepsRunAttacksInView() {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.resize(window.minimumSizeHint().width(), 560);
        QTest::keyClick(&window, Qt::Key_6, Qt::ControlModifier);
        auto* run = window.findChild<QPushButton*>(QStringLiteral("runAttacks"));
        QTRY_VERIFY(run->isVisible());
        QCOMPARE(run->visibleRegion().boundingRect(), run->rect());
        QVERIFY(window.rect().contains(QRect(run->mapTo(&window, QPoint(0, 0)), run->size())));
    }

    void hasEveryPage() {
        MainWindow window;
        const QStringList expected{"datasetPage",  "configPage", "trainingPage",
                                   "saliencyPage", "runsPage",   "robustnessPage"};
        QCOMPARE(window.pageCount(), expected.size());
        for (int i = 0; i < expected.size(); ++i) QCOMPARE(window.page(i)->objectName(), expected[i]);
        auto* list = window.findChild<QListWidget*>(QStringLiteral("pageList"));
        QVERIFY(list);
        QCOMPARE(list->count(), expected.size());
        list->setCurrentRow(2);
        QCOMPARE(window.page(2)->isVisibleTo(&window), true);
    }

    void aboutShowsRuntime() {
        const uegr::RuntimeInfo runtime = uegr::runtimeInfo();
        QVERIFY(!runtime.torchVersion.empty());
        AboutDialog dialog;
        const QString text = dialog.findChild<QLabel*>(QStringLiteral("aboutText"))->text();
        QVERIFY2(text.contains(QString::fromStdString(runtime.torchVersion)), qPrintable(text));
        QVERIFY(text.contains(QString::fromStdString(runtime.uegrVersion)));
        QVERIFY(text.contains(QString::fromStdString(runtime.blasKind)));
        QVERIFY(text.contains(runtime.cudaAvailable ? QStringLiteral("available")
                                                    : QStringLiteral("not available")));
    }

    void geometryAndPagePersist() {
        {
            MainWindow window;
            window.resize(1013, 617);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.showPage(4);
            window.close();
        }
        MainWindow restored;
        QCOMPARE(restored.size(), QSize(1013, 617));
        QCOMPARE(restored.findChild<QListWidget*>(QStringLiteral("pageList"))->currentRow(), 4);
    }

    void closingWithUnsavedConfigAsks() {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        editPasses(window, 5);
        QVERIFY(window.isWindowModified());

        QString question;
        answerNextMessageBox(QStringLiteral("Cancel"), &question);
        QVERIFY(!window.close());
        QVERIFY2(question.contains(QStringLiteral("unsaved")), qPrintable(question));
        QVERIFY(window.isVisible());

        question.clear();
        answerNextMessageBox(QStringLiteral("Discard"), &question);
        QVERIFY(window.close());
        QVERIFY(!question.isEmpty());
        QVERIFY(!window.isVisible());
    }

    // The platform appends the application's display name ("… — UEGR Studio"), so the title
    // must name the document only, with "*" for unsaved edits.
    void titleNamesTheConfigOnce() {
        QGuiApplication::setApplicationDisplayName(QStringLiteral("UEGR Studio"));
        QTemporaryDir dir;
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.windowHandle()->title(), QStringLiteral("Untitled run config"));
        editPasses(window, 5);
        QCOMPARE(window.windowHandle()->title(), QStringLiteral("Untitled run config*"));
        const QString path = dir.filePath(QStringLiteral("run.json"));
        QCOMPARE(window.configPage()->saveConfig(path), QString());
        QCOMPARE(window.windowHandle()->title(), QStringLiteral("run.json"));
        QCOMPARE(window.windowFilePath(), path);
        QVERIFY(window.close());
        QGuiApplication::setApplicationDisplayName(QString());
    }

    void lastConfigAndPageAreRestored() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("restored.json"));
        {
            MainWindow window;
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            editPasses(window, 7);
            QCOMPARE(window.configPage()->saveConfig(path), QString());
            window.showPage(3);
            QVERIFY(window.close());
        }
        MainWindow restored;
        restored.show();
        restored.openStartupFile({});
        QCOMPARE(restored.findChild<QListWidget*>(QStringLiteral("pageList"))->currentRow(), 3);
        QCOMPARE(restored.configPage()->fileName(), path);
        QCOMPARE(restored.configPage()->config().uegr.passes, 7);
        QVERIFY(restored.close());
        QSettings().clear();
    }

    void germanTranslationLoads() {
        const QList<QTranslator*> before = qApp->findChildren<QTranslator*>();
        QVERIFY(uegr::studio::installTranslators(*qApp, QLocale(QLocale::German, QLocale::Germany)));
        MainWindow window;
        QCOMPARE(window.menuBar()->actions().at(0)->text(), QStringLiteral("&Datei"));
        QStringList groupTitles;
        for (const QGroupBox* group : window.page(1)->findChildren<QGroupBox*>()) groupTitles << group->title();
        QVERIFY2(groupTitles.contains(QStringLiteral("Daten")), qPrintable(groupTitles.join(u',')));
        QVERIFY2(groupTitles.contains(QStringLiteral("Vortrainiertes Modell")), qPrintable(groupTitles.join(u',')));
        for (QTranslator* translator : qApp->findChildren<QTranslator*>()) {
            if (before.contains(translator)) continue;
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
        QVERIFY(!uegr::studio::installTranslators(*qApp, QLocale(QLocale::Japanese)));
    }
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
