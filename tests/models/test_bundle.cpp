// Model bundles: round trips give identical logits, corrupt or mismatched files give errors
// that name the file, the predictor agrees with the model, and `uegr eval` / `uegr predict`
// work on a bundle saved here.
#include <QtTest/QtTest>

#include <torch/torch.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

#include "eval/evaluation.h"
#include "io/safetensors.h"
#include "model/model_bundle.h"
#include "model/predictor.h"
#include "text/batching.h"
#include "util/atomic_file.h"
#include "util/error.h"
#include "../support/cli_runner.h"

using uegr::testing::CliResult;
using uegr::testing::runCli;

using namespace uegr;

namespace {

const std::vector<std::pair<std::string, std::string>> kRows{
    {"a good movie", "pos"}, {"great acting and a good plot", "pos"},
    {"bad movie", "neg"},    {"a boring , bad plot", "neg"},
    {"good", "pos"},         {"terrible acting", "neg"}};

Vocabulary sampleVocabulary() {
    std::vector<std::vector<std::string>> tokenized;
    for (const auto& row : kRows) {
        std::vector<std::string> tokens;
        std::istringstream words(row.first);
        for (std::string word; words >> word;) tokens.push_back(word);
        tokenized.push_back(tokens);
    }
    return Vocabulary::build(tokenized, 1, 100);
}

LabelSet sampleLabels() {
    LabelSet labels;
    labels.add("neg");
    labels.add("pos");
    return labels;
}

ModelConfig smallConfig(const std::string& type) {
    ModelConfig config;
    config.type = type;
    config.embeddingDim = 8;
    config.hiddenDim = 8;
    config.numLayers = 1;
    config.numHeads = 2;
    config.ffDim = 16;
    config.kernelSizes = {1, 2};
    config.numFilters = 3;
    config.dropout = 0.2;
    return config;
}

Dataset sampleDataset(const LabelSet& labels) {
    Dataset dataset;
    for (const auto& [text, label] : kRows)
        dataset.examples.push_back(Example{text, {}, labels.indexOf(label), 0});
    return dataset;
}

torch::Tensor logitsOf(TextClassifierImpl& model, const Vocabulary& vocabulary) {
    const EncodedDataset encoded(sampleDataset(sampleLabels()), TextEncoder::words(vocabulary, true), 12);
    std::vector<std::size_t> all(encoded.size());
    std::iota(all.begin(), all.end(), 0);
    const Batch batch = encoded.makeBatch(all);
    torch::NoGradGuard noGrad;
    return model.forward(batch.inputIds, batch.attentionMask);
}

struct SavedBundle {
    TextClassifier model;
    std::string dir;
};

SavedBundle saveSample(const QTemporaryDir& root, const std::string& type) {
    torch::manual_seed(3);
    SavedBundle saved{createModel(smallConfig(type), sampleVocabulary().size(), 2, 12),
                      root.filePath(QString::fromStdString(type)).toStdString()};
    saved.model->eval();
    saveModelBundle(saved.dir, *saved.model, smallConfig(type), TextEncoder::words(sampleVocabulary(), true),
                    sampleLabels(), 12);
    return saved;
}

// loadModelBundle must throw an InputError whose file is `file` and whose message holds `fragment`.
void expectLoadError(const std::string& dir, const std::string& file, const std::string& fragment) {
    try {
        loadModelBundle(dir);
        QFAIL(("loaded a bad bundle, expected: " + fragment).c_str());
    } catch (const InputError& error) {
        QVERIFY2(error.file() == (std::filesystem::path(dir) / file).string(), error.what());
        QVERIFY2(error.message().find(fragment) != std::string::npos, error.what());
    }
}


}  // namespace

