// The Runs page as a runs table, driven as a user drives it, on three runs of the tiny TextCNN
// trained with the CLI: "a-vanilla" and "c-vanilla" with one config, "b-uegr" with another method
// and uegr.keep_ratio. Hyper-parameter columns, the config diff of two selected rows, tags typed
// into the table, notes, rename, delete to the trash with undo, and the refusals (bad names,
// taken names, a training run, a damaged annotations.json). HOME is a temporary folder, so the
// trash is too.
#include <QApplication>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest/QtTest>
#include <functional>

#include "config_diff_dialog.h"
#include "run_annotations.h"
#include "run_rename.h"
#include "runs_page.h"
#include "runs_table_model.h"
#include "runs_workspace.h"
#include "support/message_box_answer.h"
#include "support/tiny_run.h"

using namespace uegr;
using namespace uegr::studio;

namespace {

uegr::testing::CliResult trainRun(const QString& runDir, const std::string& method, double keepRatio) {
    RunConfig config = uegr::testing::tinyRunConfig(runDir);
    config.training.method = method;
    config.uegr.keepRatio = keepRatio;
    const QString configPath = runDir + QStringLiteral(".config.json");
    saveRunConfig(config, configPath.toStdString());
    return uegr::testing::runCli({"train", "--config", configPath, "--out", runDir});
}

QJsonObject readJson(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll()).object() : QJsonObject();
}

// Answers the next modal QInputDialog once it is up: `answer` types into it; OK is then clicked.
void answerNextInputDialog(std::function<void(QInputDialog*)> answer) {
    auto* poll = new QTimer;
    QObject::connect(poll, &QTimer::timeout, poll, [poll, answer] {
        auto* dialog = qobject_cast<QInputDialog*>(QApplication::activeModalWidget());
        if (!dialog) return;
        poll->stop();
        poll->deleteLater();
        answer(dialog);
        QTest::mouseClick(dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok),
                          Qt::LeftButton);
    });
    poll->start(20);
}

void typeName(QInputDialog* dialog, const QString& name) {
    auto* edit = dialog->findChild<QLineEdit*>();
    edit->selectAll();
    QTest::keyClicks(edit, name);
}

// Counts and rejects any modal dialog while it lives: for actions that must not ask anything.
class NoDialogExpected {
public:
    NoDialogExpected() {
        QObject::connect(&poll_, &QTimer::timeout, [this] {
            if (QWidget* modal = QApplication::activeModalWidget()) {
                ++seen_;
                modal->close();
            }
        });
        poll_.start(20);
    }
    int seen() const { return seen_; }

private:
    QTimer poll_;
    int seen_ = 0;
};

}  // namespace

