// Pretrained Hugging Face encoders: tiny random BERT, RoBERTa and ALBERT folders written by the
// test (config.json + model.safetensors with transformers' parameter names, listed here by
// hand), loaded through loadHfClassifier and checked against a forward pass written out below
// from the raw weight tensors; export round trip, name variants, missing/unexpected weights,
// head re-initialisation, dropout sites, parameter layers and config.json errors.
#include <QtTest/QtTest>

#include <torch/torch.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <map>
#include <set>

#include "io/safetensors.h"
#include "model/hf_classifier.h"
#include "util/atomic_file.h"
#include "util/error.h"

using namespace uegr;
namespace fs = std::filesystem;

namespace {

using Weights = std::map<std::string, torch::Tensor>;

constexpr std::int64_t kVocab = 50, kHidden = 32, kHeads = 4, kIntermediate = 64, kPositions = 40;
constexpr std::int64_t kAlbertEmbedding = 16, kLayers = 2;
constexpr int kLabels = 3;
constexpr std::int64_t kSeparator = 3;  // [SEP] in the BERT vocab.txt below and ALBERT's conventional id

std::int64_t padId(const std::string& type) {
    return type == "roberta" ? 1 : 0;
}
std::int64_t embeddingWidth(const std::string& type) {
    return type == "albert" ? kAlbertEmbedding : kHidden;
}

nlohmann::json tinyConfig(const std::string& type) {
    nlohmann::json config{{"model_type", type},
                          {"vocab_size", kVocab},
                          {"hidden_size", kHidden},
                          {"num_hidden_layers", kLayers},
                          {"num_attention_heads", kHeads},
                          {"intermediate_size", kIntermediate},
                          {"max_position_embeddings", kPositions},
                          {"type_vocab_size", type == "roberta" ? 1 : 2},
                          {"pad_token_id", padId(type)},
                          {"hidden_act", type == "albert" ? "gelu_new" : "gelu"},
                          {"layer_norm_eps", type == "roberta" ? 1e-5 : 1e-12},
                          {"hidden_dropout_prob", 0.15},
                          {"attention_probs_dropout_prob", 0.1},
                          {"initializer_range", 0.02},
                          {"id2label", {{"0", "neg"}, {"1", "neu"}, {"2", "pos"}}},
                          {"custom_key", "kept"}};
    if (type == "albert") config["embedding_size"] = kAlbertEmbedding;
    return config;
}

// The parameter names and shapes of transformers' ...ForSequenceClassification, written out.
std::map<std::string, std::vector<std::int64_t>> hfShapes(const std::string& type, int labels) {
    const std::string p = type + ".";
    const std::int64_t e = embeddingWidth(type), h = kHidden, i = kIntermediate;
    std::map<std::string, std::vector<std::int64_t>> shapes{
        {p + "embeddings.word_embeddings.weight", {kVocab, e}},
        {p + "embeddings.position_embeddings.weight", {kPositions, e}},
        {p + "embeddings.token_type_embeddings.weight", {type == "roberta" ? 1 : 2, e}},
        {p + "embeddings.LayerNorm.weight", {e}},
        {p + "embeddings.LayerNorm.bias", {e}}};
    const auto linear = [&](const std::string& name, std::int64_t in, std::int64_t out) {
        shapes[name + ".weight"] = {out, in};
        shapes[name + ".bias"] = {out};
    };
    const auto norm = [&](const std::string& name) {
        shapes[name + ".weight"] = {h};
        shapes[name + ".bias"] = {h};
    };
    if (type == "albert") {
        linear(p + "encoder.embedding_hidden_mapping_in", e, h);
        const std::string l = p + "encoder.albert_layer_groups.0.albert_layers.0.";
        for (const char* name : {"query", "key", "value", "dense"}) linear(l + "attention." + name, h, h);
        norm(l + "attention.LayerNorm");
        linear(l + "ffn", h, i);
        linear(l + "ffn_output", i, h);
        norm(l + "full_layer_layer_norm");
        linear(p + "pooler", h, h);
        linear("classifier", h, labels);
        return shapes;
    }
    for (int layer = 0; layer < kLayers; ++layer) {
        const std::string l = p + "encoder.layer." + std::to_string(layer) + ".";
        for (const char* name : {"query", "key", "value"}) linear(l + "attention.self." + name, h, h);
        linear(l + "attention.output.dense", h, h);
        norm(l + "attention.output.LayerNorm");
        linear(l + "intermediate.dense", h, i);
        linear(l + "output.dense", i, h);
        norm(l + "output.LayerNorm");
    }
    if (type == "roberta") {
        linear("classifier.dense", h, h);
        linear("classifier.out_proj", h, labels);
    } else {
        linear(p + "pooler.dense", h, h);
        linear("classifier", h, labels);
    }
    return shapes;
}

Weights randomWeights(const std::string& type, int labels, std::uint64_t seed) {
    torch::manual_seed(seed);
    Weights weights;
    for (const auto& [name, shape] : hfShapes(type, labels)) {
        const bool normWeight = name.find("LayerNorm.weight") != std::string::npos ||
                                name.find("layer_norm.weight") != std::string::npos;
        weights[name] = normWeight ? 1.0 + 0.1 * torch::randn(shape) : 0.3 * torch::randn(shape);
    }
    return weights;
}

void writeJson(const fs::path& path, const nlohmann::json& json) {
    writeFileAtomically(path.string(), json.dump(2));
}

// A model folder: config.json, model.safetensors and (BERT) a vocab.txt with [SEP] at kSeparator.
fs::path writeFolder(const fs::path& root, const std::string& name, const nlohmann::json& config,
                     const Weights& weights) {
    const fs::path folder = root / name;
    fs::create_directories(folder);
    writeJson(folder / "config.json", config);
    if (!weights.empty())
        writeSafetensors((folder / "model.safetensors").string(), weights, {{"format", "pt"}});
    std::string vocabulary = "[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\n";
    for (std::int64_t id = 5; id < kVocab; ++id) vocabulary += "tok" + std::to_string(id) + "\n";
    writeFileAtomically((folder / "vocab.txt").string(), vocabulary);
    return folder;
}

struct Batch {
    torch::Tensor ids, mask, typeIds;
};

// Row 0 is a sentence pair filling all 7 positions, row 1 a single sentence padded after 4.
Batch sampleBatch(const std::string& type) {
    if (type == "roberta") {  // <s> = 0, </s> = 2, <pad> = 1
        const torch::Tensor ids =
            torch::tensor({{0, 7, 8, 2, 2, 9, 2}, {0, 11, 12, 2, 1, 1, 1}}, torch::kInt64);
        return {ids, ids != 1, torch::zeros_like(ids)};
    }
    const torch::Tensor ids = torch::tensor({{2, 7, 8, 3, 9, 10, 3}, {2, 11, 12, 3, 0, 0, 0}}, torch::kInt64);
    const torch::Tensor types = torch::tensor({{0, 0, 0, 0, 1, 1, 1}, {0, 0, 0, 0, 0, 0, 0}}, torch::kInt64);
    return {ids, ids != 0, types};
}

// ---- The reference forward pass, from the raw tensors, with plain torch ops. ----

torch::Tensor linearOf(const Weights& w, const std::string& name, const torch::Tensor& x) {
    return torch::matmul(x, w.at(name + ".weight").t()) + w.at(name + ".bias");
}

torch::Tensor layerNormOf(const Weights& w, const std::string& name, const torch::Tensor& x, double eps) {
    const torch::Tensor mean = x.mean(-1, true);
    const torch::Tensor variance = (x - mean).pow(2).mean(-1, true);
    return (x - mean) / torch::sqrt(variance + eps) * w.at(name + ".weight") + w.at(name + ".bias");
}

torch::Tensor geluOf(const torch::Tensor& x, bool tanhForm) {
    if (tanhForm) return 0.5 * x * (1.0 + torch::tanh(std::sqrt(2.0 / M_PI) * (x + 0.044715 * x.pow(3))));
    return 0.5 * x * (1.0 + torch::erf(x / std::sqrt(2.0)));
}

torch::Tensor referenceAttention(const Weights& w, const std::string& q, const std::string& k,
                                 const std::string& v, const torch::Tensor& x, const torch::Tensor& mask) {
    const std::int64_t batch = x.size(0), steps = x.size(1), width = kHidden / kHeads;
    const auto heads = [&](const torch::Tensor& t) {
        return t.view({batch, steps, kHeads, width}).transpose(1, 2);
    };
    torch::Tensor scores =
        torch::matmul(heads(linearOf(w, q, x)), heads(linearOf(w, k, x)).transpose(2, 3)) / std::sqrt(8.0);
    scores = scores.masked_fill(mask.view({batch, 1, 1, steps}).logical_not(), -INFINITY);
    const torch::Tensor context = torch::matmul(torch::softmax(scores, -1), heads(linearOf(w, v, x)));
    return context.transpose(1, 2).reshape({batch, steps, kHidden});
}

torch::Tensor referenceLogits(const std::string& type, const Weights& w, const Batch& batch) {
    const nlohmann::json config = tinyConfig(type);
    const double eps = config["layer_norm_eps"].get<double>();
    const std::string p = type + ".";
    const std::int64_t rows = batch.ids.size(0), steps = batch.ids.size(1);
    torch::Tensor positions = torch::zeros({rows, steps}, torch::kInt64);
    for (std::int64_t r = 0; r < rows; ++r) {
        std::int64_t realSoFar = 0;
        for (std::int64_t t = 0; t < steps; ++t) {
            const bool real = batch.mask[r][t].item<bool>();
            realSoFar += real ? 1 : 0;
            // RoBERTa numbers real tokens from pad + 1 and gives padding the pad position.
            positions[r][t] = type == "roberta" ? (real ? padId(type) + realSoFar : padId(type)) : t;
        }
    }
    const auto lookup = [&](const std::string& table, const torch::Tensor& ids) {
        return w.at(p + "embeddings." + table + ".weight")
            .index_select(0, ids.flatten())
            .view({rows, steps, -1});
    };
    torch::Tensor x = lookup("word_embeddings", batch.ids) + lookup("token_type_embeddings", batch.typeIds) +
                      lookup("position_embeddings", positions);
    x = layerNormOf(w, p + "embeddings.LayerNorm", x, eps);
    if (type == "albert") x = linearOf(w, p + "encoder.embedding_hidden_mapping_in", x);
    for (int layer = 0; layer < kLayers; ++layer) {
        if (type == "albert") {
            const std::string l = p + "encoder.albert_layer_groups.0.albert_layers.0.";  // every layer
            const torch::Tensor context = referenceAttention(w, l + "attention.query", l + "attention.key",
                                                             l + "attention.value", x, batch.mask);
            const torch::Tensor a = layerNormOf(w, l + "attention.LayerNorm",
                                                x + linearOf(w, l + "attention.dense", context), eps);
            const torch::Tensor f = linearOf(w, l + "ffn_output", geluOf(linearOf(w, l + "ffn", a), true));
            x = layerNormOf(w, l + "full_layer_layer_norm", a + f, eps);
            continue;
        }
        const std::string l = p + "encoder.layer." + std::to_string(layer) + ".";
        const torch::Tensor context =
            referenceAttention(w, l + "attention.self.query", l + "attention.self.key",
                               l + "attention.self.value", x, batch.mask);
        const torch::Tensor a = layerNormOf(w, l + "attention.output.LayerNorm",
                                            x + linearOf(w, l + "attention.output.dense", context), eps);
        const torch::Tensor f =
            linearOf(w, l + "output.dense", geluOf(linearOf(w, l + "intermediate.dense", a), false));
        x = layerNormOf(w, l + "output.LayerNorm", a + f, eps);
    }
    const torch::Tensor first = x.select(1, 0);
    if (type == "roberta")
        return linearOf(w, "classifier.out_proj", torch::tanh(linearOf(w, "classifier.dense", first)));
    const torch::Tensor pooled =
        torch::tanh(linearOf(w, type == "albert" ? p + "pooler" : p + "pooler.dense", first));
    return linearOf(w, "classifier", pooled);
}

double maxDifference(const torch::Tensor& a, const torch::Tensor& b) {
    return (a - b).abs().max().item<double>();
}

std::set<std::string> parameterNames(const TextClassifierImpl& model) {
    std::set<std::string> names;
    for (const auto& parameter : model.named_parameters()) names.insert(parameter.key());
    return names;
}

torch::Tensor parameter(const TextClassifierImpl& model, const std::string& name) {
    return model.named_parameters()[name];
}

torch::Tensor evalLogits(TextClassifierImpl& model, const Batch& batch) {
    model.eval();
    const torch::NoGradGuard noGrad;
    return model.forward(batch.ids, batch.mask);
}

InputError configErrorOf(const fs::path& folder) {
    try {
        readHfModelInfo(folder.string());
    } catch (const InputError& error) {
        return error;
    }
    throw std::runtime_error("readHfModelInfo accepted a malformed config.json");
}

}  // namespace

