// Train/dev/test loading: label sets, separate files, the seeded split, the bundled demo, and
// dataset statistics.
#include <QtTest/QtTest>

#include <chrono>
#include <set>

#include "data/dataset.h"
#include "data/permutation.h"
#include "data/statistics.h"
#include "data/table_reader.h"
#include "datalayer/data_test_support.h"
#include "text/tokenizer.h"
#include "text/vocabulary.h"

using namespace uegr;
using uegr::testing::expectInputError;
using uegr::testing::fixturePath;
using uegr::testing::writeScratchFile;

namespace {

std::vector<std::string> textsOf(const Dataset& dataset) {
    std::vector<std::string> texts;
    for (const Example& example : dataset.examples) texts.push_back(example.text);
    return texts;
}

// "row 0" ... "row N-1" on lines 2 ... N+1, labels cycling through a, b, c.
std::string numberedRows(std::size_t count) {
    std::string content = "text,label\n";
    for (std::size_t i = 0; i < count; ++i)
        content += "row " + std::to_string(i) + "," + std::string(1, "abc"[i % 3]) + "\n";
    return content;
}

std::vector<std::string> rowTexts(const std::vector<std::size_t>& indices) {
    std::vector<std::string> texts;
    for (const std::size_t index : indices) texts.push_back("row " + std::to_string(index));
    return texts;
}

}  // namespace

class DatasetSplitsTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;

    std::string write(const std::string& name, const std::string& content) {
        return writeScratchFile(dir_, name, content);
    }

