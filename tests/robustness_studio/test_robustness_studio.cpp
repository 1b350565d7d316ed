// The studio's robustness lab on two real runs trained here with the CLI: the attack session
// (background thread, progress, cancel, results saved in <run>/robustness/ and read back), the
// side-by-side table, the word diff of the examples browser, the Robustness page and the
// comparison in the run report.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QListWidget>
#include <QLocale>
#include <QProgressBar>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QtTest/QtTest>
#include <algorithm>

#include "attack_session.h"
#include "live_plot.h"
#include "main_window.h"
#include "report_builder.h"
#include "robustness_examples.h"
#include "robustness_options.h"
#include "robustness_page.h"
#include "robustness_table_model.h"
#include "saliency_page.h"
#include "support/tiny_run.h"
#include "token_saliency_view.h"
#include "word_diff.h"

using namespace uegr::studio;

namespace {

QByteArray readAll(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QList<QJsonObject> jsonLines(const QString& path) {
    QList<QJsonObject> lines;
    for (const QByteArray& line : readAll(path).split('\n'))
        if (!line.trimmed().isEmpty()) lines << QJsonDocument::fromJson(line).object();
    return lines;
}

// TextAttack's summary, recomputed here from statuses, shares and queries.
struct Recomputed {
    int examples = 0, succeeded = 0, failed = 0, skipped = 0;
    double shareSum = 0, querySum = 0;
    void add(const QString& status, double share, double queries) {
        ++examples;
        if (status == "succeeded") {
            ++succeeded;
            shareSum += share;
            querySum += queries;
        } else if (status == "failed") {
            ++failed;
            querySum += queries;
        } else {
            QCOMPARE(status, QStringLiteral("skipped"));
            ++skipped;
        }
    }
    void compare(const QJsonObject& summary) const {
        const int attacked = succeeded + failed;
        QCOMPARE(summary.value("examples").toInt(), examples);
        QCOMPARE(summary.value("succeeded").toInt(), succeeded);
        QCOMPARE(summary.value("failed").toInt(), failed);
        QCOMPARE(summary.value("skipped").toInt(), skipped);
        QCOMPARE(summary.value("clean_accuracy").toDouble(), double(attacked) / examples);
        QCOMPARE(summary.value("accuracy_under_attack").toDouble(), double(failed) / examples);
        QCOMPARE(summary.value("attack_success_rate").toDouble(),
                 attacked ? double(succeeded) / attacked : 0.0);
        QCOMPARE(summary.value("avg_perturbed_word_share").toDouble(),
                 succeeded ? shareSum / succeeded : 0.0);
        QCOMPARE(summary.value("avg_queries").toDouble(), attacked ? querySum / attacked : 0.0);
    }
};

AttackRequest smallRequest(const QStringList& runDirs) {
    AttackRequest request;
    request.runDirs = runDirs;
    request.attacks = robustnessAttackNames();
    request.sampleSize = 10;  // of the 12 dev examples
    request.queryBudget = 60;
    request.seed = 7;
    request.epsilons = {0.5, 0.05};  // attacked in ascending order
    request.pgdSteps = 3;
    return request;
}

QString percent(double fraction) {
    return QStringLiteral("%1 %").arg(QLocale().toString(100.0 * fraction, 'f', 1));
}

}  // namespace

class TestRobustnessStudio : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("uegr-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("test_robustness_studio"));
        QVERIFY(workspace_.isValid());
        runA_ = normalizedRunDir(workspace_.filePath("a-vanilla"));
        runB_ = normalizedRunDir(workspace_.filePath("b-uegr"));
        const uegr::testing::CliResult a =
            uegr::testing::trainTinyRun(runA_, {QStringLiteral("vanilla"), 10});
        QVERIFY2(a.exitCode == 0, a.err.constData());
        const uegr::testing::CliResult b = uegr::testing::trainTinyRun(runB_, {QStringLiteral("uegr"), 10});
        QVERIFY2(b.exitCode == 0, b.err.constData());
        QVERIFY(QFileInfo::exists(runA_ + "/model/model.safetensors"));
    }

