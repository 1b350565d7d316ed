// Corrupt or incomplete models are refused, never used: NaN / infinite weights, a byte changed
// in a tensor (the checksums of model.safetensors), a Hugging Face folder without weights or
// lacking a tensor (unless --allow-missing-weights), while files of other tools, without
// checksums, still load and a base checkpoint's missing head is fine when fine-tuning.
#include <QtTest/QtTest>

#include <torch/torch.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <random>

#include "../support/cli_runner.h"
#include "io/safetensors.h"
#include "model/hf_classifier.h"
#include "model/model_bundle.h"
#include "model/predictor.h"
#include "model/pretrained_model.h"
#include "rejection_checks.h"
#include "text/subword_tokenizer.h"
#include "tiny_bundle.h"
#include "util/atomic_file.h"
#include "util/error.h"

using namespace uegr;
using uegr::testing::CliResult;
using uegr::testing::runCli;
using uegr::testing::saveTextCnnBundle;
namespace fs = std::filesystem;

namespace {

const std::string kBaseBert = UEGR_TEST_DATA_DIR "/hf_pipeline/tiny-bert";  // config and vocabulary only
const QByteArray kTexts = "a good movie\nbad plot\n";

// A fine-tuned-looking Hugging Face folder: the base BERT fixture with weights and a 2-label head.
std::string saveBertFolder(const QTemporaryDir& root) {
    torch::manual_seed(5);
    TextClassifier model = loadHfClassifier(kBaseBert, 2, -1.0, nullptr);
    const std::string dir = root.filePath("bert").toStdString();
    exportHfClassifier(*model, kBaseBert, {"neg", "pos"}, loadSubwordTokenizer(kBaseBert)->files(), dir);
    return dir;
}

void rewriteWeights(const std::string& file,
                    const std::function<void(std::map<std::string, torch::Tensor>&)>& edit) {
    std::map<std::string, torch::Tensor> tensors = readSafetensors(file).tensors;
    edit(tensors);
    writeSafetensors(file, tensors);
}

// The same file as other tools write it: the header without our checksums.
std::string withoutChecksums(const std::string& bytes) {
    std::uint64_t headerBytes = 0;
    for (int i = 7; i >= 0; --i) headerBytes = (headerBytes << 8) | static_cast<unsigned char>(bytes[i]);
    nlohmann::json header = nlohmann::json::parse(bytes.substr(8, headerBytes));
    header.erase("__metadata__");
    std::string text = header.dump();
    text.append((8 - text.size() % 8) % 8, ' ');
    std::string out;
    for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((text.size() >> (8 * i)) & 0xff));
    return out + text + bytes.substr(8 + headerBytes);
}

torch::Tensor logitsOf(const ModelBundle& bundle) {
    std::vector<torch::Tensor> rows;
    for (const Prediction& prediction : predictTexts(bundle, {"a good movie", "bad plot"}))
        rows.push_back(torch::tensor(prediction.logits));
    return torch::stack(rows);
}

std::string firstTensorName(const std::string& file) {
    return readSafetensors(file).tensors.begin()->first;
}

}  // namespace

