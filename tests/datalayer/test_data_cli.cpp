// `uegr data inspect` as a user runs it: JSON on stdout, FILE:LINE: errors with exit code 2.
#include <QtTest/QtTest>

#include <nlohmann/json.hpp>

#include "datalayer/data_test_support.h"
#include "../support/cli_runner.h"

using uegr::testing::CliResult;
using uegr::testing::runCli;

using uegr::testing::fixturePath;
using uegr::testing::writeScratchFile;

namespace {

QStringList inspect(const std::string& path, const QStringList& options = {}) {
    return QStringList{"data", "inspect", QString::fromStdString(path)} + options;
}

}  // namespace

class DataCliTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;

private Q_SLOTS:
    void inspectCountsQuotedMultiLineRows() {
        const std::string path = fixturePath("quoted_multiline.csv");
        const CliResult result = runCli(inspect(path));
        QVERIFY2(result.exitCode == 0, result.err.constData());
        const auto report = nlohmann::json::parse(result.out.toStdString());
        QCOMPARE(report["file"].get<std::string>(), path);
        QCOMPARE(report["format"].get<std::string>(), std::string("csv"));
        QCOMPARE(report["rows"].get<int>(), 4);
        QCOMPARE(report["labels"], (nlohmann::json{{"reply", 2}, {"poem", 1}, {"2", 1}}));
        // Tokens: he said " no , thanks " and left . (10), two line field (3), plain words (2),
        // comma , inside (3).
        QCOMPARE(report["avg_tokens"].get<double>(), 4.5);
        QCOMPARE(report["max_tokens"].get<int>(), 10);
        QCOMPARE(report["token_histogram"], nlohmann::json::array({3, 1}));
        QCOMPARE(report["skipped_rows"].get<int>(), 0);
    }

    void inspectMapsColumnsByIndexAndName() {
        const std::string path = writeScratchFile(
            dir_, "glue.tsv", "id\tsentence\tquestion\tgold\n1\tthe cat sat\tdid it?\t0\n2\tyes\tno\t1\n");
        const CliResult result =
            runCli(inspect(path, {"--text-column", "1", "--pair-column", "question", "--label-column", "3"}));
        QVERIFY2(result.exitCode == 0, result.err.constData());
        const auto report = nlohmann::json::parse(result.out.toStdString());
        QCOMPARE(report["format"].get<std::string>(), std::string("tsv"));
        QCOMPARE(report["labels"], (nlohmann::json{{"0", 1}, {"1", 1}}));
        QCOMPARE(report["max_tokens"].get<int>(), 6);  // the cat sat + did it ?
    }

    void inspectSkipsBadRowsWhenAsked() {
        const std::string path = writeScratchFile(
            dir_, "bad.jsonl", "{\"text\": \"ok\", \"label\": 1}\n[1]\n{\"text\": \"\", \"label\": 2}\n");
        const CliResult failed = runCli(inspect(path));
        QCOMPARE(failed.exitCode, 2);
        QVERIFY2(failed.err.startsWith(QByteArray::fromStdString(path + ":2: expected a JSON object")),
                 failed.err.constData());

        const CliResult result = runCli(inspect(path, {"--skip-bad-rows"}));
        QVERIFY2(result.exitCode == 0, result.err.constData());
        const auto report = nlohmann::json::parse(result.out.toStdString());
        QCOMPARE(report["rows"].get<int>(), 1);
        QCOMPARE(report["skipped_rows"].get<int>(), 2);
        QCOMPARE(report["skipped"][1]["line"].get<int>(), 3);
    }

    void brokenFileGivesFileAndLineAndExitCode2() {
        const std::string path = fixturePath("unterminated_quote.csv");
        const CliResult result = runCli(inspect(path));
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.out.isEmpty());
        QVERIFY2(result.err.startsWith(QByteArray::fromStdString(path + ":3: unterminated quoted field")),
                 result.err.constData());

        const std::string good = fixturePath("small_stats.csv");
        const CliResult missing = runCli(inspect(good, {"--label-column", "category"}));
        QCOMPARE(missing.exitCode, 2);
        QVERIFY2(
            missing.err.startsWith(QByteArray::fromStdString(good + ":1: label column 'category' not found")),
            missing.err.constData());
    }

    void unknownFormatIsABadCommandLine() {
        const CliResult result = runCli(inspect(fixturePath("small_stats.csv"), {"--format", "xml"}));
        QCOMPARE(result.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(DataCliTest)
#include "test_data_cli.moc"