    void wordDiffMarksExactlyTheChangedWords() {
        const WordDiff diff = diffWords(QStringLiteral("The movie was great, truly great!"),
                                        QStringLiteral("The film was great, truly grand!"));
        QStringList changedOriginal, changedAdversarial, rebuilt;
        for (const DiffSegment& segment : diff.original) {
            rebuilt << segment.text;
            if (segment.changed) changedOriginal << segment.text;
            if (!segment.isToken) QVERIFY(!segment.changed);
        }
        for (const DiffSegment& segment : diff.adversarial)
            if (segment.changed) changedAdversarial << segment.text;
        QCOMPARE(changedOriginal, QStringList({"movie", "great"}));
        QCOMPARE(changedAdversarial, QStringList({"film", "grand"}));
        QCOMPARE(diff.changedOriginal, 2);
        QCOMPARE(diff.changedAdversarial, 2);
        QCOMPARE(rebuilt.join(QString()), QStringLiteral("The movie was great, truly great!"));
        // The second "great" is the changed one: the first is followed by the comma.
        int greatSeen = 0;
        for (const DiffSegment& segment : diff.original)
            if (segment.text == "great") QCOMPARE(segment.changed, ++greatSeen == 2);

        // A character edit marks its one word; HTML escapes the text and highlights only it.
        const WordDiff edit =
            diffWords(QStringLiteral("a <wonderful> film"), QStringLiteral("a <wodnerful> film"));
        QCOMPARE(edit.changedOriginal, 1);
        const QString html = diffHtml(edit.adversarial, QColor(Qt::green));
        QVERIFY(html.contains(QStringLiteral("<b>wodnerful</b>")));
        QVERIFY(html.contains(QStringLiteral("&lt;")));
        QCOMPARE(html.count(QStringLiteral("<span")), 1);

        const WordDiff same = diffWords(QStringLiteral("same text"), QStringLiteral("same text"));
        QCOMPARE(same.changedOriginal + same.changedAdversarial, 0);
    }

    void cancelStopsEarly() {
        AttackSession session;
        AttackRequest request = smallRequest({runA_, runB_});
        request.attacks = {QStringLiteral("pgd")};
        request.sampleSize = 0;  // all 12
        request.epsilons = {0.001, 0.002, 0.003, 0.004, 0.005, 0.006, 0.007, 0.008};
        request.pgdSteps = 300;  // one ε of one batch takes a noticeable time
        int lastDone = -1, lastTotal = 0, maxJob = -1;
        bool cancelled = false, finished = false;
        connect(&session, &AttackSession::progress, this,
                [&](int job, int, const QString&, const QString&, int done, int total) {
                    lastDone = done;
                    lastTotal = total;
                    maxJob = std::max(maxJob, job);
                    session.cancel();
                });
        connect(&session, &AttackSession::finished, this, [&](bool wasCancelled) {
            finished = true;
            cancelled = wasCancelled;
        });
        QVERIFY(session.start(request));
        QVERIFY(!session.start(request));  // one job at a time
        QTRY_VERIFY_WITH_TIMEOUT(finished, 60000);
        QVERIFY(cancelled);
        QVERIFY(!session.isRunning());
        QVERIFY(session.results().empty());
        QCOMPARE(maxJob, 0);
        QVERIFY(lastDone < lastTotal);
        QVERIFY(!QFileInfo::exists(attackSummaryPath(runA_, "pgd")));
        QVERIFY(!QFileInfo::exists(attackRecordsPath(runA_, "pgd")));
        QVERIFY(!QFileInfo::exists(attackSummaryPath(runB_, "pgd")));
    }

