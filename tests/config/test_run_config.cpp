// Run config: defaults from docs/METHOD.md, strict parsing, every range check, file handling.
#include <QtTest/QtTest>

#include <nlohmann/json.hpp>

#include <fstream>

#include "config/config_advice.h"
#include "config/run_config.h"
#include "util/error.h"

using nlohmann::json;

namespace {

// Applies `patch` (JSON merge patch) to an empty config and expects a ConfigError whose key is
// `key` and whose message contains `fragment`.
void expectConfigError(const json& document, const std::string& key, const std::string& fragment) {
    try {
        uegr::parseRunConfig(document);
        QFAIL(("accepted: " + document.dump()).c_str());
    } catch (const uegr::ConfigError& error) {
        QCOMPARE(QString::fromStdString(error.key()), QString::fromStdString(key));
        const std::string message = error.what();
        QVERIFY2(message.find(fragment) != std::string::npos, ("message was: " + message).c_str());
    }
}

void writeText(const QString& path, const std::string& text) {
    std::ofstream out(path.toStdString(), std::ios::binary);
    out << text;
}

}  // namespace

class RunConfigTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void emptyDocumentTakesTheMethodDefaults() {
        const uegr::RunConfig c = uegr::parseRunConfig(json::object());
        // Values copied by hand from docs/METHOD.md ("Options and defaults").
        QCOMPARE(c.uegr.useCleanLoss, true);
        QCOMPARE(c.uegr.advSteps, 1);
        QCOMPARE(c.uegr.advStepSize, 0.05);
        QCOMPARE(c.uegr.advMaxNorm, 0.0);
        QCOMPARE(c.uegr.advScale, std::string("relative"));
        QCOMPARE(c.uegr.advInit, std::string("zero"));
        QCOMPARE(c.uegr.passes, 3);
        QCOMPARE(c.uegr.dropoutMin, 0.05);
        QCOMPARE(c.uegr.dropoutMax, 0.30);
        QCOMPARE(c.uegr.dropoutJitter, 1.0);
        QCOMPARE(c.uegr.dropoutRule, std::string("importance"));
        QCOMPARE(c.uegr.importanceEma, 0.9);
        QCOMPARE(c.uegr.lambdaAdv, 1.0);
        QCOMPARE(c.uegr.lambdaJs, 1.0);
        QCOMPARE(c.uegr.maxGradNorm, 1.0);
        QCOMPARE(c.uegr.saliency, std::string("taylor"));
        QCOMPARE(c.uegr.saliencyEma, 0.0);
        QCOMPARE(c.uegr.maskExempt, (std::vector<std::string>{"embeddings", "bias", "norm", "head"}));
        QCOMPARE(c.uegr.keepRatio, 0.5);
        QCOMPARE(c.uegr.maskRank, std::string("global"));
        QCOMPARE(c.uegr.maskEvery, 1);
        QCOMPARE(c.uegr.maskWarmupRatio, 0.1);
        QCOMPARE(c.uegr.maskMode, std::string("hard"));
        QCOMPARE(c.training.method, std::string("uegr"));
        QVERIFY(c.data.train.empty());  // the bundled demo dataset
    }

    void learningRateDefaultFollowsTheModelType() {
        QCOMPARE(uegr::parseRunConfig(json::object()).training.lr, 1e-3);
        const json pretrained = {{"model", {{"type", "hf"}, {"path", "/models/bert"}}}};
        QCOMPARE(uegr::parseRunConfig(pretrained).training.lr, 2e-5);
        json explicitRate = pretrained;
        explicitRate["training"] = {{"lr", 3e-4}};
        QCOMPARE(uegr::parseRunConfig(explicitRate).training.lr, 3e-4);
        // The resolved document states the rate, so reading it back keeps it whatever the type.
        QCOMPARE(uegr::parseRunConfig(uegr::toJson(uegr::parseRunConfig(pretrained))).training.lr, 2e-5);
    }

    void adviceFlagsLearningRatesFarFromTheModelsUsual() {
        QVERIFY(uegr::adviseRunConfig(uegr::RunConfig{}).empty());
        uegr::RunConfig fineTuning;
        fineTuning.model.type = "hf";
        fineTuning.training.lr = 2e-5;
        QVERIFY(uegr::adviseRunConfig(fineTuning).empty());
        fineTuning.training.lr = 1e-3;  // the from-scratch rate on a pretrained model
        const auto high = uegr::adviseRunConfig(fineTuning);
        QCOMPARE(high.size(), std::size_t{1});
        QCOMPARE(high[0].key, std::string("training.lr"));
        QVERIFY2(high[0].message.find("0.001 is high for fine-tuning") != std::string::npos,
                 high[0].message.c_str());
        uegr::RunConfig scratch;
        scratch.training.lr = 2e-5;  // the fine-tuning rate on a model trained from scratch
        const auto low = uegr::adviseRunConfig(scratch);
        QCOMPARE(low.size(), std::size_t{1});
        QVERIFY2(low[0].message.find("2e-05 is low for a textcnn") != std::string::npos,
                 low[0].message.c_str());
    }

    void resolvedDocumentListsEveryKeyOfEverySection() {
        const json resolved = uegr::toJson(uegr::RunConfig{});
        for (const char* section : {"data", "model", "training", "uegr", "eval", "output"})
            QVERIFY2(resolved.contains(section), section);
        for (const char* key :
             {"train", "dev", "test", "format", "text_column", "pair_column", "label_column", "max_length"})
            QVERIFY2(resolved["data"].contains(key), key);
        for (const char* key : {"method", "epochs", "batch_size", "lr", "seed", "device", "threads"})
            QVERIFY2(resolved["training"].contains(key), key);
        QCOMPARE(resolved["uegr"].size(), std::size_t{24});
        QVERIFY(resolved["output"].contains("dir"));
    }

    void roundTripKeepsEveryValue() {
        json document = {
            {"data",
             {{"text_column", 3}, {"pair_column", "hypothesis"}, {"max_length", 64}, {"split_seed", 7}}},
            {"model",
             {{"type", "transformer"}, {"hidden_dim", 96}, {"num_heads", 6}, {"kernel_sizes", {2, 3}}}},
            {"training", {{"method", "rdrop"}, {"lr", 5e-4}, {"device", "cpu"}, {"threads", 2}}},
            {"uegr",
             {{"passes", 4},
              {"dropout_min", 0.1},
              {"dropout_max", 0.2},
              {"mask_exempt", {"bias"}},
              {"mask_mode", "soft"}}},
            {"eval", {{"select_by", "mcc"}}},
            {"output", {{"dir", "runs/x"}, {"keep_checkpoints", 5}}}};
        const uegr::RunConfig c = uegr::parseRunConfig(document);
        QCOMPARE(c.data.textColumn.index, 3);
        QCOMPARE(c.data.pairColumn.name, std::string("hypothesis"));
        QCOMPARE(c.model.numHeads, 6);
        QCOMPARE(c.uegr.maskExempt, std::vector<std::string>{"bias"});
        const json resolved = uegr::toJson(c);
        QCOMPARE(resolved["data"]["text_column"], json(3));
        QCOMPARE(resolved["training"]["method"], json("rdrop"));
        QCOMPARE(uegr::toJson(uegr::parseRunConfig(resolved)), resolved);
    }

    void unknownKeysAndSectionsAreErrors() {
        expectConfigError({{"uegr", {{"lamda_js", 1.0}}}}, "uegr.lamda_js", "unknown key \"uegr.lamda_js\"");
        expectConfigError({{"trainer", json::object()}}, "trainer", "unknown section");
        expectConfigError({{"data", 5}}, "data", "must be an object");
        expectConfigError(json::array(), "", "must be a JSON object");
    }

    void wrongTypesNameTheKey() {
        expectConfigError({{"training", {{"epochs", 2.5}}}}, "training.epochs",
                          "training.epochs must be an integer");
        expectConfigError({{"training", {{"lr", "fast"}}}}, "training.lr", "training.lr must be a number");
        expectConfigError({{"uegr", {{"use_clean_loss", 1}}}}, "uegr.use_clean_loss", "true or false");
        expectConfigError({{"training", {{"seed", -1}}}}, "training.seed", "non-negative integer");
        expectConfigError({{"data", {{"label_column", 1.5}}}}, "data.label_column", "column name");
        expectConfigError({{"uegr", {{"mask_exempt", {1}}}}}, "uegr.mask_exempt", "array of strings");
    }

    void rangeChecksNameKeyAndRange_data() {
        QTest::addColumn<QString>("document");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("fragment");
        const auto row = [](const char* doc, const char* key, const char* fragment) {
            QTest::newRow(key) << doc << key << fragment;
        };
        row(R"({"data":{"format":"xml"}})", "data.format", "must be one of auto, csv, tsv, jsonl");
        row(R"({"data":{"max_length":0}})", "data.max_length", "data.max_length must be in [1, 100000]");
        row(R"({"data":{"dev_ratio":1.0}})", "data.dev_ratio", "data.dev_ratio must be in [0, 1)");
        row(R"({"data":{"dev_ratio":0.5,"test_ratio":0.5}})", "data.test_ratio", "[0, 1 - data.dev_ratio)");
        row(R"({"data":{"train":"t.csv","dev_ratio":0}})", "data.dev_ratio", "when data.dev names no file");
        row(R"({"data":{"min_count":0}})", "data.min_count", "[1, ");
        row(R"({"data":{"max_vocab":3}})", "data.max_vocab", "[4, ");
        row(R"({"data":{"text_column":""}})", "data.text_column", "must name a column");
        row(R"({"model":{"type":"gpt"}})", "model.type", "textcnn, bilstm, transformer, hf");
        row(R"({"model":{"type":"hf"}})", "model.path", "Hugging Face model folder");
        row(R"({"model":{"embedding_dim":0}})", "model.embedding_dim", "[1, 65536]");
        row(R"({"model":{"num_layers":65}})", "model.num_layers", "[1, 64]");
        row(R"({"model":{"type":"transformer","hidden_dim":100,"num_heads":3}})", "model.num_heads",
            "divisible");
        row(R"({"model":{"kernel_sizes":[]}})", "model.kernel_sizes", "must not be empty");
        row(R"({"model":{"kernel_sizes":[3,0]}})", "model.kernel_sizes", "[1, 64]");
        row(R"({"model":{"dropout":1.0}})", "model.dropout", "[0, 1)");
        row(R"({"training":{"method":"sgd"}})", "training.method",
            "uegr, vanilla, rdrop, freelb, childtuning_d");
        row(R"({"training":{"epochs":0}})", "training.epochs", "[1, ");
        row(R"({"training":{"batch_size":0}})", "training.batch_size", "[1, 65536]");
        row(R"({"training":{"lr":0}})", "training.lr", "(0, 10]");
        row(R"({"training":{"weight_decay":-0.1}})", "training.weight_decay", "[0, 10]");
        row(R"({"training":{"warmup_ratio":1.5}})", "training.warmup_ratio", "[0, 1]");
        row(R"({"training":{"device":"tpu"}})", "training.device", "auto, cpu, cuda");
        row(R"({"training":{"threads":-1}})", "training.threads", "[0, 1024]");
        row(R"({"training":{"rdrop_alpha":-1}})", "training.rdrop_alpha", "[0, inf)");
        row(R"({"training":{"childtuning_batches":-1}})", "training.childtuning_batches", "[0, ");
        row(R"({"uegr":{"adv_steps":-1}})", "uegr.adv_steps", "[0, 100]");
        row(R"({"uegr":{"adv_step_size":-0.1}})", "uegr.adv_step_size", "[0, inf)");
        row(R"({"uegr":{"adv_max_norm":-1}})", "uegr.adv_max_norm", "[0, inf)");
        row(R"({"uegr":{"adv_scale":"huge"}})", "uegr.adv_scale", "relative, absolute");
        row(R"({"uegr":{"adv_init":"gauss"}})", "uegr.adv_init", "zero, uniform");
        row(R"({"uegr":{"adv_init_mag":-1}})", "uegr.adv_init_mag", "[0, inf)");
        row(R"({"uegr":{"passes":0}})", "uegr.passes", "[1, 16]");
        row(R"({"uegr":{"dropout_min":1}})", "uegr.dropout_min", "[0, 1)");
        row(R"({"uegr":{"dropout_max":0.01}})", "uegr.dropout_max",
            "uegr.dropout_max must be in [uegr.dropout_min, 1)");
        row(R"({"uegr":{"dropout_max":1.0}})", "uegr.dropout_max", "[uegr.dropout_min, 1)");
        row(R"({"uegr":{"dropout_jitter":2}})", "uegr.dropout_jitter", "[0, 1]");
        row(R"({"uegr":{"dropout_rule":"random"}})", "uegr.dropout_rule", "importance, uniform, fixed");
        row(R"({"uegr":{"importance_ema":1}})", "uegr.importance_ema", "[0, 1)");
        row(R"({"uegr":{"lambda_adv":-1}})", "uegr.lambda_adv", "[0, inf)");
        row(R"({"uegr":{"lambda_js":-1}})", "uegr.lambda_js", "[0, inf)");
        row(R"({"uegr":{"max_grad_norm":-1}})", "uegr.max_grad_norm", "[0, inf)");
        row(R"({"uegr":{"saliency":"hessian"}})", "uegr.saliency", "taylor, fisher, gradient");
        row(R"({"uegr":{"saliency_ema":1}})", "uegr.saliency_ema", "[0, 1)");
        row(R"({"uegr":{"mask_exempt":[""]}})", "uegr.mask_exempt", "empty strings");
        row(R"({"uegr":{"keep_ratio":0}})", "uegr.keep_ratio", "(0, 1]");
        row(R"({"uegr":{"keep_ratio":1.01}})", "uegr.keep_ratio", "(0, 1]");
        row(R"({"uegr":{"mask_rank":"local"}})", "uegr.mask_rank", "global, per_tensor");
        row(R"({"uegr":{"mask_every":0}})", "uegr.mask_every", "[1, ");
        row(R"({"uegr":{"mask_warmup_ratio":-0.5}})", "uegr.mask_warmup_ratio", "[0, 1]");
        row(R"({"uegr":{"mask_mode":"medium"}})", "uegr.mask_mode", "hard, soft");
        row(R"({"eval":{"every_steps":-1}})", "eval.every_steps", "[0, ");
        row(R"({"eval":{"batch_size":0}})", "eval.batch_size", "[1, 65536]");
        row(R"({"eval":{"select_by":"loss"}})", "eval.select_by", "accuracy, macro_f1, mcc");
        row(R"({"output":{"checkpoint_every_steps":-1}})", "output.checkpoint_every_steps", "[0, ");
        row(R"({"output":{"keep_checkpoints":0}})", "output.keep_checkpoints", "[1, 1000]");
        row(R"({"output":{"log_every_steps":0}})", "output.log_every_steps", "[1, ");
        row(R"({"output":{"saliency_every_steps":-2}})", "output.saliency_every_steps", "[0, ");
    }
    void rangeChecksNameKeyAndRange() {
        QFETCH(QString, document);
        QFETCH(QString, key);
        QFETCH(QString, fragment);
        expectConfigError(json::parse(document.toStdString()), key.toStdString(), fragment.toStdString());
    }

    void boundaryValuesAreAccepted() {
        const uegr::RunConfig c = uegr::parseRunConfig(
            {{"uegr", {{"dropout_min", 0.2}, {"dropout_max", 0.2}, {"keep_ratio", 1.0}, {"adv_steps", 0}}},
             {"training", {{"threads", 0}, {"warmup_ratio", 0.0}}}});
        QCOMPARE(c.uegr.dropoutMax, 0.2);
        QCOMPARE(c.uegr.keepRatio, 1.0);
    }

    void loadResolvesDataPathsAgainstTheConfigFolder() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath("run.json");
        writeText(path, R"({"data": {"train": "corpus/train.csv", "dev": "/abs/dev.csv"}})");
        const uegr::RunConfig c = uegr::loadRunConfig(path.toStdString());
        QCOMPARE(QString::fromStdString(c.data.train), QDir(dir.path()).filePath("corpus/train.csv"));
        QCOMPARE(c.data.dev, std::string("/abs/dev.csv"));
        QVERIFY(c.data.test.empty());
    }

    void invalidJsonNamesFileAndLine() {
        QTemporaryDir dir;
        const QString path = dir.filePath("broken.json");
        writeText(path, "{\n  \"data\": {\n    \"train\": \"x.csv\",\n  }\n}\n");
        try {
            uegr::loadRunConfig(path.toStdString());
            QFAIL("accepted invalid JSON");
        } catch (const uegr::InputError& error) {
            QCOMPARE(QString::fromStdString(error.file()), path);
            QCOMPARE(error.line(), std::size_t{4});
        }
    }

    void missingFileIsAnInputError() {
        QVERIFY_THROWS_EXCEPTION(uegr::InputError, uegr::loadRunConfig("/nonexistent/run.json"));
    }

    void configErrorsFromAFileNameTheFile() {
        QTemporaryDir dir;
        const QString path = dir.filePath("bad.json");
        writeText(path, R"({"uegr": {"passes": 99}})");
        try {
            uegr::loadRunConfig(path.toStdString());
            QFAIL("accepted passes = 99");
        } catch (const uegr::ConfigError& error) {
            QCOMPARE(error.key(), std::string("uegr.passes"));
            QVERIFY(std::string(error.what()).rfind(path.toStdString() + ": uegr.passes", 0) == 0);
        }
    }

    void saveThenLoadGivesTheSameConfig() {
        QTemporaryDir dir;
        const QString path = dir.filePath("nested/saved.json");
        uegr::RunConfig c;
        c.training.method = "freelb";
        c.uegr.keepRatio = 0.3;
        c.data.train = "/data/train.tsv";
        uegr::saveRunConfig(c, path.toStdString());
        QCOMPARE(uegr::toJson(uegr::loadRunConfig(path.toStdString())), uegr::toJson(c));
        QCOMPARE(QDir(dir.filePath("nested")).entryList(QDir::Files),
                 QStringList{"saved.json"});  // no temp file left
    }
};

QTEST_GUILESS_MAIN(RunConfigTest)
#include "test_run_config.moc"