class TestModelIntegrity : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void nonFiniteWeightsAreRefused_data() {
        QTest::addColumn<float>("value");
        QTest::addColumn<QString>("command");
        QTest::newRow("NaN, predict") << std::numeric_limits<float>::quiet_NaN() << "predict";
        QTest::newRow("inf, eval") << std::numeric_limits<float>::infinity() << "eval";
    }

    void nonFiniteWeightsAreRefused() {
        QFETCH(float, value);
        QFETCH(QString, command);
        QTemporaryDir root;
        const std::string dir = saveTextCnnBundle(root);
        const std::string weights = dir + "/model.safetensors";
        rewriteWeights(weights, [value](auto& tensors) { tensors.at("head.weight").view(-1)[0] = value; });
        const QString data = root.filePath("data.csv");
        writeFileAtomically(data.toStdString(), "text,label\na good movie,pos\nbad plot,neg\n");

        QStringList arguments{command, "--model", QString::fromStdString(dir)};
        if (command == "eval") arguments << "--data" << data;
        const CliResult result = runCli(arguments, kTexts);
        UEGR_VERIFY_REJECTION(result, QString::fromStdString(weights), "\"head.weight\"",
                              std::isnan(value) ? "NaN" : "infinite");
        QVERIFY(result.out.isEmpty());
    }

    void aFlippedByteInATensorIsRefused() {
        QTemporaryDir root;
        const std::string dir = saveTextCnnBundle(root);
        const std::string weights = dir + "/model.safetensors";
        std::string bytes = readFile(weights);
        bytes.back() = static_cast<char>(bytes.back() ^ 0x01);  // the last tensor's lowest mantissa bit
        writeFileAtomically(weights, bytes);

        const CliResult result = runCli({"predict", "--model", QString::fromStdString(dir)}, kTexts);
        UEGR_VERIFY_REJECTION(result, QString::fromStdString(weights), "corrupt", "checksum");
    }

    // The QA measure: of 300 random byte changes, 31 changed predictions without an error.
    void randomByteChangesNeverPassSilently() {
        QTemporaryDir root;
        const std::string dir = saveTextCnnBundle(root);
        const std::string weights = dir + "/model.safetensors";
        const std::string original = readFile(weights);
        const torch::Tensor expected = logitsOf(loadModelBundle(dir));
        std::mt19937 random(11);
        std::uniform_int_distribution<std::size_t> position(0, original.size() - 1);
        std::uniform_int_distribution<int> flip(1, 255);
        int refused = 0;
        for (int trial = 0; trial < 300; ++trial) {
            std::string bytes = original;
            const std::size_t at = position(random);
            bytes[at] = static_cast<char>(bytes[at] ^ flip(random));
            writeFileAtomically(weights, bytes);
            try {
                const torch::Tensor logits = logitsOf(loadModelBundle(dir));
                QVERIFY2(torch::equal(logits, expected),
                         ("byte " + std::to_string(at) + " changed the model").c_str());
            } catch (const InputError& error) {
                QVERIFY2(error.file() == weights, error.what());
                ++refused;
            }
        }
        QVERIFY2(refused > 150, std::to_string(refused).c_str());  // the rest changed harmless header text
    }

    void filesOfOtherToolsLoadAndAreStillCheckedForFiniteValues() {
        QTemporaryDir root;
        const std::string dir = saveTextCnnBundle(root);
        const std::string weights = dir + "/model.safetensors";
        const torch::Tensor expected = logitsOf(loadModelBundle(dir));
        writeFileAtomically(weights, withoutChecksums(readFile(weights)));
        QVERIFY(torch::equal(logitsOf(loadModelBundle(dir)), expected));

        rewriteWeights(weights, [](auto& tensors) {
            tensors.at("embeddings.weight").view(-1)[3] = std::numeric_limits<float>::quiet_NaN();
        });
        writeFileAtomically(weights, withoutChecksums(readFile(weights)));
        try {
            loadModelBundle(dir);
            QFAIL("loaded NaN weights from a file without checksums");
        } catch (const InputError& error) {
            QVERIFY2(std::string(error.what()).find("\"embeddings.weight\" holds NaN") != std::string::npos,
                     error.what());
        }
    }

    void checksumsAreStringMetadataForEveryTensor() {
        QTemporaryDir root;
        const std::string weights = saveTextCnnBundle(root) + "/model.safetensors";
        const std::string bytes = readFile(weights);
        std::uint64_t headerBytes = 0;
        for (int i = 7; i >= 0; --i) headerBytes = (headerBytes << 8) | static_cast<unsigned char>(bytes[i]);
        const nlohmann::json header = nlohmann::json::parse(bytes.substr(8, headerBytes));
        const nlohmann::json& metadata = header.at("__metadata__");
        for (const auto& [key, value] : metadata.items()) QVERIFY2(value.is_string(), key.c_str());
        for (const auto& [name, entry] : header.items()) {
            if (name == "__metadata__") continue;
            const std::string checksum = metadata.value("uegr_crc32:" + name, "");
            QVERIFY2(checksum.size() == 8, name.c_str());
        }
        QVERIFY(readSafetensors(weights).metadata.count("uegr_crc32:" + firstTensorName(weights)) == 0);
    }

    void huggingFaceFolderWithoutWeightsIsRefusedUnlessAllowed() {
        const CliResult refused = runCli({"predict", "--model", QString::fromStdString(kBaseBert)}, kTexts);
        UEGR_VERIFY_REJECTION(refused, QString::fromStdString(kBaseBert), "no model.safetensors",
                              "--allow-missing-weights");

        const CliResult allowed = runCli(
            {"predict", "--model", QString::fromStdString(kBaseBert), "--allow-missing-weights"}, kTexts);
        QVERIFY2(allowed.exitCode == 0, allowed.err.constData());
        QVERIFY2(allowed.err.contains("warning: ") && allowed.err.contains("every weight is random"),
                 allowed.err.constData());
        QCOMPARE(allowed.out.count('\n'), 2);
    }

    void huggingFaceFolderLackingATensorIsRefusedUnlessAllowed() {
        QTemporaryDir root;
        const std::string dir = saveBertFolder(root);
        const std::string weights = dir + "/model.safetensors";
        const std::string removed = "bert.encoder.layer.1.output.dense.weight";
        rewriteWeights(weights, [&removed](auto& tensors) { tensors.erase(removed); });

        const CliResult refused = runCli({"predict", "--model", QString::fromStdString(dir)}, kTexts);
        UEGR_VERIFY_REJECTION(refused, QString::fromStdString(weights), QString::fromStdString(removed));

        const CliResult allowed =
            runCli({"predict", "--model", QString::fromStdString(dir), "--allow-missing-weights"}, kTexts);
        QVERIFY2(allowed.exitCode == 0, allowed.err.constData());
        QVERIFY2(allowed.err.contains(removed.c_str()), allowed.err.constData());
    }

    void huggingFaceConfigWithAnExtraLayerIsRefused() {
        QTemporaryDir root;
        const std::string dir = saveBertFolder(root);
        nlohmann::json config = nlohmann::json::parse(readFile(dir + "/config.json"));
        config["num_hidden_layers"] = 3;
        writeFileAtomically(dir + "/config.json", config.dump());
        const CliResult result = runCli({"predict", "--model", QString::fromStdString(dir)}, kTexts);
        UEGR_VERIFY_REJECTION(result, QString::fromStdString(dir + "/model.safetensors"), "layer.2");
    }

    void fineTuningABaseCheckpointStartsANewHeadWithAnInfoLine() {
        QTemporaryDir root;
        const std::string dir = saveBertFolder(root);
        rewriteWeights(dir + "/model.safetensors", [](auto& tensors) {
            tensors.erase("classifier.weight");
            tensors.erase("classifier.bias");
        });
        ModelConfig config;
        config.type = "hf";
        config.path = dir;
        const PretrainedModel pretrained = loadPretrainedModel(config, 3, 16);
        bool sawHead = false;
        for (const std::string& note : pretrained.notes) {
            QVERIFY2(note.rfind("warning:", 0) != 0, note.c_str());
            sawHead = sawHead || note.find("classifier head initialised for 3 labels") != std::string::npos;
        }
        QVERIFY(sawHead);

        // Predicting with that head would be random: not fine-tuning, so it is missing.
        const CliResult result = runCli({"predict", "--model", QString::fromStdString(dir)}, kTexts);
        UEGR_VERIFY_REJECTION(result, "classifier.weight");
    }

    void trainingFromAFolderWithoutWeightsNeedsTheConfigKey() {
        ModelConfig config;
        config.type = "hf";
        config.path = kBaseBert;
        QVERIFY_THROWS_EXCEPTION(InputError, loadPretrainedModel(config, 2, 16));
        config.allowMissingWeights = true;
        const PretrainedModel pretrained = loadPretrainedModel(config, 2, 16);
        QVERIFY(pretrained.model);
    }
};

QTEST_GUILESS_MAIN(TestModelIntegrity)
#include "test_model_integrity.moc"
