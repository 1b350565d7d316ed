// A pretrained BERT-style folder (tests/data/hf_pipeline/tiny-bert: config.json, vocab.txt,
// no weights) fine-tuned with UEGR through the CLI as a user would, and the exported folder
// used again by predict, eval and attack.
#include <torch/torch.h>

#include <QDir>
#include <QTemporaryDir>
#include <QtTest/QtTest>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

#include "../support/cli_runner.h"
#include "io/safetensors.h"
#include "model/model_bundle.h"
#include "model/predictor.h"
#include "model/step_cost.h"

using nlohmann::json;
using uegr::testing::runCli;
namespace fs = std::filesystem;

namespace {

const QString kFixture = QStringLiteral(UEGR_TEST_DATA_DIR "/hf_pipeline/tiny-bert");
const std::string kEngineData = UEGR_TEST_DATA_DIR "/engine/";

json tinyRunConfig(const std::string& modelPath, int maxLength) {
    return {{"data",
             {{"train", kEngineData + "train.csv"},
              {"dev", kEngineData + "dev.csv"},
              {"test", kEngineData + "test.csv"},
              {"max_length", maxLength}}},
            // The fixture has no weights: the pipeline, not the numbers, is under test.
            {"model", {{"type", "hf"}, {"path", modelPath}, {"allow_missing_weights", true}}},
            {"training",
             {{"method", "uegr"},
              {"epochs", 2},
              {"batch_size", 16},
              {"lr", 1e-3},
              {"device", "cpu"},
              {"threads", 1}}},
            {"uegr", {{"passes", 2}}}};
}

std::string writeConfig(const QTemporaryDir& dir, const json& config) {
    const std::string path = dir.filePath("run.json").toStdString();
    std::ofstream(path) << config.dump(2);
    return path;
}

std::vector<json> readJsonLines(const QByteArray& text) {
    std::vector<json> lines;
    for (const QByteArray& line : text.split('\n'))
        if (!line.trimmed().isEmpty()) lines.push_back(json::parse(line.toStdString()));
    return lines;
}

}  // namespace

