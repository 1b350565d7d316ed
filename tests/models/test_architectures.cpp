// The three from-scratch architectures against the TextClassifier contract: shapes, dropout
// sites, the parameter-layer partition, padding invariance, per-site dropout and the
// parameter naming the mask exemption relies on.
#include <QtTest/QtTest>

#include <torch/torch.h>

#include <set>

#include "model/text_classifier.h"
#include "util/error.h"

using namespace uegr;

namespace {

constexpr std::int64_t kVocab = 30;
constexpr int kLabels = 3;
constexpr int kMaxLength = 16;

ModelConfig smallConfig(const std::string& type) {
    ModelConfig config;
    config.type = type;
    config.embeddingDim = 8;
    config.hiddenDim = 8;
    config.numLayers = 2;
    config.numHeads = 2;
    config.ffDim = 16;
    config.kernelSizes = {2, 3};
    config.numFilters = 4;
    config.dropout = 0.1;
    return config;
}

TextClassifier makeModel(const std::string& type) {
    torch::manual_seed(7);
    return createModel(smallConfig(type), kVocab, kLabels, kMaxLength);
}

// Two sequences of lengths 5 and 3, padded to 5.
std::pair<torch::Tensor, torch::Tensor> sampleBatch() {
    const torch::Tensor ids = torch::tensor({{4, 9, 3, 17, 5}, {8, 21, 6, 0, 0}}, torch::kInt64);
    return {ids, ids != 0};
}

// The exemption convention: a parameter is exempt when one of its dot-separated name
// components contains one of the words (as the trainer's mask applies it).
bool isExempt(const std::string& name) {
    static const std::vector<std::string> words{"embeddings", "bias", "norm", "head"};
    std::size_t start = 0;
    while (start <= name.size()) {
        const std::size_t end = std::min(name.find('.', start), name.size());
        const std::string component = name.substr(start, end - start);
        for (const std::string& word : words)
            if (component.find(word) != std::string::npos) return true;
        start = end + 1;
    }
    return false;
}

std::set<std::string> parameterNames(const TextClassifierImpl& model) {
    std::set<std::string> names;
    for (const auto& item : model.named_parameters()) names.insert(item.key());
    return names;
}

std::vector<double> ratesWith(std::size_t sites, std::size_t index, double rate) {
    std::vector<double> rates(sites, 0.0);
    rates[index] = rate;
    return rates;
}

}  // namespace