class TestRunManagement : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(home_.isValid());
        qputenv("HOME", home_.path().toUtf8());  // the desktop trash lives under it
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("uegr-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("test_run_management"));
        QSettings().clear();
        workspace_ = home_.filePath("runs");
        QVERIFY(QDir().mkpath(workspace_));
        a_ = workspace_ + "/a-vanilla";
        b_ = workspace_ + "/b-uegr";
        c_ = workspace_ + "/c-vanilla";
        for (const auto& [dir, method, keep] :
             {std::tuple{a_, "vanilla", 0.5}, std::tuple{b_, "uegr", 0.25}, std::tuple{c_, "vanilla", 0.5}}) {
            const uegr::testing::CliResult trained = trainRun(dir, method, keep);
            QVERIFY2(trained.exitCode == 0, trained.err.constData());
        }
    }

    void init() {
        page_ = std::make_unique<RunsPage>();
        page_->resize(1600, 900);
        page_->show();
        QVERIFY(QTest::qWaitForWindowActive(page_.get()));
        QSignalSpy scanned(page_.get(), &RunsPage::scanned);
        page_->setWorkspace(workspace_);
        QTRY_VERIFY_WITH_TIMEOUT(!scanned.isEmpty() && !page_->isScanning(), 10000);
    }

    void cleanup() { page_.reset(); }

    void tagsAndNamesAreChecked() {
        QCOMPARE(parseTags(" baseline, sweep-1 ,,baseline,  "), QStringList({"baseline", "sweep-1"}));
        QCOMPARE(tagsText({"a", "b"}), QString("a, b"));
        QVERIFY(runNameProblem("good-name 2").isEmpty());
        for (const QString& bad :
             {QString(), QString("a/b"), QString("a\\b"), QString(".hidden"), QString(".."),
              QString("x.tmp-1"), QString("tab\there"), QString(256, 'x')})
            QVERIFY2(!runNameProblem(bad).isEmpty(), qPrintable(bad));
    }

    // Only the keys whose values differ are columns; output.dir differs always and is left out.
    void hyperparameterColumnsShowWhatDiffers() {
        RunsTableModel* model = page_->model();
        QCOMPARE(model->rowCount(), 3);
        QCOMPARE(headers(RunsTableModel::FixedColumnCount),
                 QStringList({"training.method", "uegr.keep_ratio"}));
        const int keep = model->columnOfKey("uegr.keep_ratio");
        const QJsonObject b = readJson(b_ + "/config.json");
        QCOMPARE(b.value("uegr").toObject().value("keep_ratio").toDouble(), 0.25);
        QCOMPARE(model->index(model->rowOf(b_), keep).data().toString(), QString("0.25"));
        QCOMPARE(model->index(model->rowOf(a_), keep).data().toString(), QString("0.5"));
        QCOMPARE(model->index(model->rowOf(a_), model->columnOfKey("training.method")).data().toString(),
                 QString("vanilla"));
        QCOMPARE(model->index(model->rowOf(b_), keep).data(RunsTableModel::SortRole),
                 QVariant(0.25));  // a number
        // A click on the column's header sorts by it.
        QTest::mouseClick(page_->table()->horizontalHeader()->viewport(), Qt::LeftButton, {},
                          headerCenter(keep));
        QCOMPARE(page_->table()->horizontalHeader()->sortIndicatorSection(), keep);
        const Qt::SortOrder order = page_->table()->horizontalHeader()->sortIndicatorOrder();
        const QString first = page_->table()->model()->index(0, keep).data().toString();
        QCOMPARE(first, order == Qt::AscendingOrder ? QString("0.25") : QString("0.5"));
    }

    void configDiffOfTwoSelectedRuns() {
        auto* diffButton = page_->findChild<QPushButton*>("configDiff");
        clickRow(a_);
        QVERIFY(!diffButton->isEnabled());
        clickRow(b_, Qt::ControlModifier);
        QCOMPARE(page_->selectedRuns().size(), 2);
        QVERIFY(diffButton->isEnabled());
        QTest::mouseClick(diffButton, Qt::LeftButton);
        auto* dialog = page_->findChild<ConfigDiffDialog*>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QTableWidget* table = dialog->table();
        // The dialog's columns follow the table's order (by date here).
        const QString left = table->horizontalHeaderItem(1)->text();
        QVERIFY2(left == "a-vanilla" || left == "b-uegr", qPrintable(left));
        const bool aLeft = left == "a-vanilla";
        QCOMPARE(table->horizontalHeaderItem(2)->text(), QString(aLeft ? "b-uegr" : "a-vanilla"));
        auto pair = [aLeft](const QString& a, const QString& b) { return aLeft ? a + "|" + b : b + "|" + a; };
        QStringList rows;
        for (int row = 0; row < table->rowCount(); ++row)
            rows << table->item(row, 0)->text() + "=" + table->item(row, 1)->text() + "|" +
                        table->item(row, 2)->text();
        QCOMPARE(rows.size(), 3);
        QVERIFY2(rows[0].startsWith("output.dir="), qPrintable(rows[0]));  // every run has its own
        QCOMPARE(rows[1], "training.method=" + pair("vanilla", "uegr"));
        QCOMPARE(rows[2], "uegr.keep_ratio=" + pair("0.5", "0.25"));
        dialog->close();
    }

    void configDiffListsKeysOfOneRunOnly() {
        // An older run without robustness.* keys: the diff says (absent) on its side.
        QFile configFile(c_ + "/config.json");
        QVERIFY(configFile.open(QIODevice::ReadOnly));
        const QByteArray original = configFile.readAll();
        configFile.close();
        QJsonObject config = QJsonDocument::fromJson(original).object();
        const int robustnessKeys = static_cast<int>(config.value("robustness").toObject().size());
        QVERIFY(robustnessKeys > 0);
        config.remove("robustness");
        writeFile(c_ + "/config.json", QJsonDocument(config).toJson());
        rescan();
        QVERIFY(page_->model()->columnOfKey("robustness.attack") >= 0);  // c lacks it: it differs
        clickRow(a_);
        clickRow(c_, Qt::ControlModifier);
        page_->findChild<QAction*>("configDiffAction")->trigger();
        auto* dialog = page_->findChild<ConfigDiffDialog*>();
        QVERIFY(dialog);
        int absent = 0;
        for (int row = 0; row < dialog->table()->rowCount(); ++row) {
            const bool robustness = dialog->table()->item(row, 0)->text().startsWith("robustness.");
            const bool saysAbsent = dialog->table()->item(row, 1)->text() == "(absent)" ||
                                    dialog->table()->item(row, 2)->text() == "(absent)";
            QCOMPARE(saysAbsent, robustness);
            absent += robustness ? 1 : 0;
        }
        QCOMPARE(absent, robustnessKeys);
        writeFile(c_ + "/config.json", original);
    }

    void tagsTypedIntoTheTable() {
        QTableView* table = page_->table();
        QSignalSpy opened(page_.get(), &RunsPage::curvesShown);
        const QModelIndex cell = proxyIndex(a_, RunsTableModel::Tags);
        table->scrollTo(cell);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(cell).center());
        QTest::keyClick(table, Qt::Key_F2);
        // The editor is a line edit inside the table (the filter box is one too, outside it).
        QTRY_VERIFY2(qobject_cast<QLineEdit*>(QApplication::focusWidget()) &&
                         table->isAncestorOf(QApplication::focusWidget()),
                     "F2 on the Tags cell opens an editor");
        auto* editor = qobject_cast<QLineEdit*>(QApplication::focusWidget());
        QTest::keyClicks(editor, "baseline, sweep-1, baseline");
        QTest::keyClick(editor, Qt::Key_Return);
        // The delegate commits on its next event-loop turn.
        QTRY_COMPARE(readJson(a_ + "/annotations.json").value("tags").toArray(),
                     QJsonArray({"baseline", "sweep-1"}));
        QCOMPARE(proxyIndex(a_, RunsTableModel::Tags).data().toString(), QString("baseline, sweep-1"));
        QTest::qWait(200);
        QVERIFY(opened.isEmpty());  // editing tags opens no run

        // The filter box matches tags.
        auto* filter = page_->findChild<QLineEdit*>("filterRuns");
        QTest::keyClicks(filter, "SWEEP");
        QCOMPARE(table->model()->rowCount(), 1);
        QCOMPARE(table->model()->index(0, RunsTableModel::Name).data().toString(), QString("a-vanilla"));
        filter->clear();
        QCOMPARE(table->model()->rowCount(), 3);

        // A rescan reads the tags back from the file.
        rescan();
        QCOMPARE(proxyIndex(a_, RunsTableModel::Tags).data().toString(), QString("baseline, sweep-1"));
    }

    void notesWrittenInTheirDialog() {
        clickRow(a_);
        answerNextInputDialog([](QInputDialog* dialog) {
            auto* edit = dialog->findChild<QPlainTextEdit*>();
            edit->selectAll();
            QTest::keyClicks(edit, "lr too high");
            QTest::keyClick(edit, Qt::Key_Return);
            QTest::keyClicks(edit, "try 1e-4");
        });
        QTest::mouseClick(page_->findChild<QPushButton*>("editNotes"), Qt::LeftButton);
        const QJsonObject saved = readJson(a_ + "/annotations.json");
        QCOMPARE(saved.value("notes").toString(), QString("lr too high\ntry 1e-4"));
        QCOMPARE(saved.value("tags").toArray(), QJsonArray({"baseline", "sweep-1"}));  // kept
        QCOMPARE(proxyIndex(a_, RunsTableModel::Notes).data().toString(), QString("lr too high …"));
        QCOMPARE(proxyIndex(a_, RunsTableModel::Notes).data(Qt::ToolTipRole).toString(),
                 QString("lr too high\ntry 1e-4"));
    }

    void renameRefusesBadNamesThenRenames() {
        addRecentRun(c_);
        auto* renameButton = page_->findChild<QPushButton*>("renameRun");
        clickRow(c_);
        QVERIFY(renameButton->isEnabled());
        answerNextInputDialog([](QInputDialog* dialog) { typeName(dialog, "b-uegr"); });
        QTest::mouseClick(renameButton, Qt::LeftButton);
        QVERIFY2(page_->message().contains("already exists"), qPrintable(page_->message()));
        answerNextInputDialog([](QInputDialog* dialog) { typeName(dialog, "sweep/c"); });
        QTest::mouseClick(renameButton, Qt::LeftButton);
        QVERIFY2(page_->message().contains("cannot contain /"), qPrintable(page_->message()));
        QVERIFY(QFileInfo(c_).isDir());

        answerNextInputDialog([](QInputDialog* dialog) { typeName(dialog, "c-renamed"); });
        page_->findChild<QAction*>("renameRunAction")->trigger();
        const QString renamed = workspace_ + "/c-renamed";
        QVERIFY(!QFileInfo::exists(c_));
        QVERIFY(QFileInfo(renamed + "/summary.json").isFile());
        QCOMPARE(page_->selectedRuns(), QStringList({QDir::toNativeSeparators(renamed)}));
        QCOMPARE(page_->model()->rowOf(c_), -1);
        QCOMPARE(proxyIndex(renamed, RunsTableModel::Name).data().toString(), QString("c-renamed"));
        QCOMPARE(recentRuns().front(), QDir::cleanPath(renamed));  // File > Recent follows the rename
        QVERIFY(QDir().rename(renamed, c_));                       // back, for the next tests
    }

    void aTrainingRunIsNeitherRenamedNorDeleted() {
        clickRow(b_);
        page_->setActiveRun(b_);
        QVERIFY(!page_->findChild<QPushButton*>("renameRun")->isEnabled());
        QVERIFY(!page_->findChild<QPushButton*>("deleteRun")->isEnabled());
        QVERIFY(!page_->findChild<QAction*>("deleteRunAction")->isEnabled());
        NoDialogExpected noDialog;
        page_->table()->setFocus();
        QTest::keyClick(page_->table(), Qt::Key_Delete);
        QTest::qWait(100);
        QCOMPARE(noDialog.seen(), 0);
        QVERIFY(QFileInfo(b_ + "/config.json").isFile());
        page_->setActiveRun({});
        QVERIFY(page_->findChild<QPushButton*>("deleteRun")->isEnabled());
    }

    void deleteAsksMovesToTrashAndCtrlZPutsBack() {
        QTableView* table = page_->table();
        clickRow(b_);
        table->setFocus();
        QString asked;
        uegr::testing::answerNextMessageBox("Cancel", &asked);
        QTest::keyClick(table, Qt::Key_Delete);
        QVERIFY2(asked.contains("b-uegr"), qPrintable(asked));
        QVERIFY(QFileInfo(b_).isDir());  // cancelled

        uegr::testing::answerNextMessageBox("Move to Trash", &asked);
        QTest::keyClick(table, Qt::Key_Delete);
        QVERIFY(!QFileInfo::exists(b_));
        const QString trashed = trashedPath("b-uegr");
        QVERIFY2(QFileInfo(trashed + "/summary.json").isFile(), qPrintable(trashed));
        const QString record = trashFolder() + "/info/" + QFileInfo(trashed).fileName() + ".trashinfo";
        QVERIFY(QFileInfo(record).isFile());
        QCOMPARE(page_->model()->rowCount(), 2);
        QCOMPARE(page_->model()->rowOf(b_), -1);
        // a and c have one config: no column is left.
        QCOMPARE(page_->model()->columnCount(), int(RunsTableModel::FixedColumnCount));
        auto* undoButton = page_->findChild<QPushButton*>("undoDelete");
        QVERIFY(undoButton->isVisible());

        QSignalSpy scanned(page_.get(), &RunsPage::scanned);
        table->setFocus();
        QTest::keyClick(table, Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(QFileInfo(b_ + "/summary.json").isFile());
        QVERIFY(!QFileInfo::exists(trashed));
        QVERIFY(!QFileInfo::exists(record));
        QTRY_VERIFY_WITH_TIMEOUT(!scanned.isEmpty(), 10000);
        QCOMPARE(page_->model()->rowCount(), 3);
        QCOMPARE(headers(RunsTableModel::FixedColumnCount),
                 QStringList({"training.method", "uegr.keep_ratio"}));
        QCOMPARE(page_->selectedRuns(), QStringList({QDir::toNativeSeparators(b_)}));
        QVERIFY(page_->message().contains("b-uegr"));
        QVERIFY(!undoButton->isVisible());
    }

    void deleteTwoByButtonAndUndoByButton() {
        clickRow(a_);
        clickRow(c_, Qt::ControlModifier);
        QString asked;
        uegr::testing::answerNextMessageBox("Move to Trash", &asked);
        QTest::mouseClick(page_->findChild<QPushButton*>("deleteRun"), Qt::LeftButton);
        QVERIFY2(asked.contains("a-vanilla") && asked.contains("c-vanilla"), qPrintable(asked));
        QVERIFY(!QFileInfo::exists(a_));
        QVERIFY(!QFileInfo::exists(c_));
        QCOMPARE(page_->model()->rowCount(), 1);
        QCOMPARE(page_->model()->columnCount(),
                 int(RunsTableModel::FixedColumnCount));  // one run: nothing differs

        QSignalSpy scanned(page_.get(), &RunsPage::scanned);
        QTest::mouseClick(page_->findChild<QPushButton*>("undoDelete"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!scanned.isEmpty(), 10000);
        QVERIFY(QFileInfo(a_ + "/annotations.json").isFile());  // the tags came back with the run
        QVERIFY(QFileInfo(c_ + "/summary.json").isFile());
        QCOMPARE(page_->model()->rowCount(), 3);
    }

    // Undo is refused, with the reason, when the original path was taken meanwhile.
    void undoRefusedWhenThePathIsTakenAgain() {
        clickRow(b_);
        QString asked;
        uegr::testing::answerNextMessageBox("Move to Trash", &asked);
        page_->findChild<QAction*>("deleteRunAction")->trigger();
        QVERIFY(!QFileInfo::exists(b_));
        QVERIFY(QDir().mkpath(b_));
        QSignalSpy scanned(page_.get(), &RunsPage::scanned);
        page_->findChild<QAction*>("undoDeleteAction")->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!scanned.isEmpty(), 10000);
        QVERIFY2(page_->message().contains("exists again"), qPrintable(page_->message()));
        const QString trashed = trashedPath("b-uegr");
        QVERIFY(QFileInfo(trashed + "/summary.json").isFile());  // still safe in the trash
        QVERIFY(QDir(b_).removeRecursively());
        QVERIFY(QDir().rename(trashed, b_));
        QVERIFY(QFile::remove(trashFolder() + "/info/" + QFileInfo(trashed).fileName() + ".trashinfo"));
    }

    void damagedAnnotationsAreShownNotOverwritten() {
        const QByteArray garbage = "{\"tags\": [1, 2]}";
        QFile file(c_ + "/annotations.json");
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(garbage);
        file.close();
        rescan();
        const QModelIndex tags = proxyIndex(c_, RunsTableModel::Tags);
        QCOMPARE(tags.data().toString(), QString("damaged"));
        QVERIFY(tags.data(Qt::ToolTipRole).toString().contains("annotations.json"));
        QVERIFY(!(tags.flags() & Qt::ItemIsEditable));
        clickRow(c_);
        QVERIFY(!page_->findChild<QPushButton*>("editNotes")->isEnabled());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), garbage);
        QVERIFY(file.remove());
    }