    void savedSummariesMatchTheirRecords() {
        AttackSession session;
        QList<std::pair<int, int>> progress;
        bool finished = false, cancelled = true;
        QStringList failures;
        connect(&session, &AttackSession::progress, this,
                [&](int job, int jobs, const QString&, const QString&, int done, int total) {
                    QCOMPARE(jobs, 6);
                    progress << std::make_pair(job, done * 1000 / std::max(1, total));
                });
        connect(&session, &AttackSession::attackFailed, this,
                [&](const QString&, const QString& attack, const QString& message) {
                    failures << attack + ": " + message;
                });
        connect(&session, &AttackSession::finished, this, [&](bool wasCancelled) {
            finished = true;
            cancelled = wasCancelled;
        });
        QVERIFY(session.start(smallRequest({runA_, runB_})));
        QTRY_VERIFY_WITH_TIMEOUT(finished, 120000);
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join("\n")));
        QVERIFY(!cancelled);
        QCOMPARE(session.results().size(), std::size_t(6));
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last(), std::make_pair(5, 1000));

        for (const RunAttackResult& result : session.results()) {
            const QJsonObject summary =
                QJsonDocument::fromJson(readAll(attackSummaryPath(result.runDir, result.attack))).object();
            const QList<QJsonObject> records = jsonLines(attackRecordsPath(result.runDir, result.attack));
            QCOMPARE(summary.value("attack").toString(), result.attack);
            QCOMPARE(summary.value("split").toString(), QStringLiteral("dev"));
            QCOMPARE(summary.value("sample_size").toInt(), 10);
            QCOMPARE(records.size(), 10);
            QCOMPARE(result.records.size(), std::size_t(10));
            QCOMPARE(result.numbers.examples, 10);
            QCOMPARE(result.labels, QStringList({"neg", "pos"}));
            if (result.attack == "pgd") {
                const QJsonArray perEpsilon = summary.value("per_epsilon").toArray();
                QCOMPARE(perEpsilon.size(), 2);
                QCOMPARE(result.perEpsilon.size(), std::size_t(2));
                QCOMPARE(result.perEpsilon[0].epsilon, 0.05);
                for (int e = 0; e < 2; ++e) {
                    Recomputed recomputed;
                    for (const QJsonObject& record : records) {
                        const QJsonObject at = record.value("per_epsilon").toArray().at(e).toObject();
                        recomputed.add(at.value("status").toString(),
                                       at.value("perturbed_word_share").toDouble(),
                                       at.value("queries").toDouble());
                    }
                    recomputed.compare(perEpsilon.at(e).toObject());
                    if (e == 1) recomputed.compare(summary);  // the top level is the largest ε
                }
                QVERIFY(result.perEpsilon[1].numbers.accuracyUnderAttack <=
                        result.perEpsilon[0].numbers.accuracyUnderAttack);
            } else {
                Recomputed recomputed;
                for (const QJsonObject& record : records)
                    recomputed.add(record.value("status").toString(),
                                   record.value("perturbed_word_share").toDouble(),
                                   record.value("queries").toDouble());
                recomputed.compare(summary);
                QCOMPARE(summary.value("query_budget").toInt(), 60);
                for (const QJsonObject& record : records) QVERIFY(record.value("queries").toInt() <= 60);
            }
            // What the session handed over is what the files say.
            QCOMPARE(result.numbers.accuracyUnderAttack, summary.value("accuracy_under_attack").toDouble());
            QCOMPARE(result.numbers.avgQueries, summary.value("avg_queries").toDouble());
        }
        // The same seed and split give both runs the same sample.
        QStringList textsA, textsB;
        for (const AttackRecord& record : loadAttackRecords(runA_, "wordnet")) textsA << record.originalText;
        for (const AttackRecord& record : loadAttackRecords(runB_, "wordnet")) textsB << record.originalText;
        QCOMPARE(textsA, textsB);
        QCOMPARE(loadRobustnessSummaries(runA_).size(), std::size_t(3));
    }

    void tableHasOneRowPerRun() {
        QStringList errors;
        const std::vector<RunAttackResult> saved = loadWorkspaceRobustness(workspace_.path(), &errors);
        QVERIFY(errors.isEmpty());
        QCOMPARE(saved.size(), std::size_t(6));
        RobustnessTableModel model;
        model.setResults(saved);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), 2 + 4 * 3);
        for (int row = 0; row < 2; ++row) {
            const QString runDir = row == 0 ? runA_ : runB_;
            QCOMPARE(model.data(model.index(row, 0), Qt::UserRole).toString(), runDir);
            QCOMPARE(model.data(model.index(row, 0)).toString(), QFileInfo(runDir).fileName());
            const RunAttackResult pgd = loadRunAttackResult(runDir, "pgd", false);
            QCOMPARE(model.data(model.index(row, 1), Qt::UserRole).toDouble(), pgd.numbers.cleanAccuracy);
            int column = 2;
            for (const QString& attack : robustnessAttackNames()) {
                const AttackNumbers numbers = loadRunAttackResult(runDir, attack, false).numbers;
                QCOMPARE(
                    model.headerData(column, Qt::Horizontal).toString().contains(attackDisplayName(attack)),
                    true);
                QCOMPARE(model.data(model.index(row, column), Qt::UserRole).toDouble(),
                         numbers.accuracyUnderAttack);
                QCOMPARE(model.data(model.index(row, column + 1), Qt::UserRole).toDouble(),
                         numbers.attackSuccessRate);
                QCOMPARE(model.data(model.index(row, column + 2), Qt::UserRole).toDouble(),
                         numbers.avgPerturbedWordShare);
                QCOMPARE(model.data(model.index(row, column + 3), Qt::UserRole).toDouble(),
                         numbers.avgQueries);
                QCOMPARE(model.data(model.index(row, column)).toString(),
                         percent(numbers.accuracyUnderAttack));
                column += 4;
            }
        }
        QCOMPARE(model.headerData(2, Qt::Horizontal).toString(), QStringLiteral("PGD accuracy (ε = 0.5)"));
        const QStringList csv = model.comparison().toCsv().split('\n', Qt::SkipEmptyParts);
        QCOMPARE(csv.size(), 3);
        QVERIFY(csv[0].startsWith("run,clean_accuracy,pgd_accuracy_under_attack,pgd_attack_success_rate"));
        const double wordNetAccuracy =
            loadRunAttackResult(runB_, "wordnet", false).numbers.accuracyUnderAttack;
        QCOMPARE(csv[2].split(',').at(2 + 4).toDouble(), wordNetAccuracy);
    }

    void pageShowsResultsAndOpensExamples() {
        RobustnessPage page;
        page.setWorkspace(workspace_.path());
        QCOMPARE(page.runDirs(), QStringList({runA_, runB_}));
        QCOMPARE(page.checkedRuns(), QStringList({runA_, runB_}));  // both finished
        QCOMPARE(page.tableModel()->rowCount(), 2);
        QCOMPARE(page.epsilonPlot()->graphCount(), 2);
        QCOMPARE(page.epsilonPlot()->graph(0)->dataCount(), 3);  // ε = 0 (clean) and the two ε

        page.showExamples(runB_, "wordnet");
        RobustnessExamplesView* examples = page.examplesView();
        QCOMPARE(examples->exampleCount(), 10);
        QCOMPARE(examples->result().runDir, runB_);
        const std::vector<AttackRecord> records = loadAttackRecords(runB_, "wordnet");
        // It opens on the first successful attack, or on the first example when none succeeded.
        const auto succeeded = std::find_if(records.begin(), records.end(),
                                            [](const AttackRecord& r) { return r.status == "succeeded"; });
        QCOMPARE(examples->currentRecord(),
                 succeeded == records.end() ? 0 : static_cast<int>(succeeded - records.begin()));
        const auto changed = std::find_if(records.begin(), records.end(), [](const AttackRecord& r) {
            return r.originalText != r.adversarialText;
        });
        if (changed != records.end()) {
            examples->selectExample(static_cast<int>(changed - records.begin()));
            QVERIFY(examples->textView()->toHtml().contains("background-color"));
        }
        QSignalSpy open(&page, &RobustnessPage::openInSaliencyRequested);
        examples->openInSaliency(0, /*adversarial=*/true);
        QCOMPARE(open.count(), 1);
        QCOMPARE(open.at(0).at(0).toString(), runB_);
        QCOMPARE(open.at(0).at(1).toString(), records.front().adversarialText);

        const QString csvPath = workspace_.filePath("table.csv");
        QCOMPARE(page.exportCsv(csvPath), QString());
        QCOMPARE(QString::fromUtf8(readAll(csvPath)), page.tableModel()->comparison().toCsv());

        // Run from the page: only run A, CharSwap on 4 examples; the table keeps both rows.
        page.setRunChecked(runB_, false);
        page.options()->setAttackChecked("pgd", false);
        page.options()->setAttackChecked("wordnet", false);
        page.options()->setSampleSize(4);
        page.options()->setQueryBudget(20);
        QSignalSpy finished(&page.session(), &AttackSession::finished);
        QVERIFY(page.startAttacks());
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QCOMPARE(page.progressBar()->value(), page.progressBar()->maximum());
        QCOMPARE(loadRunAttackResult(runA_, "charswap", false).numbers.examples, 4);
        QCOMPARE(loadRunAttackResult(runB_, "charswap", false).numbers.examples, 10);
        QCOMPARE(page.tableModel()->rowCount(), 2);
        const int charSwapColumn = 2 + 4 * 2;
        QCOMPARE(
            page.tableModel()->data(page.tableModel()->index(0, charSwapColumn), Qt::UserRole).toDouble(),
            loadRunAttackResult(runA_, "charswap", false).numbers.accuracyUnderAttack);
    }

    void openInSaliencyExplainsTheTextWithThatRunsModel() {
        MainWindow window;
        auto* robustness = window.findChild<RobustnessPage*>();
        auto* saliency = window.findChild<SaliencyPage*>();
        QVERIFY(robustness && saliency);
        const auto tokensShown = [saliency] {
            const auto& result = saliency->tokenView()->result();
            return result ? result->tokens : QStringList();
        };
        Q_EMIT robustness->openInSaliencyRequested(runB_, QStringLiteral("Dull weak plot"));
        QCOMPARE(window.findChild<QListWidget*>(QStringLiteral("pageList"))->currentRow(),
                 window.findChild<QStackedWidget*>()->indexOf(saliency));
        QTRY_COMPARE_WITH_TIMEOUT(tokensShown(), QStringList({"Dull", "weak", "plot"}), 20000);  // as written
        QCOMPARE(saliency->source()->bundleFolder(), runB_ + "/model");
        // The same run again: explained with the model already open.
        const auto opened = saliency->source();
        Q_EMIT robustness->openInSaliencyRequested(runB_, QStringLiteral("great film"));
        QTRY_COMPARE_WITH_TIMEOUT(tokensShown(), QStringList({"great", "film"}), 20000);
        QCOMPARE(saliency->source(), opened);
        // Another run: its model is opened first.
        Q_EMIT robustness->openInSaliencyRequested(runA_, QStringLiteral("boring cast"));
        QTRY_COMPARE_WITH_TIMEOUT(tokensShown(), QStringList({"boring", "cast"}), 20000);
        QCOMPARE(saliency->source()->bundleFolder(), runA_ + "/model");
    }

    void reportComparesTheWorkspaceRuns() {
        RunReport report = collectRunReport(runA_);
        QVERIFY(report.robustnessErrors.isEmpty());
        QCOMPARE(report.robustness.size(), std::size_t(6));
        renderReportFigures(report, QSize(400, 240));
        QVERIFY(report.robustnessFigure);
        QVERIFY(!report.robustnessFigure->image.isNull());
        const QString html = reportHtml(report, ReportImages::Embedded);
        QVERIFY(html.contains("<h2>Robustness</h2>"));
        QVERIFY(html.contains("<h2>Saliency</h2>"));  // the other sections stay
        QVERIFY(html.contains("<h2>Configuration</h2>"));
        const int table = html.indexOf("<table class=\"robustness\"");
        QVERIFY(table >= 0);
        // The table as text cells: a header row of run names, then per attack a row naming it
        // and its metric rows.
        QList<QStringList> rows;
        QList<QList<bool>> current;
        const QRegularExpression cellPattern("<(td|th)([^>]*)>(.*?)</\\1>");
        for (const QString& rowHtml :
             html.mid(table, html.indexOf("</table>", table) - table).split("</tr>")) {
            QStringList cells;
            QList<bool> highlighted;
            for (auto match = cellPattern.globalMatch(rowHtml); match.hasNext();) {
                const QRegularExpressionMatch cell = match.next();
                cells << QString(cell.captured(3)).remove(QRegularExpression("<[^>]*>"));
                highlighted << cell.captured(2).contains("class=\"current\"");
            }
            if (!cells.isEmpty()) {
                rows << cells;
                current << highlighted;
            }
        }
        QCOMPARE(rows.size(), 1 + 1 + 3 * 5);
        for (const QString& runDir : {runA_, runB_}) {
            const int column = rows[0].indexOf(QFileInfo(runDir).fileName());
            QVERIFY(column > 0);
            QCOMPARE(current[0][column], runDir == runA_);  // this run's column is highlighted
            QCOMPARE(current[1][column], runDir == runA_);
            QCOMPARE(rows[1][0], QStringLiteral("Clean accuracy"));
            QCOMPARE(rows[1][column],
                     percent(loadRunAttackResult(runDir, "pgd", false).numbers.cleanAccuracy));
            for (int a = 0; a < 3; ++a) {
                const QString attack = robustnessAttackNames()[a];
                const int group = 2 + 5 * a;
                QCOMPARE(rows[group], QStringList{attackDisplayName(attack)});
                const AttackNumbers numbers = loadRunAttackResult(runDir, attack, false).numbers;
                QVERIFY(rows[group + 1][0].startsWith("accuracy"));
                QCOMPARE(rows[group + 1][column], percent(numbers.accuracyUnderAttack));
                QCOMPARE(rows[group + 2][column], percent(numbers.attackSuccessRate));
                QCOMPARE(rows[group + 3][column], percent(numbers.avgPerturbedWordShare));
                QCOMPARE(rows[group + 4][column], QLocale().toString(numbers.avgQueries, 'f', 1));
            }
        }
        QVERIFY(html.contains("data:image/png;base64,"));
        const QString pdf = workspace_.filePath("report.pdf");
        QCOMPARE(writePdfReport(report, pdf), QString());
        QVERIFY(QFileInfo(pdf).size() > 1000);
    }

    // Last: it replaces run A's saved PGD result, which the tests above compare against.
    void pgdRestartsSetOnThePageReachTheSavedResult() {
        RobustnessPage page;
        page.setWorkspace(workspace_.path());
        RobustnessOptions* options = page.options();
        auto* restarts = options->findChild<QSpinBox*>(QStringLiteral("pgdRestarts"));
        QVERIFY(restarts);
        QCOMPARE(restarts->value(), 1);  // PgdOptions' default: one start, at δ = 0
        options->setAttackChecked("pgd", false);
        QVERIFY(!restarts->isEnabled());  // a PGD setting, like the steps
        options->setAttackChecked("pgd", true);
        QVERIFY(restarts->isEnabled());

        page.setRunChecked(runB_, false);
        options->setAttackChecked("wordnet", false);
        options->setAttackChecked("charswap", false);
        options->setSampleSize(10);
        // A radius this small leaves examples unbroken, and an unbroken example runs every
        // restart: its queries show how many ran.
        options->setEpsilons(QStringLiteral("0.001"));
        options->setPgdSteps(2);
        options->setPgdRestarts(2);
        QCOMPARE(options->request().pgdRestarts, 2);
        QSignalSpy finished(&page.session(), &AttackSession::finished);
        QVERIFY(page.startAttacks());
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.at(0).at(0).toBool(), false);

        const QJsonObject summary =
            QJsonDocument::fromJson(readAll(attackSummaryPath(runA_, "pgd"))).object();
        QCOMPARE(summary.value("restarts").toInt(), 2);
        QCOMPARE(summary.value("steps").toInt(), 2);
        int unbroken = 0;
        for (const QJsonObject& record : jsonLines(attackRecordsPath(runA_, "pgd"))) {
            const QJsonObject at = record.value("per_epsilon").toArray().at(0).toObject();
            if (at.value("status").toString() != "failed") continue;
            ++unbroken;
            QCOMPARE(at.value("queries").toInt(), 2 * (2 + 1));  // restarts × (steps + 1)
        }
        QVERIFY(unbroken > 0);
    }

private:
    QTemporaryDir workspace_;
    QString runA_, runB_;
};

QTEST_MAIN(TestRobustnessStudio)
#include "test_robustness_studio.moc"
