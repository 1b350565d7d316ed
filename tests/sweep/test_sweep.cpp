// Sweeps (docs/EXPERIMENTS.md): the statistics against hand-computed values and a brute-force
// enumeration, the plan (axes, grid, random and listed points, trial configs), the summary's
// pairing by seed, and `uegr sweep` as a user runs it: a grid over two methods and two seeds,
// run again (nothing retrained), refused for another plan, stopped with SIGTERM and resumed.
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest/QtTest>
#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <random>

#include "../support/cli_runner.h"
#include "../support/tiny_run_config.h"
#include "config/run_config.h"
#include "sweep/seed_statistics.h"
#include "sweep/sweep_plan.h"
#include "sweep/sweep_results.h"
#include "util/error.h"

using namespace uegr;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// The signed-rank p-value by enumerating every sign vector, with ranks computed by counting.
double bruteForcePValue(const std::vector<double>& differences) {
    std::vector<double> d;
    for (double x : differences)
        if (x != 0) d.push_back(x);
    const std::size_t n = d.size();
    std::vector<double> rank(n);
    for (std::size_t i = 0; i < n; ++i) {
        double below = 0, equal = 0;
        for (std::size_t j = 0; j < n; ++j) {
            below += std::abs(d[j]) < std::abs(d[i]);
            equal += std::abs(d[j]) == std::abs(d[i]);
        }
        rank[i] = below + (equal + 1) / 2;
    }
    double total = 0, observed = 0;
    for (std::size_t i = 0; i < n; ++i) {
        total += rank[i];
        if (d[i] > 0) observed += rank[i];
    }
    int extreme = 0;
    for (std::uint32_t signs = 0; signs < (1u << n); ++signs) {
        double sum = 0;
        for (std::size_t i = 0; i < n; ++i)
            if (signs & (1u << i)) sum += rank[i];
        extreme += std::abs(2 * sum - total) >= std::abs(2 * observed - total) - 1e-9;
    }
    return extreme / std::pow(2.0, static_cast<double>(n));
}

json readLines(const std::string& path) {
    json rows = json::array();
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);) rows.push_back(json::parse(line));
    return rows;
}

}  // namespace

class SweepTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void signedRankTestMatchesHandComputedValues() {
        QCOMPARE(signedRankPValue({1, 2, 3, 4, 5}), 2.0 / 32);  // only all-plus and all-minus as extreme
        QCOMPARE(signedRankPValue({-1, -2, -3, -4, -5, -6}), 2.0 / 64);
        QCOMPARE(signedRankPValue({1, -2, 3, 4, 5}), 6.0 / 32);  // W+ = 13 of 15: sums <= 2 or >= 13
        QCOMPARE(signedRankPValue({0, 0, 1, 2, 3}), 2.0 / 8);    // zeros dropped
        QCOMPARE(signedRankPValue({1, 1, -1, 2}), 8.0 / 16);     // ties: ranks 2, 2, 2, 4
        QCOMPARE(signedRankPValue({0, 0}), 1.0);
        std::mt19937 generator(7);
        std::normal_distribution<double> noise(0.3, 1.0);
        for (int trial = 0; trial < 20; ++trial) {
            std::vector<double> differences;
            for (int i = 0; i < 10; ++i)
                differences.push_back(std::round(noise(generator) * 4) / 4);  // with ties
            QVERIFY(std::abs(signedRankPValue(differences) - bruteForcePValue(differences)) < 1e-12);
        }
    }

    void seedStatisticsDescribeTheValues() {
        const SeedStatistics s = describeSeeds({1, 2, 3, 4});
        QCOMPARE(s.count, std::size_t{4});
        QCOMPARE(s.mean, 2.5);
        QVERIFY(std::abs(s.standardDeviation - std::sqrt(5.0 / 3)) < 1e-12);
        QVERIFY(s.low >= 1 && s.low < 2.5 && s.high > 2.5 && s.high <= 4);
        QCOMPARE(describeSeeds({1, 2, 3, 4}).low, s.low);  // reproducible
        const SeedStatistics same = describeSeeds({5, 5, 5});
        QCOMPARE(same.standardDeviation, 0.0);
        QCOMPARE(same.low, 5.0);
        QCOMPARE(same.high, 5.0);
        QCOMPARE(describeSeeds({}).count, std::size_t{0});
    }

    void axesParseValuesAsJsonOrText() {
        const SweepAxis ratios = parseSweepAxis("uegr.keep_ratio=0.3,0.5,1");
        QCOMPARE(ratios.key, std::string("uegr.keep_ratio"));
        QCOMPARE(ratios.values, (std::vector<json>{0.3, 0.5, 1}));
        QCOMPARE(parseSweepAxis("training.method=uegr,vanilla").values,
                 (std::vector<json>{"uegr", "vanilla"}));
        QCOMPARE(parseSweepAxis(R"(uegr.mask_exempt=["bias","head"],["bias"])").values,
                 (std::vector<json>{json{"bias", "head"}, json{"bias"}}));
        for (const char* bad :
             {"keep_ratio=0.3", "uegr.keep_ratio", "uegr.keep_ratio=", "uegr.keep_ratio=0.3,,0.5"})
            QVERIFY_THROWS_EXCEPTION(InputError, parseSweepAxis(bad));
    }

    void gridRandomAndListedPoints() {
        const std::vector<SweepAxis> axes{parseSweepAxis("training.method=uegr,vanilla"),
                                          parseSweepAxis("uegr.keep_ratio=0.3,0.5,1")};
        const std::vector<json> grid = gridPoints(axes);
        QCOMPARE(grid.size(), std::size_t{6});
        QCOMPARE(grid[0], (json{{"training.method", "uegr"}, {"uegr.keep_ratio", 0.3}}));
        QCOMPARE(grid[3], (json{{"training.method", "vanilla"}, {"uegr.keep_ratio", 0.3}}));
        const std::vector<json> drawn = randomPoints(axes, 4, 1);
        QCOMPARE(drawn.size(), std::size_t{4});
        for (std::size_t i = 0; i < drawn.size(); ++i) {
            QVERIFY(std::find(grid.begin(), grid.end(), drawn[i]) != grid.end());
            QVERIFY(std::count(drawn.begin(), drawn.end(), drawn[i]) == 1);
        }
        QCOMPARE(randomPoints(axes, 4, 1), drawn);
        QCOMPARE(randomPoints(axes, 100, 1).size(), std::size_t{6});

        QTemporaryDir dir;
        const std::string list = dir.filePath("points.jsonl").toStdString();
        std::ofstream(list) << "{\"uegr.passes\": 2}\n\n{\"uegr.passes\": 4, \"training.lr\": 0.01}\n";
        QCOMPARE(listPoints(list).size(), std::size_t{2});
        std::ofstream(list) << "{\"uegr.passes\": 2}\n[1]\n";
        try {
            listPoints(list);
            QFAIL("a line that is not an object was accepted");
        } catch (const InputError& error) {
            QCOMPARE(error.line(), std::size_t{2});
        }
    }

    void trialConfigsApplyThePointAndTheSeed() {
        RunConfig base;
        base.training.seed = 40;
        const SweepPlan plan =
            makeSweepPlan(base, {json{{"uegr.keep_ratio", 0.3}}, json{{"uegr.bogus", 1}}}, 3);
        QCOMPARE(plan.seeds, (std::vector<std::uint64_t>{40, 41, 42}));
        const std::vector<SweepTrial> trials = plan.trials();
        QCOMPARE(trials.size(), std::size_t{6});
        QCOMPARE(trials[1].id, std::string("p00-s41"));
        const RunConfig config = plan.trialConfig(trials[1], "/tmp/x");
        QCOMPARE(config.uegr.keepRatio, 0.3);
        QCOMPARE(config.training.seed, std::uint64_t{41});
        QCOMPARE(config.output.dir, std::string("/tmp/x"));
        try {
            plan.trialConfig(trials[3], "");
            QFAIL("an unknown key was accepted");
        } catch (const ConfigError& error) {
            QVERIFY2(std::string(error.what()).find("bogus") != std::string::npos, error.what());
        }
        QCOMPARE(toJson(sweepPlanFromJson(toJson(plan), "sweep.json")), toJson(plan));
    }

    void summaryPairsEachPointWithItsBaselineBySeed() {
        RunConfig base;
        const SweepPlan plan = makeSweepPlan(
            base,
            gridPoints({parseSweepAxis("uegr.passes=2,3"), parseSweepAxis("training.method=uegr,vanilla")}),
            5);
        std::vector<TrialResult> results;
        for (const SweepTrial& trial : plan.trials()) {
            TrialResult result{trial, "finished", {}};
            // uegr beats vanilla by 0.01 + 0.001·seed offset at every seed; one vanilla trial failed.
            const double offset = static_cast<double>(trial.seed - base.training.seed);
            const bool uegr = plan.points[trial.point]["training.method"] == "uegr";
            result.metrics["test_accuracy"] = 0.8 + 0.01 * offset + (uegr ? 0.01 + 0.001 * offset : 0);
            if (trial.point == 3 && offset == 4) result.status = "failed";
            results.push_back(result);
        }
        const std::vector<PointSummary> summary =
            summariseSweep(plan, results, "test_accuracy", json{{"training.method", "vanilla"}});
        QCOMPARE(summary.size(), std::size_t{4});
        QCOMPARE(summary[0].baseline.value(), std::size_t{1});  // passes 2: uegr against vanilla
        QCOMPARE(summary[2].baseline.value(), std::size_t{3});  // passes 3
        QVERIFY(summary[1].isBaseline && !summary[1].baseline);
        QCOMPARE(summary[0].pairs, std::size_t{5});
        QCOMPARE(summary[2].pairs, std::size_t{4});  // the failed trial has no pair
        QVERIFY(std::abs(summary[0].meanDifference - 0.012) < 1e-12);
        QCOMPARE(summary[0].pValue, 2.0 / 32);
        QCOMPARE(summary[3].statistics.count, std::size_t{4});
        const QString table = QString::fromStdString(formatSweepSummary(plan, summary, "test_accuracy"));
        QVERIFY2(table.contains("baseline") && table.contains("+0.0120") && table.contains("0.0625"),
                 qPrintable(table));
    }

    void sweepRunsResumesAndRefusesAnotherPlan() {
        QTemporaryDir dir;
        const QString base = dir.filePath("base.json"), out = dir.filePath("S");
        saveRunConfig(testing::tinyRunConfig(dir.filePath("unused")), base.toStdString());
        const QStringList arguments{
            "sweep", "--config",  base, "--grid",     "training.method=vanilla,uegr", "--seeds", "2", "--out",
            out,     "--workers", "2",  "--baseline", "training.method=vanilla"};
        const testing::CliResult first = testing::runCli(arguments);
        QVERIFY2(first.exitCode == 0, first.err.constData());
        const json rows = readLines((out + "/results.jsonl").toStdString());
        QCOMPARE(rows.size(), std::size_t{4});
        for (const json& row : rows) {
            QCOMPARE(row["status"].get<std::string>(), std::string("finished"));
            QVERIFY(row["metrics"].contains("dev_accuracy"));
        }
        QVERIFY2(first.out.contains("baseline") && first.out.contains("dev_accuracy"), first.out.constData());
        QVERIFY(fs::exists((out + "/results.csv").toStdString()));

        const auto summaryTime = fs::last_write_time((out + "/trials/p01-s42/summary.json").toStdString());
        const testing::CliResult again = testing::runCli(arguments);
        QVERIFY2(again.exitCode == 0 && again.err.contains("4 already finished"), again.err.constData());
        QVERIFY(fs::last_write_time((out + "/trials/p01-s42/summary.json").toStdString()) == summaryTime);
        QCOMPARE(again.out, first.out);

        QStringList other = arguments;
        other[4] = QStringLiteral("training.method=rdrop");
        const testing::CliResult refused = testing::runCli(other);
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains("sweep.json") && refused.err.count('\n') == 1, refused.err.constData());

        // The sweep keeps its baseline: the summary needs no --baseline.
        const testing::CliResult summary = testing::runCli({"sweep", "--summary", out});
        QCOMPARE(summary.exitCode, 0);
        QCOMPARE(summary.out, first.out);
    }

    void ablationPresetComparesEveryMethodWithVanilla() {
        QTemporaryDir dir;
        const QString base = dir.filePath("base.json"), out = dir.filePath("S");
        RunConfig config = testing::tinyRunConfig(dir.filePath("unused"));
        config.training.epochs = 1;
        saveRunConfig(config, base.toStdString());
        const testing::CliResult result = testing::runCli({"sweep", "--config", base, "--preset", "ablation",
                                                           "--seeds", "1", "--out", out, "--workers", "2"});
        QVERIFY2(result.exitCode == 0, result.err.constData());
        const json rows = readLines((out + "/results.jsonl").toStdString());
        QCOMPARE(rows.size(), std::size_t{8});
        QStringList methods;
        for (const json& row : rows) {
            QCOMPARE(row["status"].get<std::string>(), std::string("finished"));
            methods << QString::fromStdString(row["keys"]["training.method"].get<std::string>());
        }
        QCOMPARE(methods, (QStringList{"uegr", "uegr_no_mask", "uegr_no_js", "uegr_no_adv",
                                       "uegr_uniform_dropout", "freelb", "rdrop", "vanilla"}));
        const QStringList lines = QString::fromUtf8(result.out).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 9);                                  // the header and one row per method
        QCOMPARE(lines.filter(QStringLiteral(" p07 ")).size(), 7);  // each compared with vanilla (p07)
        QVERIFY(lines.last().contains(QStringLiteral("baseline")));
    }

    void stoppedSweepResumesWhereItStopped() {
        QTemporaryDir dir;
        const QString base = dir.filePath("base.json"), out = dir.filePath("S");
        RunConfig config = testing::tinyRunConfig(dir.filePath("unused"));
        config.training.epochs = 300;  // 900 steps: long enough to be stopped while training
        config.eval.everySteps = 300;  // and few evaluations and checkpoints on the way
        saveRunConfig(config, base.toStdString());
        QProcess sweep;
        sweep.start(QStringLiteral(UEGR_CLI_PATH),
                    {"sweep", "--config", base, "--grid", "training.method=vanilla,rdrop", "--seeds", "1",
                     "--out", out});
        QVERIFY(sweep.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(fs::exists((out + "/trials/p00-s42/metrics.jsonl").toStdString()), 30000);
        sweep.terminate();  // SIGTERM, as a scheduler stops a job
        QVERIFY(sweep.waitForFinished(60000));
        QCOMPARE(sweep.exitCode(), 130);
        QVERIFY(sweep.readAllStandardError().contains("uegr sweep --resume"));
        QVERIFY(!fs::exists((out + "/trials/p01-s42").toStdString()));  // never started

        const testing::CliResult resumed = testing::runCli({"sweep", "--resume", out});
        QVERIFY2(resumed.exitCode == 0, resumed.err.constData());
        for (const json& row : readLines((out + "/results.jsonl").toStdString()))
            QCOMPARE(row["status"].get<std::string>(), std::string("finished"));
        std::ifstream log((out + "/trials/p00-s42.log").toStdString());
        const std::string text((std::istreambuf_iterator<char>(log)), std::istreambuf_iterator<char>());
        QVERIFY2(text.find("resum") != std::string::npos, text.c_str());  // the trainer says it resumed
    }
};

QTEST_GUILESS_MAIN(SweepTest)
#include "test_sweep.moc"