class TestArchitectures : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void contract_data() {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QStringList>("sites");
        QTest::newRow("textcnn") << "textcnn" << QStringList{"conv0", "conv1", "classifier"};
        QTest::newRow("bilstm") << "bilstm" << QStringList{"lstm0", "lstm1", "classifier"};
        QTest::newRow("transformer") << "transformer" << QStringList{"block0", "block1", "classifier"};
    }

    void contract() {
        QFETCH(QString, type);
        QFETCH(QStringList, sites);
        TextClassifier model = makeModel(type.toStdString());
        const auto [ids, mask] = sampleBatch();

        const torch::Tensor embedded = model->embed(ids);
        QCOMPARE(embedded.sizes().vec(), (std::vector<std::int64_t>{2, 5, 8}));
        model->eval();
        const torch::Tensor logits = model->forward(ids, mask);
        QCOMPARE(logits.sizes().vec(), (std::vector<std::int64_t>{2, kLabels}));
        QVERIFY(torch::isfinite(logits).all().item<bool>());

        // Dropout sites, in order, each driven by an existing parameter layer.
        const std::vector<DropoutSite> actualSites = model->dropoutSites();
        QCOMPARE(static_cast<int>(actualSites.size()), sites.size());
        std::set<std::string> layerNames;
        for (const ParameterLayer& layer : model->parameterLayers())
            QVERIFY(layerNames.insert(layer.name).second);
        for (std::size_t i = 0; i < actualSites.size(); ++i) {
            QCOMPARE(QString::fromStdString(actualSites[i].name), sites[static_cast<int>(i)]);
            QVERIFY2(layerNames.count(actualSites[i].layer) == 1, actualSites[i].layer.c_str());
        }
        QCOMPARE(actualSites.back().layer, std::string("head"));
        QCOMPARE(model->defaultDropoutRates(), std::vector<double>(actualSites.size(), 0.1));
        QVERIFY(layerNames.count("embeddings") == 1 && layerNames.count("head") == 1);

        // Layers partition the parameters: each exactly once, nothing unknown.
        const std::set<std::string> names = parameterNames(*model);
        std::multiset<std::string> covered;
        for (const ParameterLayer& layer : model->parameterLayers()) {
            QVERIFY2(!layer.parameterNames.empty(), layer.name.c_str());
            covered.insert(layer.parameterNames.begin(), layer.parameterNames.end());
        }
        QCOMPARE(covered.size(), names.size());
        for (const std::string& name : names) QVERIFY2(covered.count(name) == 1, name.c_str());

        // Gradients reach the embeddings through forwardEmbedded (the adversary needs them).
        model->train();
        torch::Tensor perturbed = model->embed(ids).detach().requires_grad_(true);
        model->forwardEmbedded(perturbed, mask, model->defaultDropoutRates()).sum().backward();
        QVERIFY(perturbed.grad().defined());
        QVERIFY(perturbed.grad().abs().sum().item<double>() > 0.0);
        // ...but not from padding positions: they must not influence the output.
        QCOMPARE(perturbed.grad()[1].slice(0, 3).abs().sum().item<double>(), 0.0);
    }

    void paddingDoesNotChangeLogits_data() { contract_data(); }
    void paddingDoesNotChangeLogits() {
        QFETCH(QString, type);
        TextClassifier model = makeModel(type.toStdString());
        model->eval();
        const auto [ids, mask] = sampleBatch();
        const torch::Tensor logits = model->forward(ids, mask);

        const torch::Tensor morePadding = torch::cat({ids, torch::zeros({2, 4}, torch::kInt64)}, 1);
        const torch::Tensor padded = model->forward(morePadding, morePadding != 0);
        QVERIFY(torch::allclose(logits, padded, 1e-5, 1e-6));

        // Padding that holds arbitrary ids (masked out) changes nothing either.
        torch::Tensor garbage = morePadding.clone();
        garbage.slice(1, 5).fill_(13);
        QVERIFY(torch::allclose(logits, model->forward(garbage, morePadding != 0), 1e-5, 1e-6));

        // The short sequence alone, without any padding, matches its padded row.
        const torch::Tensor alone = ids.slice(0, 1, 2).slice(1, 0, 3);
        QVERIFY(torch::allclose(logits[1], model->forward(alone, alone != 0)[0], 1e-5, 1e-6));
    }

    void dropoutActsPerSiteOnlyInTraining_data() { contract_data(); }
    void dropoutActsPerSiteOnlyInTraining() {
        QFETCH(QString, type);
        TextClassifier model = makeModel(type.toStdString());
        const auto [ids, mask] = sampleBatch();
        const torch::Tensor embedded = model->embed(ids).detach();
        const std::size_t sites = model->dropoutSites().size();
        const std::vector<double> none(sites, 0.0);

        model->eval();
        const torch::Tensor reference = model->forwardEmbedded(embedded, mask, none);
        for (std::size_t site = 0; site < sites; ++site)
            QVERIFY(
                torch::equal(reference, model->forwardEmbedded(embedded, mask, ratesWith(sites, site, 0.5))));

        model->train();
        QVERIFY(torch::equal(reference, model->forwardEmbedded(embedded, mask, none)));
        for (std::size_t site = 0; site < sites; ++site) {
            torch::manual_seed(static_cast<std::uint64_t>(site));
            const torch::Tensor dropped = model->forwardEmbedded(embedded, mask, ratesWith(sites, site, 0.5));
            QVERIFY2(!torch::allclose(reference, dropped), model->dropoutSites()[site].name.c_str());
        }
        QVERIFY_THROWS_EXCEPTION(Error,
                                 model->forwardEmbedded(embedded, mask, std::vector<double>(sites + 1, 0.0)));
    }

    void exemptNamingConvention_data() {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QStringList>("eligible");
        QTest::newRow("textcnn") << "textcnn" << QStringList{"conv0.weight", "conv1.weight"};
        QStringList lstm;
        for (const char* layer : {"lstm0", "lstm1"})
            for (const char* direction : {"forward_lstm", "backward_lstm"})
                for (const char* weight : {"weight_ih_l0", "weight_hh_l0"})
                    lstm << QString("%1.%2.%3").arg(layer, direction, weight);
        QTest::newRow("bilstm") << "bilstm" << lstm;
        QStringList transformer;
        for (const char* block : {"block0", "block1"}) {
            for (const char* part : {"attention.query", "attention.key", "attention.value",
                                     "attention.output", "feed_forward_in", "feed_forward_out"})
                transformer << QString("%1.%2.weight").arg(block, part);
        }
        QTest::newRow("transformer") << "transformer" << transformer;
    }

    // Exactly the encoder's weight matrices and kernels are eligible for the mask; the word
    // embeddings, position embeddings, biases, norms and head are exempt by name.
    void exemptNamingConvention() {
        QFETCH(QString, type);
        QFETCH(QStringList, eligible);
        TextClassifier model = makeModel(type.toStdString());
        const std::set<std::string> names = parameterNames(*model);
        QVERIFY(names.count("embeddings.weight") == 1);
        QVERIFY(names.count("head.weight") == 1 && names.count("head.bias") == 1);
        if (type == "transformer") {
            QVERIFY(names.count("position_embeddings.weight") == 1);
            QVERIFY(names.count("embedding_norm.weight") == 1 && names.count("final_norm.weight") == 1);
        }
        std::set<std::string> actual;
        for (const std::string& name : names)
            if (!isExempt(name)) actual.insert(name);
        std::set<std::string> expected;
        for (const QString& name : eligible) expected.insert(name.toStdString());
        QCOMPARE(actual, expected);
    }

    void transformerProjectsWhenWidthsDiffer() {
        ModelConfig config = smallConfig("transformer");
        config.embeddingDim = 6;
        TextClassifier model = createModel(config, kVocab, kLabels, kMaxLength);
        const auto layers = model->parameterLayers();
        const std::vector<std::string>& embeddingLayer = layers.front().parameterNames;
        QCOMPARE(layers.front().name, std::string("embeddings"));
        QVERIFY(std::count(embeddingLayer.begin(), embeddingLayer.end(), "input_projection.weight") == 1);
        model->eval();
        const auto [ids, mask] = sampleBatch();
        QCOMPARE(model->forward(ids, mask).sizes().vec(), (std::vector<std::int64_t>{2, kLabels}));
        // Longer than the position table: a clear error, not an index crash.
        const torch::Tensor tooLong = torch::ones({1, kMaxLength + 1}, torch::kInt64);
        QVERIFY_THROWS_EXCEPTION(Error, model->forward(tooLong, tooLong != 0));
    }

    void rowWithoutTokensStaysFinite_data() { contract_data(); }
    void rowWithoutTokensStaysFinite() {
        QFETCH(QString, type);
        TextClassifier model = makeModel(type.toStdString());
        model->eval();
        const torch::Tensor ids = torch::tensor({{4, 5, 6}, {0, 0, 0}}, torch::kInt64);
        QVERIFY(torch::isfinite(model->forward(ids, ids != 0)).all().item<bool>());
    }

    void createModelRejectsBadConfigs() {
        ModelConfig hf;
        hf.type = "hf";
        try {
            createModel(hf, kVocab, kLabels, kMaxLength);
            QFAIL("hf accepted");
        } catch (const ConfigError&) {
            QFAIL("hf is not a config mistake");
        } catch (const Error& error) {
            // A pretrained folder has its own loader (loadPretrainedModel); createModel builds from scratch.
            QVERIFY(std::string(error.what()).find("loadPretrainedModel") != std::string::npos);
        }
        ModelConfig unknown;
        unknown.type = "gru";
        QVERIFY_THROWS_EXCEPTION(ConfigError, createModel(unknown, kVocab, kLabels, kMaxLength));
        ModelConfig heads = smallConfig("transformer");
        heads.numHeads = 3;
        try {
            createModel(heads, kVocab, kLabels, kMaxLength);
            QFAIL("heads not dividing the width accepted");
        } catch (const ConfigError& error) {
            QCOMPARE(error.key(), std::string("model.num_heads"));
        }
        ModelConfig kernels = smallConfig("textcnn");
        kernels.kernelSizes = {};
        QVERIFY_THROWS_EXCEPTION(ConfigError, createModel(kernels, kVocab, kLabels, kMaxLength));
    }
};

QTEST_GUILESS_MAIN(TestArchitectures)
#include "test_architectures.moc"