private:
    void rescan() {
        QSignalSpy scanned(page_.get(), &RunsPage::scanned);
        page_->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(!scanned.isEmpty() && !page_->isScanning(), 10000);
    }

    QModelIndex proxyIndex(const QString& runDir, int column) const {
        auto* proxy = qobject_cast<QSortFilterProxyModel*>(page_->table()->model());
        return proxy->mapFromSource(page_->model()->index(page_->model()->rowOf(runDir), column));
    }

    void clickRow(const QString& runDir, Qt::KeyboardModifiers modifiers = {}) {
        const QModelIndex cell = proxyIndex(runDir, RunsTableModel::Name);
        QVERIFY(cell.isValid());
        page_->table()->scrollTo(cell);
        QTest::mouseClick(page_->table()->viewport(), Qt::LeftButton, modifiers,
                          page_->table()->visualRect(cell).center());
    }

    QPoint headerCenter(int column) const {
        QHeaderView* header = page_->table()->horizontalHeader();
        page_->table()->scrollTo(page_->table()->model()->index(0, column));
        return QPoint(header->sectionViewportPosition(column) + header->sectionSize(column) / 2,
                      header->height() / 2);
    }

    QStringList headers(int from) const {
        QStringList names;
        for (int column = from; column < page_->table()->model()->columnCount(); ++column)
            names << page_->table()->model()->headerData(column, Qt::Horizontal).toString();
        return names;
    }

    static void writeFile(const QString& path, const QByteArray& content) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(content);
    }

    // Where QFile::moveToTrash puts things for this HOME (QStandardPaths' test mode).
    static QString trashFolder() {
        return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + "/Trash";
    }

    // The one entry of the trash for `name` (Qt may add a number to the name).
    static QString trashedPath(const QString& name) {
        const QStringList entries =
            QDir(trashFolder() + "/files").entryList({name + "*"}, QDir::Dirs | QDir::NoDotAndDotDot);
        return entries.size() == 1 ? trashFolder() + "/files/" + entries.front() : QString();
    }

    QTemporaryDir home_;
    QString workspace_, a_, b_, c_;
    std::unique_ptr<RunsPage> page_;
};

QTEST_MAIN(TestRunManagement)
#include "test_run_management.moc"