class TestHfModels : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    fs::path root() const { return dir_.path().toStdString(); }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        torch::set_num_threads(1);
    }

    void types_data() {
        QTest::addColumn<QString>("type");
        QTest::newRow("bert") << "bert";
        QTest::newRow("roberta") << "roberta";
        QTest::newRow("albert") << "albert";
    }

    // Every name of the transformers checkpoint finds its place, and the logits equal the
    // forward pass written out from the raw weights.
    void loadsAndMatchesReference_data() { types_data(); }
    void loadsAndMatchesReference() {
        QFETCH(QString, type);
        const std::string t = type.toStdString();
        const Weights weights = randomWeights(t, kLabels, 11);
        const fs::path folder = writeFolder(root(), "reference-" + t, tinyConfig(t), weights);
        HfLoadReport report;
        TextClassifier model = loadHfClassifier(folder.string(), kLabels, 0.1, &report);
        QVERIFY(report.missing.empty());
        QVERIFY(report.unexpected.empty());
        QVERIFY(!report.headInitialised);

        std::set<std::string> expected;
        for (const auto& [name, tensor] : weights) expected.insert(name);
        QCOMPARE(parameterNames(*model), expected);

        const Batch batch = sampleBatch(t);
        const torch::Tensor logits = evalLogits(*model, batch);
        QCOMPARE(logits.sizes().vec(), (std::vector<std::int64_t>{2, kLabels}));
        const torch::Tensor reference = referenceLogits(t, weights, batch);
        QVERIFY2(maxDifference(logits, reference) < 1e-5,
                 std::to_string(maxDifference(logits, reference)).c_str());
        // The logits are not trivially equal: the two rows differ.
        QVERIFY(maxDifference(logits[0], logits[1]) > 1e-3);
    }

    // The unpadded row alone gives the logits it has inside the padded batch (for RoBERTa this
    // depends on positions counted over real tokens only).
    void paddingDoesNotChangeLogits_data() { types_data(); }
    void paddingDoesNotChangeLogits() {
        QFETCH(QString, type);
        const std::string t = type.toStdString();
        const fs::path folder =
            writeFolder(root(), "padding-" + t, tinyConfig(t), randomWeights(t, kLabels, 12));
        TextClassifier model = loadHfClassifier(folder.string(), kLabels, 0.1, nullptr);
        const Batch batch = sampleBatch(t);
        const torch::Tensor batched = evalLogits(*model, batch);
        const Batch alone{batch.ids.slice(0, 1, 2).slice(1, 0, 4), batch.mask.slice(0, 1, 2).slice(1, 0, 4),
                          batch.typeIds.slice(0, 1, 2).slice(1, 0, 4)};
        QVERIFY(maxDifference(evalLogits(*model, alone)[0], batched[1]) < 1e-5);
        // Gradients reach the embeddings but not from padding positions.
        model->train();
        torch::Tensor embedded = model->embed(batch.ids).detach().requires_grad_(true);
        model->forwardEmbedded(embedded, batch.mask, std::vector<double>(model->dropoutSites().size(), 0.0))
            .sum()
            .backward();
        QVERIFY(embedded.grad()[1].slice(0, 0, 4).abs().sum().item<double>() > 0.0);
        QCOMPARE(embedded.grad()[1].slice(0, 4).abs().sum().item<double>(), 0.0);
    }

    // ALBERT holds one set of layer weights, applied num_hidden_layers times.
    void albertSharesOneLayer() {
        const fs::path folder =
            writeFolder(root(), "albert-sharing", tinyConfig("albert"), randomWeights("albert", kLabels, 13));
        TextClassifier model = loadHfClassifier(folder.string(), kLabels, 0.1, nullptr);
        int ffnWeights = 0;
        for (const std::string& name : parameterNames(*model)) {
            if (name.find("ffn.weight") != std::string::npos) ++ffnWeights;
            QVERIFY2(name.find("albert_layer_groups.1") == std::string::npos, name.c_str());
            QVERIFY2(name.find("albert_layers.1") == std::string::npos, name.c_str());
        }
        QCOMPARE(ffnWeights, 1);
        std::int64_t count = 0;
        for (const auto& parameter : model->parameters()) count += parameter.numel();
        // Embeddings (50 + 40 + 2) x 16 + norm, mapping 16 -> 32, one layer, pooler, classifier.
        const std::int64_t layer = 4 * (32 * 32 + 32) + 2 * 32 + (32 * 64 + 64) + (64 * 32 + 32) + 2 * 32;
        QCOMPARE(count, 92 * 16 + 2 * 16 + (16 * 32 + 32) + layer + (32 * 32 + 32) + (32 * 3 + 3));
        const std::vector<DropoutSite> sites = model->dropoutSites();
        QCOMPARE(sites.size(), std::size_t{6});
        QCOMPARE(sites[3].name, std::string("layer1.attention"));
        QCOMPARE(sites[3].layer, std::string("layer0"));
        QCOMPARE(sites[4].layer, std::string("layer0"));
    }

    // Sites per layer application, parameter layers partitioning the parameters, and the rates
    // acting only in training mode.
    void dropoutSitesAndParameterLayers_data() { types_data(); }
    void dropoutSitesAndParameterLayers() {
        QFETCH(QString, type);
        const std::string t = type.toStdString();
        const fs::path folder =
            writeFolder(root(), "sites-" + t, tinyConfig(t), randomWeights(t, kLabels, 14));
        TextClassifier model = loadHfClassifier(folder.string(), kLabels, -1.0, nullptr);
        const std::vector<std::string> expectedSites{"embeddings",       "layer0.attention", "layer0.hidden",
                                                     "layer1.attention", "layer1.hidden",    "classifier"};
        const std::vector<DropoutSite> sites = model->dropoutSites();
        QCOMPARE(sites.size(), expectedSites.size());
        std::vector<std::string> layerNames;
        for (const ParameterLayer& layer : model->parameterLayers()) layerNames.push_back(layer.name);
        const std::vector<std::string> expectedLayers =
            t == "albert" ? std::vector<std::string>{"embeddings", "layer0", "head"}
                          : std::vector<std::string>{"embeddings", "layer0", "layer1", "head"};
        QCOMPARE(layerNames, expectedLayers);
        for (std::size_t i = 0; i < sites.size(); ++i) {
            QCOMPARE(sites[i].name, expectedSites[i]);
            QVERIFY(std::find(layerNames.begin(), layerNames.end(), sites[i].layer) != layerNames.end());
        }
        QCOMPARE(sites.front().layer, std::string("embeddings"));
        QCOMPARE(sites.back().layer, std::string("head"));
        if (t != "albert") QCOMPARE(sites[3].layer, std::string("layer1"));
        // dropout < 0: the folder's hidden_dropout_prob.
        QCOMPARE(model->defaultDropoutRates(), std::vector<double>(sites.size(), 0.15));

        std::multiset<std::string> covered;
        for (const ParameterLayer& layer : model->parameterLayers()) {
            QVERIFY2(!layer.parameterNames.empty(), layer.name.c_str());
            covered.insert(layer.parameterNames.begin(), layer.parameterNames.end());
        }
        const std::set<std::string> names = parameterNames(*model);
        QCOMPARE(covered.size(), names.size());
        for (const std::string& name : names) QVERIFY2(covered.count(name) == 1, name.c_str());
        for (const ParameterLayer& layer : model->parameterLayers()) {
            for (const std::string& name : layer.parameterNames) {
                if (layer.name == "layer1")
                    QVERIFY2(name.find(".layer.1.") != std::string::npos, name.c_str());
                if (layer.name == "head")
                    QVERIFY2(name.find("classifier") == 0 || name.find("pooler") != std::string::npos,
                             name.c_str());
            }
        }

        const Batch batch = sampleBatch(t);
        const std::vector<double> none(sites.size(), 0.0);
        const torch::NoGradGuard noGrad;
        model->eval();
        const torch::Tensor evaluated = model->forwardEmbedded(model->embed(batch.ids), batch.mask, none);
        QCOMPARE(maxDifference(model->forwardEmbedded(model->embed(batch.ids), batch.mask,
                                                      std::vector<double>(sites.size(), 0.5)),
                               evaluated),
                 0.0);
        model->train();
        QVERIFY(maxDifference(model->forwardEmbedded(model->embed(batch.ids), batch.mask, none), evaluated) <
                1e-6);
        for (std::size_t i = 0; i < sites.size(); ++i) {
            std::vector<double> rates = none;
            rates[i] = 0.5;
            torch::manual_seed(static_cast<std::uint64_t>(i));
            const torch::Tensor dropped = model->forwardEmbedded(model->embed(batch.ids), batch.mask, rates);
            QVERIFY2(maxDifference(dropped, evaluated) > 1e-4, sites[i].name.c_str());
        }
        QVERIFY_EXCEPTION_THROWN(model->forwardEmbedded(model->embed(batch.ids), batch.mask, {0.1}), Error);
    }

    // Export writes a folder that loads back to the same logits, with transformers' config keys.
    void exportRoundTrip_data() { types_data(); }
    void exportRoundTrip() {
        QFETCH(QString, type);
        const std::string t = type.toStdString();
        const Weights weights = randomWeights(t, kLabels, 15);
        const fs::path source = writeFolder(root(), "export-src-" + t, tinyConfig(t), weights);
        TextClassifier model = loadHfClassifier(source.string(), kLabels, 0.1, nullptr);
        {  // a training step, so the export carries weights that differ from the source file
            model->train();
            const Batch batch = sampleBatch(t);
            torch::optim::SGD optimizer(model->parameters(), torch::optim::SGDOptions(0.1));
            torch::nn::functional::cross_entropy(model->forward(batch.ids, batch.mask), torch::tensor({0, 2}))
                .backward();
            optimizer.step();
        }
        const fs::path out = root() / ("export-out-" + t) / "nested";
        const std::vector<std::string> labels{"bad", "meh", "good"};
        exportHfClassifier(*model, source.string(), labels, {"vocab.txt"}, out.string());

        const nlohmann::json config = nlohmann::json::parse(readFile((out / "config.json").string()));
        const std::map<std::string, std::string> classes{{"bert", "BertForSequenceClassification"},
                                                         {"roberta", "RobertaForSequenceClassification"},
                                                         {"albert", "AlbertForSequenceClassification"}};
        QCOMPARE(config["architectures"], nlohmann::json::array({classes.at(t)}));
        QCOMPARE(config["num_labels"].get<int>(), 3);
        QCOMPARE(config["id2label"], (nlohmann::json{{"0", "bad"}, {"1", "meh"}, {"2", "good"}}));
        QCOMPARE(config["label2id"], (nlohmann::json{{"bad", 0}, {"meh", 1}, {"good", 2}}));
        QCOMPARE(config["problem_type"].get<std::string>(), std::string("single_label_classification"));
        QCOMPARE(config["custom_key"].get<std::string>(), std::string("kept"));
        QCOMPARE(config["model_type"].get<std::string>(), t);
        QCOMPARE(readFile((out / "vocab.txt").string()), readFile((source / "vocab.txt").string()));

        const SafetensorsContent content = readSafetensors((out / "model.safetensors").string());
        QCOMPARE(content.metadata.at("format"), std::string("pt"));
        std::set<std::string> written, expected;
        for (const auto& [name, tensor] : content.tensors) {
            written.insert(name);
            QCOMPARE(tensor.scalar_type(), torch::kFloat32);
        }
        for (const auto& [name, tensor] : weights) expected.insert(name);
        QCOMPARE(written, expected);

        const HfModelInfo info = readHfModelInfo(out.string());
        QCOMPARE(info.labels, labels);
        QVERIFY(info.hasWeights);
        HfLoadReport report;
        TextClassifier reloaded = loadHfClassifier(out.string(), kLabels, 0.1, &report);
        QVERIFY(report.missing.empty() && report.unexpected.empty() && !report.headInitialised);
        const Batch batch = sampleBatch(t);
        const torch::Tensor before = evalLogits(*model, batch);
        QCOMPARE(maxDifference(evalLogits(*reloaded, batch), before), 0.0);
        QVERIFY(maxDifference(before, referenceLogits(t, weights, batch)) > 1e-4);  // the step changed it
        QVERIFY_EXCEPTION_THROWN(exportHfClassifier(*model, source.string(), {"a", "b"}, {}, out.string()),
                                 Error);
    }

    void reportsMissingAndUnexpected() {
        Weights weights = randomWeights("bert", kLabels, 16);
        const std::string removed = "bert.encoder.layer.1.output.dense.weight";
        weights.erase(removed);
        weights["bert.stray.weight"] = torch::ones({3});
        weights["cls.predictions.bias"] = torch::ones({kVocab});
        weights["bert.embeddings.position_ids"] = torch::arange(kPositions).unsqueeze(0);  // ignorable buffer
        const fs::path folder = writeFolder(root(), "missing", tinyConfig("bert"), weights);
        HfLoadReport report;
        TextClassifier model = loadHfClassifier(folder.string(), kLabels, 0.1, &report);
        QCOMPARE(report.missing, std::vector<std::string>{removed});
        QCOMPARE(report.unexpected, (std::vector<std::string>{"bert.stray.weight", "cls.predictions.bias"}));
        QVERIFY(!report.headInitialised);
        QCOMPARE(maxDifference(parameter(*model, "classifier.weight"), weights.at("classifier.weight")), 0.0);
    }

    // A bare-encoder checkpoint (no "bert." prefix), LayerNorm gamma/beta and half precision.
    void acceptsNameVariantsAndHalfPrecision() {
        const Weights weights = randomWeights("bert", kLabels, 17);
        Weights variant, rounded;
        for (const auto& [name, tensor] : weights) {
            std::string renamed = name.rfind("bert.", 0) == 0 ? name.substr(5) : name;
            if (renamed.find("LayerNorm.weight") != std::string::npos)
                renamed = renamed.substr(0, renamed.size() - 6) + "gamma";
            if (renamed.find("LayerNorm.bias") != std::string::npos)
                renamed = renamed.substr(0, renamed.size() - 4) + "beta";
            variant[renamed] = tensor.to(
                renamed.find("word_embeddings") != std::string::npos ? torch::kBFloat16 : torch::kFloat16);
            rounded[name] = variant[renamed].to(torch::kFloat32);
        }
        QVERIFY(variant.count("embeddings.LayerNorm.gamma") == 1);
        const fs::path folder = writeFolder(root(), "variants", tinyConfig("bert"), variant);
        HfLoadReport report;
        TextClassifier model = loadHfClassifier(folder.string(), kLabels, 0.1, &report);
        QVERIFY(report.missing.empty() && report.unexpected.empty() && !report.headInitialised);
        const Batch batch = sampleBatch("bert");
        QVERIFY(maxDifference(evalLogits(*model, batch), referenceLogits("bert", rounded, batch)) < 1e-5);
    }

    void reinitialisesAbsentOrMismatchedHead() {
        Weights encoderOnly = randomWeights("bert", kLabels, 18);
        encoderOnly.erase("classifier.weight");
        encoderOnly.erase("classifier.bias");
        const fs::path bare = writeFolder(root(), "headless", tinyConfig("bert"), encoderOnly);
        HfLoadReport report;
        TextClassifier model = loadHfClassifier(bare.string(), kLabels, 0.1, &report);
        QVERIFY(report.headInitialised);
        QCOMPARE(report.missing, (std::vector<std::string>{"classifier.weight", "classifier.bias"}));
        QCOMPARE(parameter(*model, "classifier.bias").abs().sum().item<double>(), 0.0);
        const double spread = parameter(*model, "classifier.weight").std().item<double>();
        QVERIFY2(spread > 0.01 && spread < 0.03, std::to_string(spread).c_str());  // N(0, 0.02)

        const Weights full = randomWeights("roberta", kLabels, 19);
        const fs::path folder = writeFolder(root(), "relabel", tinyConfig("roberta"), full);
        TextClassifier relabelled = loadHfClassifier(folder.string(), 5, 0.1, &report);
        QVERIFY(report.headInitialised);
        QVERIFY(report.missing.empty() && report.unexpected.empty());
        QCOMPARE(parameter(*relabelled, "classifier.out_proj.weight").sizes().vec(),
                 (std::vector<std::int64_t>{5, kHidden}));
        QCOMPARE(parameter(*relabelled, "classifier.dense.bias").abs().sum().item<double>(), 0.0);
        QVERIFY(maxDifference(parameter(*relabelled, "classifier.dense.weight"),
                              full.at("classifier.dense.weight")) > 0.1);
        const std::string encoderWeight = "roberta.encoder.layer.0.attention.self.query.weight";
        QCOMPARE(maxDifference(parameter(*relabelled, encoderWeight), full.at(encoderWeight)), 0.0);
        QCOMPARE(evalLogits(*relabelled, sampleBatch("roberta")).size(1), std::int64_t{5});
    }

    void rejectsWrongEncoderShape() {
        Weights weights = randomWeights("bert", kLabels, 20);
        weights["bert.pooler.dense.weight"] = torch::zeros({kHidden, 7});
        const fs::path folder = writeFolder(root(), "wrong-shape", tinyConfig("bert"), weights);
        try {
            loadHfClassifier(folder.string(), kLabels, 0.1, nullptr);
            QFAIL("a tensor of the wrong shape was accepted");
        } catch (const InputError& error) {
            QVERIFY(QString::fromStdString(error.file()).endsWith("model.safetensors"));
            QVERIFY(error.message().find("bert.pooler.dense.weight") != std::string::npos);
        }
    }

    void modelInfo() {
        const fs::path folder =
            writeFolder(root(), "info", tinyConfig("albert"), randomWeights("albert", kLabels, 21));
        QVERIFY(isHfModelFolder(folder.string()));
        QVERIFY(!isHfModelFolder((root() / "no-such-folder").string()));
        const HfModelInfo info = readHfModelInfo(folder.string());
        QCOMPARE(info.modelType, std::string("albert"));
        QCOMPARE(info.embeddingSize, kAlbertEmbedding);
        QCOMPARE(info.hiddenSize, kHidden);
        QCOMPARE(info.numLayers, kLayers);
        QCOMPARE(info.labels, (std::vector<std::string>{"neg", "neu", "pos"}));
        for (const std::string t : {"bert", "roberta", "albert"}) {
            const fs::path typed = writeFolder(root(), "count-" + t, tinyConfig(t), {});
            QVERIFY(!readHfModelInfo(typed.string()).hasWeights);
            HfLoadReport report;
            TextClassifier model = loadHfClassifier(typed.string(), 2, 0.1, &report);
            QVERIFY(report.headInitialised);
            QCOMPARE(report.missing.size(), parameterNames(*model).size());  // no weights: all missing
            std::int64_t count = 0;
            for (const auto& parameter : model->parameters()) count += parameter.numel();
            QCOMPARE(readHfModelInfo(typed.string()).parameterCount, count);
        }
    }

    void malformedConfig_data() {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("edit");
        QTest::newRow("missing hidden_size") << "hidden_size"
                                             << "remove";
        QTest::newRow("unknown model_type") << "model_type"
                                            << "gpt2";
        QTest::newRow("missing model_type") << "model_type"
                                            << "remove";
        QTest::newRow("heads do not divide") << "num_attention_heads"
                                             << "5";
        QTest::newRow("bad activation") << "hidden_act"
                                        << "swish";
        QTest::newRow("negative size") << "intermediate_size"
                                       << "-4";
    }
    void malformedConfig() {
        QFETCH(QString, key);
        QFETCH(QString, edit);
        nlohmann::json config = tinyConfig("bert");
        const std::string k = key.toStdString(), e = edit.toStdString();
        bool isInteger = false;
        const int number = edit.toInt(&isInteger);
        if (e == "remove")
            config.erase(k);
        else if (isInteger)
            config[k] = number;
        else
            config[k] = e;
        const fs::path folder = writeFolder(root(), "bad-" + k + "-" + e, config, {});
        const InputError error = configErrorOf(folder);
        QVERIFY2(QString::fromStdString(error.file()).endsWith("config.json"), error.what());
        QVERIFY2(error.message().find(k) != std::string::npos, error.what());
        QVERIFY_EXCEPTION_THROWN(loadHfClassifier(folder.string(), 2, 0.1, nullptr), InputError);
    }

    void unreadableConfig() {
        const fs::path folder = root() / "not-json";
        fs::create_directories(folder);
        writeFileAtomically((folder / "config.json").string(), "{\"model_type\": ");
        QVERIFY(QString::fromStdString(configErrorOf(folder).file()).endsWith("config.json"));
        QVERIFY(!isHfModelFolder(folder.string()));
        QVERIFY(QString::fromStdString(configErrorOf(root() / "empty").file()).endsWith("config.json"));
    }
};

QTEST_GUILESS_MAIN(TestHfModels)
#include "test_hf_models.moc"