private Q_SLOTS:
    void labelSetOrdersIntegersNumerically() {
        const LabelSet labels = LabelSet::fromNames({"10", "b", "2", "-1", "a", "2", "007", "7"});
        QCOMPARE(labels.names(), (std::vector<std::string>{"-1", "2", "007", "7", "10", "a", "b"}));
        QCOMPARE(labels.indexOf("10"), 4);
        QCOMPARE(labels.indexOf("missing"), -1);
        LabelSet grown = labels;
        QCOMPARE(grown.add("a"), 5);
        QCOMPARE(grown.add("new"), 7);
        QCOMPARE(grown.name(7), std::string("new"));
        QVERIFY_THROWS_EXCEPTION(Error, grown.name(8));
        QCOMPARE(LabelSet::fromNames({"pos", "neg", "neutral"}).names(),
                 (std::vector<std::string>{"neg", "neutral", "pos"}));
    }

    void separateFilesWithIntegerLabels() {
        DataConfig config;
        config.train = write("int_train.csv", "text,label\nfirst,10\nsecond,2\nthird,1\nfourth,2\n");
        config.dev = write("int_dev.csv", "text,label\n\"multi\nline\",10\n");
        config.test = write("int_test.tsv", "text\tlabel\nlast\t1\n");
        const DatasetSplits splits = loadDatasetSplits(config);
        QCOMPARE(splits.labels.names(), (std::vector<std::string>{"1", "2", "10"}));
        QCOMPARE(textsOf(splits.train), (std::vector<std::string>{"first", "second", "third", "fourth"}));
        std::vector<int> trainLabels;
        for (const Example& example : splits.train.examples) trainLabels.push_back(example.label);
        QCOMPARE(trainLabels, (std::vector<int>{2, 1, 0, 1}));
        QCOMPARE(splits.train.source, config.train);
        QCOMPARE(splits.dev.examples.size(), std::size_t{1});
        QCOMPARE(splits.dev.examples[0].text, std::string("multi\nline"));
        QCOMPARE(splits.dev.examples[0].label, 2);
        QCOMPARE(splits.dev.examples[0].line, std::size_t{2});
        QCOMPARE(splits.test.examples[0].label, 0);
        QVERIFY(splits.skipped.empty());
    }

    void pairColumnAndJsonl() {
        DataConfig config;
        config.train = write(
            "pairs_train.jsonl",
            "{\"premise\": \"a man sleeps\", \"hypothesis\": \"a person rests\", \"gold\": \"entailment\"}\n"
            "{\"premise\": \"a dog\", \"hypothesis\": \"a cat\", \"gold\": \"contradiction\"}\n");
        config.dev = config.train;
        config.test = config.train;
        config.textColumn = ColumnRef{"premise", -1};
        config.pairColumn = ColumnRef{"", 1};
        config.labelColumn = ColumnRef{"gold", -1};
        const DatasetSplits splits = loadDatasetSplits(config);
        QCOMPARE(splits.train.examples.size(), std::size_t{2});
        QCOMPARE(splits.train.examples[0].pair, std::string("a person rests"));
        QCOMPARE(splits.labels.name(splits.train.examples[1].label), std::string("contradiction"));
    }

    void devLabelMissingFromTraining() {
        DataConfig config;
        config.train = write("lab_train.csv", "text,label\na,pos\nb,neg\n");
        config.dev = write("lab_dev.csv", "text,label\nc,pos\nd,maybe\ne,neg\n");
        config.test = write("lab_test.csv", "text,label\nf,neg\n");
        expectInputError([&] { loadDatasetSplits(config); }, config.dev, 3,
                         "label 'maybe' does not occur in the training data");

        config.skipBadRows = true;
        const DatasetSplits splits = loadDatasetSplits(config);
        QCOMPARE(textsOf(splits.dev), (std::vector<std::string>{"c", "e"}));
        QCOMPARE(splits.skipped.size(), std::size_t{1});
        QCOMPARE(splits.skipped[0].file, config.dev);
        QCOMPARE(splits.skipped[0].line, std::size_t{3});
        QVERIFY(splits.skipped[0].reason.find("'maybe'") != std::string::npos);

        config.skipBadRows = false;
        config.test = write("lab_test_bad.csv", "text,label\n\n\nf,unheard\n");
        config.dev = write("lab_dev_good.csv", "text,label\nc,pos\n");
        expectInputError([&] { loadDatasetSplits(config); }, config.test, 4,
                         "label 'unheard' does not occur in the training data");
    }

    void skippedRowsFromEveryFileAreCollected() {
        DataConfig config;
        config.skipBadRows = true;
        config.train = write("skip_train.csv", "text,label\na,x\n,x\nb,y\nc,\n");
        config.dev = write("skip_dev.csv", "text,label\nd,x\ne,x,extra\n");
        config.test = write("skip_test.csv", "text,label\nf,y\n");
        const DatasetSplits splits = loadDatasetSplits(config);
        QCOMPARE(textsOf(splits.train), (std::vector<std::string>{"a", "b"}));
        QCOMPARE(splits.skipped.size(), std::size_t{3});
        QCOMPARE(splits.skipped[0].line, std::size_t{3});
        QCOMPARE(splits.skipped[1].line, std::size_t{5});
        QCOMPARE(splits.skipped[2].file, config.dev);
        QCOMPARE(splits.skipped[2].line, std::size_t{3});
    }

    void permutationMatchesTheReference() {
        // Expected values from tests/datalayer/reference_permutation.py, an independent
        // MT19937-64 + Fisher-Yates implementation.
        QCOMPARE(seededPermutation(10, 13), (std::vector<std::size_t>{0, 6, 9, 4, 7, 8, 5, 3, 2, 1}));
        QCOMPARE(seededPermutation(7, 42), (std::vector<std::size_t>{1, 4, 3, 5, 0, 2, 6}));
        QVERIFY(seededPermutation(0, 1).empty());
        QCOMPARE(seededPermutation(1, 1), std::vector<std::size_t>{0});
    }

    void seededSplitOfTrain() {
        DataConfig config;
        config.train = write("split_train.csv", numberedRows(100));
        config.devRatio = 0.1;
        config.testRatio = 0.2;
        config.splitSeed = 5;
        const DatasetSplits splits = loadDatasetSplits(config);
        QCOMPARE(splits.dev.examples.size(), std::size_t{10});
        QCOMPARE(splits.test.examples.size(), std::size_t{20});
        QCOMPARE(splits.train.examples.size(), std::size_t{70});
        QCOMPARE(textsOf(splits.dev), rowTexts({0, 4, 35, 37, 46, 48, 55, 67, 72, 99}));
        QCOMPARE(textsOf(splits.test),
                 rowTexts({8, 9, 13, 24, 25, 27, 34, 39, 40, 45, 47, 49, 50, 51, 56, 58, 75, 79, 89, 94}));
        QCOMPARE(splits.dev.examples[1].line, std::size_t{6});  // "row 4" is on line 6
        QCOMPARE(splits.labels.names(), (std::vector<std::string>{"a", "b", "c"}));

        std::set<std::string> seen;
        for (const Dataset* part : {&splits.train, &splits.dev, &splits.test}) {
            for (const Example& example : part->examples)
                QVERIFY2(seen.insert(example.text).second, example.text.c_str());
        }
        QCOMPARE(seen.size(), std::size_t{100});

        const DatasetSplits again = loadDatasetSplits(config);
        QCOMPARE(textsOf(again.dev), textsOf(splits.dev));
        QCOMPARE(textsOf(again.train), textsOf(splits.train));
        config.splitSeed = 6;
        QVERIFY(textsOf(loadDatasetSplits(config).dev) != textsOf(splits.dev));
    }

    void splitOnlyWhatIsMissing() {
        DataConfig config;
        config.train = write("half_train.csv", numberedRows(40));
        config.dev = write("half_dev.csv", "text,label\nheld out,b\n");
        config.devRatio = 0.5;  // unused: dev has its own file
        config.testRatio = 0.25;
        const DatasetSplits splits = loadDatasetSplits(config);
        QCOMPARE(textsOf(splits.dev), std::vector<std::string>{"held out"});
        QCOMPARE(splits.test.examples.size(), std::size_t{10});
        QCOMPARE(splits.train.examples.size(), std::size_t{30});

        config.testRatio = 0;
        const DatasetSplits noTest = loadDatasetSplits(config);
        QVERIFY(noTest.test.examples.empty());
        QCOMPARE(noTest.train.examples.size(), std::size_t{40});
    }

    void tooFewRowsOrNone() {
        DataConfig config;
        config.train = write("two.csv", numberedRows(2));
        expectInputError([&] { loadDatasetSplits(config); }, config.train, 0,
                         "too few to split off 1 dev and 1 test rows");
        config.train = write("header_only.csv", "text,label\n");
        expectInputError([&] { loadDatasetSplits(config); }, config.train, 0, "no usable rows");
        config.train = write("all_bad.csv", "text,label\n,a\n");
        config.skipBadRows = true;
        expectInputError([&] { loadDatasetSplits(config); }, config.train, 0, "no usable rows");
    }

    void bundledDemoLoadsQuickly() {
        const auto start = std::chrono::steady_clock::now();
        const DatasetSplits splits = loadDatasetSplits(DataConfig{});
        const auto elapsed =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        qInfo("demo loaded in %.1f ms", elapsed);
        QCOMPARE(splits.train.examples.size(), std::size_t{1600});
        QCOMPARE(splits.dev.examples.size(), std::size_t{200});
        QCOMPARE(splits.test.examples.size(), std::size_t{200});
        QCOMPARE(splits.labels.names(),
                 (std::vector<std::string>{"computers", "politics", "science", "work"}));
        QVERIFY(splits.skipped.empty());
        // The demo's first row is a quoted field spanning three lines.
        QVERIFY(splits.train.examples[0].text.find("things\n through") != std::string::npos);
        QCOMPARE(splits.train.examples[1].line, std::size_t{5});
        QVERIFY2(elapsed < 1000, "reading the demo must take well under a second");
    }

    void statisticsOfAHandMadeFile() {
        const std::string path = fixturePath("small_stats.csv");
        const LabelledRows rows =
            mapColumns(readTable(path, "auto", false),
                       {ColumnRef{"text", -1}, ColumnRef{}, ColumnRef{"label", -1}}, false);
        const DatasetStatistics statistics = computeStatistics(rows, true);
        // Tokens: "hello , world !" 4, "good morning" 2, "it ' s 5 o ' clock ." 8, "bye" 1.
        QCOMPARE(statistics.rows, std::size_t{4});
        QCOMPARE(statistics.avgTokens, 3.75);
        QCOMPARE(statistics.maxTokens, std::size_t{8});
        QCOMPARE(statistics.tokenHistogram, (std::vector<std::size_t>{3, 1}));
        QCOMPARE(statistics.skippedRows, std::size_t{0});
        using Count = std::pair<std::string, std::size_t>;
        QCOMPARE(statistics.labelCounts, (std::vector<Count>{{"farewell", 1}, {"greeting", 2}, {"time", 1}}));

        const nlohmann::json json = toJson(statistics);
        QCOMPARE(json["rows"].get<int>(), 4);
        QCOMPARE(json["labels"]["greeting"].get<int>(), 2);
        QCOMPARE(json["avg_tokens"].get<double>(), 3.75);
        QCOMPARE(json["max_tokens"].get<int>(), 8);
        QCOMPARE(json["token_histogram"], nlohmann::json::array({3, 1}));
        QCOMPARE(json["skipped_rows"].get<int>(), 0);
    }

    void statisticsCountPairsSkipsAndIntegerLabels() {
        LabelledRows rows;
        rows.texts = {"a b", "c", "d e f"};
        rows.pairs = {"x", "y z", ""};
        rows.labels = {"10", "9", "10"};
        rows.skipped = {{"f", 7, "empty text"}};
        const DatasetStatistics statistics = computeStatistics(rows, true);
        QCOMPARE(statistics.avgTokens, 3.0);
        QCOMPARE(statistics.maxTokens, std::size_t{3});
        QCOMPARE(statistics.skippedRows, std::size_t{1});
        using Count = std::pair<std::string, std::size_t>;
        QCOMPARE(statistics.labelCounts, (std::vector<Count>{{"9", 1}, {"10", 2}}));
    }

    void oovRateOnDev() {
        const Vocabulary vocabulary =
            Vocabulary::build({tokenize("the cat sat", true), tokenize("the dog ran", true)}, 1, 0);
        Dataset dev;
        dev.examples = {{"The CAT flew away", "", 0, 2}, {"dog", "the moon", 1, 3}};
        // Tokens: the cat flew away | dog the moon -> unknown: flew, away, moon = 3 of 7.
        QCOMPARE(oovRate(dev, vocabulary, true), 3.0 / 7.0);
        QCOMPARE(oovRate(Dataset{}, vocabulary, true), 0.0);
    }
};

QTEST_APPLESS_MAIN(DatasetSplitsTest)
#include "test_dataset_splits.moc"
