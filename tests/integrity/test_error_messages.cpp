// Every rejection of the user's input names the file and line or key, exits with 2 and is one
// line of at most 300 bytes without library text (rejection_checks.h): number overflow in any
// JSON we read, out-of-range or absurd model dimensions, a folder or CR-only file given as data,
// a 100 000-quote field. Bad rows skipped on request are counted, not silently dropped, and a
// training set with one label is refused.
#include <QtTest/QtTest>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

#include "../support/cli_runner.h"
#include "config/run_config.h"
#include "rejection_checks.h"
#include "tiny_bundle.h"
#include "train/trainer.h"
#include "util/atomic_file.h"
#include "util/error.h"

using namespace uegr;
using uegr::testing::CliResult;
using uegr::testing::runCli;
using uegr::testing::saveTextCnnBundle;
namespace fs = std::filesystem;

namespace {

const std::string kBaseBert = UEGR_TEST_DATA_DIR "/hf_pipeline/tiny-bert";
const std::string kTinyCsv = UEGR_TEST_DATA_DIR "/studio/tiny.csv";  // 48 rows, labels pos and neg

QString write(const QTemporaryDir& dir, const QString& name, const std::string& content) {
    const QString path = dir.filePath(name);
    writeFileAtomically(path.toStdString(), content);
    return path;
}

// A copy of the weightless BERT fixture whose config.json `edit` changes.
std::string editedBertFolder(const QTemporaryDir& root, const std::function<void(std::string&)>& edit) {
    const fs::path folder = root.filePath("bert").toStdString();
    fs::create_directories(folder);
    for (const auto& entry : fs::directory_iterator(kBaseBert))
        fs::copy(entry.path(), folder / entry.path().filename());
    std::string config = readFile((folder / "config.json").string());
    edit(config);
    writeFileAtomically((folder / "config.json").string(), config);
    return folder.string();
}

void replaceOnce(std::string& text, const std::string& from, const std::string& to) {
    const std::size_t at = text.find(from);
    QVERIFY2(at != std::string::npos, from.c_str());
    text.replace(at, from.size(), to);
}

nlohmann::json tinyTrainingConfig(const std::string& train, const QString& outDir) {
    return {{"data", {{"train", train}, {"dev_ratio", 0.25}, {"test_ratio", 0}}},
            {"model", {{"embedding_dim", 8}, {"num_filters", 4}, {"kernel_sizes", {2, 3}}}},
            {"training", {{"epochs", 1}, {"batch_size", 12}, {"threads", 1}, {"method", "vanilla"}}},
            {"output", {{"dir", outDir.toStdString()}}}};
}

}  // namespace