class TestBundle : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundTripGivesIdenticalLogits_data() {
        QTest::addColumn<QString>("type");
        QTest::newRow("textcnn") << "textcnn";
        QTest::newRow("bilstm") << "bilstm";
        QTest::newRow("transformer") << "transformer";
    }

    void roundTripGivesIdenticalLogits() {
        QFETCH(QString, type);
        QTemporaryDir root;
        const SavedBundle saved = saveSample(root, type.toStdString());
        const ModelBundle bundle = loadModelBundle(saved.dir);

        QVERIFY(!bundle.model->is_training());
        QVERIFY(torch::equal(logitsOf(*saved.model, sampleVocabulary()),
                             logitsOf(*bundle.model, bundle.encoder.vocabulary())));
        QCOMPARE(bundle.labels.names(), sampleLabels().names());
        QCOMPARE(bundle.encoder.vocabulary().size(), sampleVocabulary().size());
        QCOMPARE(bundle.encoder.vocabulary().token(5), sampleVocabulary().token(5));
        QCOMPARE(bundle.maxLength, 12);
        QVERIFY(bundle.encoder.lowercase());
        QCOMPARE(bundle.modelConfig.type, type.toStdString());
        QCOMPARE(bundle.modelConfig.kernelSizes, (std::vector<int>{1, 2}));
        QCOMPARE(bundle.modelConfig.dropout, 0.2);

        // The files as other tools see them.
        const nlohmann::json config = nlohmann::json::parse(readFile(saved.dir + "/config.json"));
        QCOMPARE(config.at("format").get<std::string>(), std::string("uegr-model"));
        QCOMPARE(config.at("num_labels").get<int>(), 2);
        QCOMPARE(config.at("model").at("embedding_dim").get<int>(), 8);
        QCOMPARE(nlohmann::json::parse(readFile(saved.dir + "/labels.json")),
                 nlohmann::json::parse(R"(["neg", "pos"])"));
        const SafetensorsContent weights = readSafetensors(saved.dir + "/model.safetensors");
        QCOMPARE(weights.metadata.at("format"), std::string("pt"));
        QCOMPARE(weights.tensors.size(), saved.model->named_parameters().size());
        for (const auto& item : saved.model->named_parameters()) {
            const torch::Tensor& stored = weights.tensors.at(item.key());
            QVERIFY(stored.scalar_type() == torch::kFloat32);
            QVERIFY(torch::equal(stored, item.value()));
        }
    }

    void corruptOrMissingWeightsNameTheFile() {
        QTemporaryDir root;
        const SavedBundle saved = saveSample(root, "textcnn");
        const std::string weights = saved.dir + "/model.safetensors";
        const std::string original = readFile(weights);

        writeFileAtomically(weights, original.substr(0, original.size() / 2));
        expectLoadError(saved.dir, "model.safetensors", "");
        writeFileAtomically(weights, std::string(64, '\x7f'));
        expectLoadError(saved.dir, "model.safetensors", "100 MB");
        std::filesystem::remove(weights);
        expectLoadError(saved.dir, "model.safetensors", "cannot open");
    }

    void mismatchedTensorsAreListed() {
        QTemporaryDir root;
        const SavedBundle saved = saveSample(root, "textcnn");
        const std::string weights = saved.dir + "/model.safetensors";
        std::map<std::string, torch::Tensor> tensors = readSafetensors(weights).tensors;
        tensors.erase("conv1.bias");
        tensors["extra.weight"] = torch::zeros({2});
        tensors["head.weight"] = torch::zeros({2, 7});
        writeSafetensors(weights, tensors);
        expectLoadError(saved.dir, "model.safetensors", "missing: conv1.bias");
        expectLoadError(saved.dir, "model.safetensors", "unexpected: extra.weight");
        expectLoadError(saved.dir, "model.safetensors", "wrong shape or type: head.weight");
    }

    void inconsistentFilesAreReported() {
        QTemporaryDir root;
        const SavedBundle saved = saveSample(root, "textcnn");
        writeFileAtomically(saved.dir + "/labels.json", R"(["neg", "pos", "neutral"])");
        expectLoadError(saved.dir, "labels.json", "num_labels 2");
        writeFileAtomically(saved.dir + "/labels.json", R"(["neg", "pos"])");
        nlohmann::json config = nlohmann::json::parse(readFile(saved.dir + "/config.json"));
        config["model"]["num_filters"] = "many";
        writeFileAtomically(saved.dir + "/config.json", config.dump());
        expectLoadError(saved.dir, "config.json", "model.num_filters must be an integer");
        config["model"]["num_filters"] = 5;
        writeFileAtomically(saved.dir + "/config.json", config.dump());
        expectLoadError(saved.dir, "model.safetensors", "wrong shape or type: conv0.bias");
        writeFileAtomically(saved.dir + "/config.json", "{ not json");
        expectLoadError(saved.dir, "config.json", "invalid JSON");
    }

    void predictorMatchesTheModel() {
        QTemporaryDir root;
        saveSample(root, "transformer");
        const ModelBundle bundle = loadModelBundle(root.filePath("transformer").toStdString());
        std::vector<std::string> texts;
        for (const auto& row : kRows) texts.push_back(row.first);
        const std::vector<Prediction> predictions = predictTexts(bundle, texts, 4);
        const torch::Tensor logits = logitsOf(*bundle.model, bundle.encoder.vocabulary());
        QCOMPARE(predictions.size(), texts.size());
        for (std::size_t i = 0; i < texts.size(); ++i) {
            const Prediction& prediction = predictions[i];
            QCOMPARE(prediction.probabilities.size(), std::size_t{2});
            QVERIFY(std::abs(prediction.probabilities[0] + prediction.probabilities[1] - 1.0) < 1e-9);
            for (int k = 0; k < 2; ++k)
                QVERIFY(std::abs(prediction.logits[static_cast<std::size_t>(k)] -
                                 logits[static_cast<std::int64_t>(i)][k].item<double>()) < 1e-5);
            QCOMPARE(prediction.label, prediction.logits[1] > prediction.logits[0] ? 1 : 0);
        }
    }

    void evalCommandPrintsMetrics() {
        QTemporaryDir root;
        const SavedBundle saved = saveSample(root, "bilstm");
        std::string csv = "text,label\n";
        for (const auto& [text, label] : kRows) csv += "\"" + text + "\"," + label + "\n";
        const std::string dataPath = root.filePath("eval.csv").toStdString();
        writeFileAtomically(dataPath, csv);

        const CliResult result =
            runCli({"eval", "--model", QString::fromStdString(saved.dir), "--data",
                    QString::fromStdString(dataPath), "--device", "cpu", "--batch-size", "4"});
        QVERIFY2(result.exitCode == 0, result.err.constData());
        const nlohmann::json metrics = nlohmann::json::parse(result.out.toStdString());
        const EncodedDataset encoded(sampleDataset(sampleLabels()), TextEncoder::words(sampleVocabulary(), true), 12);
        const EvaluationResult expected = evaluate(*saved.model, encoded, 4, torch::kCPU);
        QCOMPARE(metrics.at("examples").get<std::size_t>(), kRows.size());
        QCOMPARE(metrics.at("accuracy").get<double>(), expected.accuracy);
        QCOMPARE(metrics.at("macro_f1").get<double>(), expected.macroF1);
        QCOMPARE(metrics.at("mcc").get<double>(), expected.mcc);
        QVERIFY(std::abs(metrics.at("loss").get<double>() - expected.loss) < 1e-6);
        QCOMPARE(metrics.at("labels"), nlohmann::json(sampleLabels().names()));
        QCOMPARE(metrics.at("confusion"), nlohmann::json(expected.confusion.counts));
        const std::vector<ClassScores> scores = perClassScores(expected.confusion);
        QCOMPARE(metrics.at("per_class").size(), scores.size());
        for (std::size_t k = 0; k < scores.size(); ++k) {
            const nlohmann::json& row = metrics.at("per_class").at(k);
            QCOMPARE(row.at("label").get<std::string>(), sampleLabels().name(static_cast<int>(k)));
            QCOMPARE(row.at("precision").get<double>(), scores[k].precision);
            QCOMPARE(row.at("recall").get<double>(), scores[k].recall);
            QCOMPARE(row.at("f1").get<double>(), scores[k].f1);
            QCOMPARE(row.at("support").get<std::int64_t>(), scores[k].support);
        }

        writeFileAtomically(dataPath, "text,label\ngood,pos\nfine,neutral\n");
        const CliResult unknown = runCli({"eval", "--model", QString::fromStdString(saved.dir), "--data",
                                              QString::fromStdString(dataPath), "--device", "cpu"});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err.contains("eval.csv:3:") && unknown.err.contains("\"neutral\""),
                 unknown.err.constData());

        const CliResult missing = runCli({"eval", "--model", root.filePath("nowhere"), "--data",
                                              QString::fromStdString(dataPath), "--device", "cpu"});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY2(missing.err.contains("nowhere"), missing.err.constData());
    }

    // A model trained on a "sentence" column reads its test file the same way without being told.
    void evalAndAttackReadTheColumnsTheModelWasTrainedOn() {
        QTemporaryDir root;
        torch::manual_seed(3);
        const TextClassifier model = createModel(smallConfig("textcnn"), sampleVocabulary().size(), 2, 12);
        const std::string dir = root.filePath("model").toStdString();
        const ColumnMapping columns{{"sentence", -1}, {}, {"", 2}};
        saveModelBundle(dir, *model, smallConfig("textcnn"), TextEncoder::words(sampleVocabulary(), true),
                        sampleLabels(), 12, columns);
        const ModelBundle loaded = loadModelBundle(dir);
        QCOMPARE(QString::fromStdString(loaded.columns.text.name), QStringLiteral("sentence"));
        QVERIFY(loaded.columns.pair.empty());
        QCOMPARE(loaded.columns.label.index, 2);

        std::string csv = "id,sentence,sentiment\n";
        for (std::size_t i = 0; i < kRows.size(); ++i)
            csv += std::to_string(i) + ",\"" + kRows[i].first + "\"," + kRows[i].second + "\n";
        const QString data = root.filePath("test.csv");
        writeFileAtomically(data.toStdString(), csv);
        const QString modelDir = QString::fromStdString(dir);
        const CliResult eval = runCli({"eval", "--model", modelDir, "--data", data, "--device", "cpu"});
        QVERIFY2(eval.exitCode == 0, eval.err.constData());
        QCOMPARE(nlohmann::json::parse(eval.out.toStdString()).at("examples").get<std::size_t>(),
                 kRows.size());
        const CliResult attack = runCli({"attack", "--model", modelDir, "--data", data, "--attack",
                                         "charswap", "--limit", "2", "--device", "cpu"});
        QVERIFY2(attack.exitCode == 0, attack.err.constData());

        // An explicit column still wins, and the error names it.
        const CliResult told =
            runCli({"eval", "--model", modelDir, "--data", data, "--text-column", "text", "--device", "cpu"});
        QCOMPARE(told.exitCode, 2);
        QVERIFY2(told.err.contains("'text'"), told.err.constData());

        // Bundles saved before the columns were recorded read text and label.
        nlohmann::json config = nlohmann::json::parse(readFile(dir + "/config.json"));
        config.erase("columns");
        writeFileAtomically(dir + "/config.json", config.dump());
        QCOMPARE(QString::fromStdString(loadModelBundle(dir).columns.text.name), QStringLiteral("text"));
        config["columns"] = {{"text", 1.5}};
        writeFileAtomically(dir + "/config.json", config.dump());
        expectLoadError(dir, "config.json", "columns.text must be a column name");
    }

    void predictCommandPrintsOneLinePerInput() {
        QTemporaryDir root;
        const SavedBundle saved = saveSample(root, "textcnn");
        const CliResult result =
            runCli({"predict", "--model", QString::fromStdString(saved.dir), "--logits", "--device", "cpu"},
                   "a good movie\n\nterrible acting\r\n");
        QVERIFY2(result.exitCode == 0, result.err.constData());
        const QList<QByteArray> lines = result.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 3);

        const ModelBundle bundle = loadModelBundle(saved.dir);
        const std::vector<Prediction> expected = predictTexts(bundle, {"a good movie", "terrible acting"});
        for (int index : {0, 2}) {
            const nlohmann::json line = nlohmann::json::parse(lines[index].toStdString());
            const Prediction& prediction = expected[index == 0 ? 0 : 1];
            QCOMPARE(line.at("label").get<std::string>(), bundle.labels.name(prediction.label));
            QVERIFY(std::abs(line.at("probabilities").at("neg").get<double>() - prediction.probabilities[0]) <
                    1e-9);
            QVERIFY(std::abs(line.at("probabilities").at("pos").get<double>() - prediction.probabilities[1]) <
                    1e-9);
            QCOMPARE(line.at("logits").size(), std::size_t{2});
        }
        const nlohmann::json blank = nlohmann::json::parse(lines[1].toStdString());
        QCOMPARE(blank.at("error").get<std::string>(), std::string("empty line"));
        QCOMPARE(blank.at("line").get<int>(), 2);

        const CliResult plain =
            runCli({"predict", "--model", QString::fromStdString(saved.dir), "--device", "cpu"}, "good\n");
        QCOMPARE(plain.exitCode, 0);
        QVERIFY(!nlohmann::json::parse(plain.out.toStdString()).contains("logits"));
    }
};

QTEST_GUILESS_MAIN(TestBundle)
#include "test_bundle.moc"