class TestHfPipeline : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(runDir_.isValid());
        const std::string config = writeConfig(runDir_, tinyRunConfig(kFixture.toStdString(), 32));
        const auto result = runCli({"train", "--config", QString::fromStdString(config), "--out", runPath()});
        QVERIFY2(result.exitCode == 0, result.err.constData());
        trainLog_ = result.err;
    }

    void trainingReportsWhatLoadingFound() {
        QVERIFY2(trainLog_.contains("no model.safetensors"), trainLog_.constData());
        QVERIFY2(trainLog_.contains("classifier head initialised for 2 labels"), trainLog_.constData());
        QVERIFY2(trainLog_.contains("wordpiece"), trainLog_.constData());
    }

    void telemetryHasEveryTransformerLayer() {
        std::ifstream metrics(runPath().toStdString() + "/metrics.jsonl");
        std::string line;
        bool sawStep = false;
        while (std::getline(metrics, line)) {
            const json record = json::parse(line);
            if (record["type"] != "step") continue;
            sawStep = true;
            for (const char* site : {"embeddings", "layer0.attention", "layer0.hidden", "layer1.attention",
                                     "layer1.hidden", "classifier"})
                QVERIFY2(record["dropout_rates"].contains(site), site);
            for (const char* layer : {"layer0", "layer1"})
                QVERIFY2(record["mask_density"].contains(layer), layer);
        }
        QVERIFY(sawStep);
    }

    void exportedFolderIsAHuggingFaceFolder() {
        const std::string model = runPath().toStdString() + "/model";
        const json config = json::parse(std::ifstream(model + "/config.json"));
        QCOMPARE(config["model_type"].get<std::string>(), std::string("bert"));
        QCOMPARE(config["architectures"], json::array({"BertForSequenceClassification"}));
        QCOMPARE(config["id2label"]["0"].get<std::string>(), std::string("negative"));
        QCOMPARE(config["id2label"]["1"].get<std::string>(), std::string("positive"));
        QCOMPARE(config["label2id"]["positive"].get<int>(), 1);
        QCOMPARE(config["uegr_max_length"].get<int>(), 32);
        QVERIFY(fs::exists(model + "/vocab.txt"));
        const auto tensors = uegr::readSafetensors(model + "/model.safetensors").tensors;
        QVERIFY(tensors.count("bert.encoder.layer.1.attention.self.query.weight") == 1);
        QVERIFY(tensors.count("bert.embeddings.word_embeddings.weight") == 1);
        QCOMPARE(tensors.at("classifier.weight").sizes(), (c10::IntArrayRef{2, 16}));
    }

    void exportedFolderEncodesWithItsWordPieceVocabulary() {
        const uegr::ModelBundle bundle = uegr::loadModelBundle(runPath().toStdString() + "/model");
        QVERIFY(bundle.encoder.isSubword());
        QCOMPARE(bundle.maxLength, 32);
        // vocab.txt: [CLS] = 2, good = 14, film = 12, [SEP] = 3; lower-cased as the config says.
        QCOMPARE(bundle.encoder.encode("Good film", "", 32), (std::vector<std::int64_t>{2, 14, 12, 3}));
        QCOMPARE(bundle.encoder.padId(), std::int64_t(0));
        QVERIFY(bundle.warnings.empty());
    }

    void predictPrintsLogitsOfTheExportedModel() {
        const QString model = runPath() + "/model";
        const auto result =
            runCli({"predict", "--model", model, "--logits"}, "a good film\nawful sad movie\n");
        QVERIFY2(result.exitCode == 0, result.err.constData());
        const std::vector<json> lines = readJsonLines(result.out);
        QCOMPARE(lines.size(), std::size_t(2));

        const uegr::ModelBundle bundle = uegr::loadModelBundle(model.toStdString());
        const auto expected = uegr::predictTexts(bundle, {"a good film", "awful sad movie"});
        for (std::size_t i = 0; i < 2; ++i) {
            const auto logits = lines[i]["logits"].get<std::vector<double>>();
            QCOMPARE(logits.size(), std::size_t(2));
            for (std::size_t k = 0; k < 2; ++k) QVERIFY(std::abs(logits[k] - expected[i].logits[k]) < 1e-5);
            QCOMPARE(lines[i]["label"].get<std::string>(), bundle.labels.name(expected[i].label));
        }
    }

    void evalAndAttackAcceptTheExportedFolder() {
        const QString model = runPath() + "/model";
        const QString test = QString::fromStdString(kEngineData + "test.csv");
        const auto eval = runCli({"eval", "--model", model, "--data", test});
        QVERIFY2(eval.exitCode == 0, eval.err.constData());
        const json metrics = json::parse(eval.out.toStdString());
        QVERIFY(metrics["accuracy"].get<double>() >= 0.0 && metrics["accuracy"].get<double>() <= 1.0);

        const auto attack =
            runCli({"attack", "--model", model, "--data", test, "--attack", "charswap", "--limit", "4"});
        QVERIFY2(attack.exitCode == 0, attack.err.constData());
        QCOMPARE(json::parse(attack.out.toStdString())["examples"].get<int>(), 4);
    }

    void robertaAndAlbertFoldersTrainAndExport_data() {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("architecture");
        QTest::newRow("roberta") << "roberta"
                                 << "RobertaForSequenceClassification";
        QTest::newRow("albert") << "albert"
                                << "AlbertForSequenceClassification";
    }

    // The tokenizer files of tests/data/hf_tokenizers with a tiny architecture around them:
    // RoBERTa's offset positions and <pad> = 1, ALBERT's SentencePiece module and factorised embeddings.
    void robertaAndAlbertFoldersTrainAndExport() {
        QFETCH(QString, type);
        QFETCH(QString, architecture);
        QTemporaryDir dir;
        const fs::path folder = dir.filePath("pretrained").toStdString();
        fs::copy(fs::path(UEGR_TEST_DATA_DIR "/hf_tokenizers") / type.toStdString(), folder);
        const json tokenizerConfig = json::parse(std::ifstream(folder / "config.json"));
        json config = {{"model_type", type.toStdString()},
                       {"vocab_size", tokenizerConfig["vocab_size"]},
                       {"hidden_size", 16},
                       {"num_hidden_layers", 2},
                       {"num_attention_heads", 2},
                       {"intermediate_size", 32},
                       {"max_position_embeddings", 40}};
        if (type == "roberta") config.update({{"pad_token_id", 1}, {"type_vocab_size", 1}});
        if (type == "albert") config["embedding_size"] = 8;
        std::ofstream(folder / "config.json") << config.dump(2);

        const std::string runConfig = writeConfig(dir, tinyRunConfig(folder.string(), 32));
        const QString run = dir.filePath("run");
        const auto trained = runCli({"train", "--config", QString::fromStdString(runConfig), "--out", run});
        QVERIFY2(trained.exitCode == 0, trained.err.constData());

        const std::string model = run.toStdString() + "/model";
        const json exported = json::parse(std::ifstream(model + "/config.json"));
        QCOMPARE(exported["architectures"], json::array({architecture.toStdString()}));
        QCOMPARE(exported["id2label"]["1"].get<std::string>(), std::string("positive"));
        for (const auto& entry :
             fs::directory_iterator(fs::path(UEGR_TEST_DATA_DIR "/hf_tokenizers") / type.toStdString()))
            QVERIFY2(fs::exists(model + "/" + entry.path().filename().string()),
                     entry.path().filename().c_str());

        const auto predicted =
            runCli({"predict", "--model", QString::fromStdString(model), "--logits"}, "a good film\n");
        QVERIFY2(predicted.exitCode == 0, predicted.err.constData());
        const std::vector<double> logits =
            readJsonLines(predicted.out).at(0)["logits"].get<std::vector<double>>();
        const auto expected = uegr::predictTexts(uegr::loadModelBundle(model), {"a good film"}).at(0).logits;
        QCOMPARE(logits.size(), expected.size());
        for (std::size_t k = 0; k < logits.size(); ++k) QVERIFY(std::abs(logits[k] - expected[k]) < 1e-5);
    }

    void maxLengthBeyondRobertasUsablePositionsIsAConfigError() {
        QTemporaryDir dir;
        const fs::path folder = dir.filePath("roberta").toStdString();
        fs::copy(fs::path(UEGR_TEST_DATA_DIR "/hf_tokenizers/roberta"), folder);
        std::ofstream(folder / "config.json")
            << json{{"model_type", "roberta"},       {"vocab_size", 20},         {"hidden_size", 16},
                    {"num_hidden_layers", 1},        {"num_attention_heads", 2}, {"intermediate_size", 32},
                    {"max_position_embeddings", 34}, {"pad_token_id", 1}}
                   .dump();
        // Positions start after the padding index: 34 rows leave 32 usable positions, not 33.
        const std::string tooLong = writeConfig(dir, tinyRunConfig(folder.string(), 33));
        const auto result =
            runCli({"train", "--config", QString::fromStdString(tooLong), "--out", dir.filePath("run")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains("data.max_length") && result.err.contains("32 tokens"),
                 result.err.constData());
    }

    void aFolderWithoutConfigIsAConfigError() {
        QTemporaryDir empty;
        const std::string config = writeConfig(empty, tinyRunConfig(empty.path().toStdString(), 32));
        const auto result =
            runCli({"train", "--config", QString::fromStdString(config), "--out", empty.filePath("run")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains("model.path"), result.err.constData());
    }

    void maxLengthBeyondThePositionTableIsAConfigError() {
        QTemporaryDir dir;
        const std::string config = writeConfig(dir, tinyRunConfig(kFixture.toStdString(), 100));
        const auto result =
            runCli({"train", "--config", QString::fromStdString(config), "--out", dir.filePath("run")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains("data.max_length"), result.err.constData());
        QVERIFY2(result.err.contains("64"), result.err.constData());
    }

    void configCheckWarnsWhenAStepWouldBeSlowOnTheCpu() {
        // A BERT-base-shaped folder (no weights needed) at batch 64 x 512 tokens: over 10^14
        // FLOPs a UEGR step, minutes on any CPU. The tiny fixture's step takes milliseconds.
        QTemporaryDir dir;
        const QString folder = dir.filePath("bert-base");
        QDir().mkpath(folder);
        std::ofstream((folder + "/config.json").toStdString()) << json{
            {"model_type", "bert"},           {"vocab_size", 30522},       {"hidden_size", 768},
            {"num_hidden_layers", 12},        {"num_attention_heads", 12}, {"intermediate_size", 3072},
            {"max_position_embeddings", 512}, {"type_vocab_size", 2}}.dump();
        json config = tinyRunConfig(folder.toStdString(), 512);
        config["training"]["batch_size"] = 64;
        config["training"].erase("lr");
        const auto slow = runCli({"config", "check", QString::fromStdString(writeConfig(dir, config))});
        QCOMPARE(slow.exitCode, 0);
        QVERIFY2(slow.err.contains("warning: a training step of this pretrained model is estimated at"),
                 slow.err.constData());
        QVERIFY2(slow.err.contains("s on this CPU"), slow.err.constData());

        json tiny = tinyRunConfig(kFixture.toStdString(), 32);
        tiny["training"].erase("lr");
        const auto fast = runCli({"config", "check", QString::fromStdString(writeConfig(dir, tiny))});
        QCOMPARE(fast.exitCode, 0);
        QVERIFY2(!fast.err.contains("warning"), fast.err.constData());
    }

    void stepCostCountsEncoderMultiplyAdds() {
        uegr::HfModelInfo info;
        info.hiddenSize = 16;
        info.intermediateSize = 32;
        info.numLayers = 2;
        // Per token and layer: 4*16*16 + 2*16*32 + 2*4*16 = 2176 multiply-adds; 8 tokens, 2 layers, 2 FLOPs
        // each.
        QCOMPARE(uegr::encoderForwardFlops(info, 2, 4), 2.0 * 2176 * 8 * 2);

        uegr::RunConfig config;
        config.uegr.passes = 3;
        config.uegr.advSteps = 2;
        QCOMPARE(uegr::passesPerStep(config), 1 + 2 + 3);
        config.training.method = "uegr_no_adv";
        QCOMPARE(uegr::passesPerStep(config), 1 + 3);
        config.training.method = "rdrop";
        QCOMPARE(uegr::passesPerStep(config), 2);
        config.training.method = "vanilla";
        QCOMPARE(uegr::passesPerStep(config), 1);
        config.data.maxLength = 4;
        config.training.batchSize = 2;
        QCOMPARE(uegr::estimateStepSeconds(info, config, 1000.0), 3.0 * 2.0 * 2176 * 8 * 2 / 1000.0);
    }

private:
    QString runPath() const { return runDir_.filePath("run"); }

    QTemporaryDir runDir_;
    QByteArray trainLog_;
};

QTEST_GUILESS_MAIN(TestHfPipeline)
#include "test_hf_pipeline.moc"