class TestErrorMessages : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void numberOverflowInARunConfigNamesFileAndLine() {
        QTemporaryDir dir;
        const QString path = write(dir, "run.json", "{\n  \"training\": {\n    \"lr\": 1e400\n  }\n}\n");
        UEGR_VERIFY_REJECTION(runCli({"config", "check", path}), path + ":3:", "1e400");
    }

    void numberOverflowInAJsonlRowNamesFileAndLine() {
        QTemporaryDir dir;
        const QString path =
            write(dir, "data.jsonl",
                  "{\"text\": \"good\", \"label\": \"pos\"}\n{\"text\": \"bad\", \"label\": 1e400}\n");
        UEGR_VERIFY_REJECTION(runCli({"data", "inspect", path}), path + ":2:", "1e400");
    }

    void numberOverflowInAModelConfigNamesTheFile() {
        QTemporaryDir root;
        const std::string dir = saveTextCnnBundle(root);
        std::string config = readFile(dir + "/config.json");
        replaceOnce(config, "\"dropout\": 0.1", "\"dropout\": 1e400");
        writeFileAtomically(dir + "/config.json", config);
        UEGR_VERIFY_REJECTION(runCli({"predict", "--model", QString::fromStdString(dir)}, "good\n"),
                              QString::fromStdString(dir + "/config.json"), "1e400");
    }

    void numberOverflowInAHuggingFaceConfigNamesTheFile() {
        QTemporaryDir root;
        const std::string dir = editedBertFolder(root, [](std::string& config) {
            replaceOnce(config, "\"layer_norm_eps\": 1e-12", "\"layer_norm_eps\": 1e400");
        });
        UEGR_VERIFY_REJECTION(
            runCli({"predict", "--model", QString::fromStdString(dir), "--allow-missing-weights"}, "good\n"),
            QString::fromStdString(dir + "/config.json"), "1e400");
    }

    // nlohmann quotes the byte it stopped at: the first byte of a two-byte character.
    void aSkippedRowQuotingACutOffCharacterIsListed() {
        QTemporaryDir dir;
        const QString path =
            write(dir, "data.jsonl",
                  "{\"text\": \"good\", \"label\": \"pos\"}\n{\"text\": \xC3\xA9, \"label\": \"neg\"}\n");
        const CliResult skipped = runCli({"data", "inspect", path, "--skip-bad-rows"});
        QVERIFY2(skipped.exitCode == 0, skipped.err.constData());
        const nlohmann::json report = nlohmann::json::parse(skipped.out.toStdString());
        QCOMPARE(report.at("skipped").size(), std::size_t{1});
        QCOMPARE(report.at("skipped")[0].at("line").get<int>(), 2);

        UEGR_VERIFY_REJECTION(runCli({"data", "inspect", path}), path + ":2:", "not valid JSON");
    }

    void modelConfigOutOfRangeNamesTheKey_data() {
        QTest::addColumn<QString>("patch");  // merged into the bundle's config.json
        QTest::addColumn<QString>("fragment");
        QTest::newRow("max_length 0") << R"({"max_length": 0})"
                                      << "max_length";
        QTest::newRow("num_labels 0") << R"({"num_labels": 0})"
                                      << "num_labels";
        QTest::newRow("1.7 TB of filters")
            << R"({"model": {"num_filters": 100000, "embedding_dim": 65536, "kernel_sizes": [64]}})"
            << "too large";
        QTest::newRow("hf type") << R"({"model": {"type": "hf"}})"
                                 << "model.type";
    }

    void modelConfigOutOfRangeNamesTheKey() {
        QFETCH(QString, patch);
        QFETCH(QString, fragment);
        QTemporaryDir root;
        const std::string dir = saveTextCnnBundle(root);
        nlohmann::json config = nlohmann::json::parse(readFile(dir + "/config.json"));
        config.merge_patch(nlohmann::json::parse(patch.toStdString()));
        writeFileAtomically(dir + "/config.json", config.dump(2));
        if (fragment == "num_labels") writeFileAtomically(dir + "/labels.json", "[]");
        UEGR_VERIFY_REJECTION(runCli({"predict", "--model", QString::fromStdString(dir)}, "good\n"),
                              QString::fromStdString(dir + "/config.json"), fragment);
    }

    void huggingFaceConfigWithAbsurdDimensionsNamesTheFile() {
        QTemporaryDir root;
        const std::string dir = editedBertFolder(root, [](std::string& config) {
            replaceOnce(config, "\"hidden_size\": 16", "\"hidden_size\": 1048576");
            replaceOnce(config, "\"num_attention_heads\": 2", "\"num_attention_heads\": 1");
        });
        UEGR_VERIFY_REJECTION(
            runCli({"predict", "--model", QString::fromStdString(dir), "--allow-missing-weights"}, "good\n"),
            QString::fromStdString(dir + "/config.json"), "too large");
    }

    void aNonIntegerBatchSizeNamesTheRange() {
        QTemporaryDir dir;
        const QString path = write(dir, "run.json", R"({"training": {"batch_size": 1e12}})");
        UEGR_VERIFY_REJECTION(runCli({"config", "check", path}), "training.batch_size", "[1, 65536]",
                              "1000000000000");
    }

    void aFolderGivenAsDataFileIsNamedAsSuch() {
        QTemporaryDir dir;
        UEGR_VERIFY_REJECTION(runCli({"data", "inspect", dir.path()}), dir.path(), "is a folder");
    }

    void carriageReturnOnlyLineEndingsAreNamed() {
        QTemporaryDir dir;
        const QString path = write(dir, "mac.csv", "text,label\rgood film,pos\rbad film,neg\r");
        UEGR_VERIFY_REJECTION(runCli({"data", "inspect", path}), path + ":1:", "carriage return");
    }

    void oneHundredThousandQuotesGiveOneShortLine() {
        QTemporaryDir dir;
        const QString path = write(dir, "quotes.csv", std::string(100000, '"') + "\n");
        UEGR_VERIFY_REJECTION(runCli({"data", "inspect", path}), path);
    }

    void aTrainingSetWithOneLabelIsRefused() {
        QTemporaryDir dir;
        const QString train =
            write(dir, "one-label.csv", "text,label\na,pos\nb,pos\nc,pos\nd,pos\ne,pos\nf,pos\n");
        const QString config =
            write(dir, "run.json", tinyTrainingConfig(train.toStdString(), dir.filePath("runs")).dump());
        UEGR_VERIFY_REJECTION(runCli({"train", "--config", config}), train, "at least 2 labels");

        // In core, so the studio's training gets the same error.
        const RunConfig parsed = loadRunConfig(config.toStdString());
        QVERIFY_THROWS_EXCEPTION(InputError, Trainer(parsed, ""));
    }

    void oneLineCutsOnACharacterBoundary() {
        const std::string prefix(200, 'x');
        const std::string text =
            prefix + "\xE2\x82\xAC\xE2\x82\xAC\nsecond line \xC3";  // € € LF ... cut-off é
        QCOMPARE(oneLine(text, 1000), prefix + "\xE2\x82\xAC\xE2\x82\xAC second line \xEF\xBF\xBD");
        const std::string cut = oneLine(text, 202);  // 199 x + the ellipsis: no room for a whole €
        QCOMPARE(cut, std::string(199, 'x') + "\xE2\x80\xA6");
        QCOMPARE(oneLine(std::string(100000, '"')).size(), std::size_t{300});
        QCOMPARE(oneLine("short"), std::string("short"));
    }

    void skippedRowsAreCounted() {
        QTemporaryDir dir;
        const QString train = write(dir, "train.csv", readFile(kTinyCsv) + "a row without a label,\n");
        nlohmann::json config = tinyTrainingConfig(train.toStdString(), dir.filePath("runs"));
        config["data"]["skip_bad_rows"] = true;
        const QString configPath = write(dir, "run.json", config.dump());
        const CliResult result = runCli({"train", "--config", configPath});
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QVERIFY2(result.err.contains("skipped 1 bad row"), result.err.constData());
        QVERIFY2(result.err.contains((train + ":50:").toUtf8()), result.err.constData());
        const nlohmann::json summary = nlohmann::json::parse(result.out.toStdString());
        QCOMPARE(summary.at("skipped_rows").get<int>(), 1);
    }
};

QTEST_GUILESS_MAIN(TestErrorMessages)
#include "test_error_messages.moc"
