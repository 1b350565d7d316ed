// Metrics against confusion matrices computed by hand, and the evaluation loop against an
// independent computation on a model with known logits.
#include <QtTest/QtTest>

#include <torch/torch.h>

#include <cmath>

#include "eval/confusion_json.h"
#include "eval/evaluation.h"
#include "eval/metrics.h"
#include "text/batching.h"
#include "text/vocabulary.h"
#include "train/telemetry.h"
#include "util/error.h"
#include "util/json_field.h"

using namespace uegr;

namespace {

ConfusionMatrix matrixOf(std::vector<std::vector<std::int64_t>> counts) {
    ConfusionMatrix matrix;
    matrix.counts = std::move(counts);
    return matrix;
}

// Logits are a fixed row per first token id, so the expected metrics can be worked out by hand.
// It also records whether it ran in training mode.
class LookupModelImpl : public TextClassifierImpl {
public:
    explicit LookupModelImpl(torch::Tensor table) : table_(std::move(table)) {}
    torch::Tensor embed(const torch::Tensor& inputIds) override {
        return inputIds.to(torch::kFloat32).unsqueeze(-1);
    }
    torch::Tensor forwardEmbedded(const torch::Tensor& embeddings, const torch::Tensor&,
                                  const std::vector<double>&) override {
        sawTraining = sawTraining || is_training();
        sawGradMode = sawGradMode || torch::GradMode::is_enabled();
        const torch::Tensor firstIds = embeddings.select(2, 0).select(1, 0).to(torch::kInt64);
        return table_.index_select(0, firstIds);
    }
    std::vector<DropoutSite> dropoutSites() const override { return {{"classifier", "head"}}; }
    std::vector<ParameterLayer> parameterLayers() const override { return {}; }
    bool sawTraining = false;
    bool sawGradMode = false;

private:
    torch::Tensor table_;
};

}  // namespace

class TestMetrics : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void binaryMatchesHandComputation() {
        // truth 1 1 1 1 0 0 0 0 0 0, predicted 1 1 1 0 0 0 0 0 1 1: TP 3, FN 1, TN 4, FP 2.
        const ConfusionMatrix matrix =
            ConfusionMatrix::fromLabels({1, 1, 1, 1, 0, 0, 0, 0, 0, 0}, {1, 1, 1, 0, 0, 0, 0, 0, 1, 1}, 2);
        QCOMPARE(matrix.counts, (std::vector<std::vector<std::int64_t>>{{4, 2}, {1, 3}}));
        QCOMPARE(matrix.total(), std::int64_t{10});
        QCOMPARE(accuracy(matrix), 0.7);
        // F1(0) = 8/11, F1(1) = 2/3.
        QVERIFY(std::abs(macroF1(matrix) - (8.0 / 11.0 + 2.0 / 3.0) / 2.0) < 1e-12);
        // Binary MCC = (TP·TN − FP·FN) / sqrt((TP+FP)(TP+FN)(TN+FP)(TN+FN)) = 10 / sqrt(600).
        QVERIFY(std::abs(matthewsCorrelation(matrix) - 10.0 / std::sqrt(600.0)) < 1e-12);
    }

    void multiClassMatchesHandComputation() {
        const ConfusionMatrix matrix = matrixOf({{3, 1, 0}, {1, 2, 1}, {0, 1, 1}});
        QCOMPARE(accuracy(matrix), 0.6);
        // F1 per class: 6/8, 4/8, 2/4.
        QVERIFY(std::abs(macroF1(matrix) - 1.75 / 3.0) < 1e-12);
        // c = 6, s = 10, t = p = (4, 4, 2): (60 − 36) / sqrt((100 − 36)(100 − 36)) = 0.375.
        QVERIFY(std::abs(matthewsCorrelation(matrix) - 0.375) < 1e-12);
    }

    void classWithoutExamplesIsLeftOutOfMacroF1() {
        const ConfusionMatrix matrix = matrixOf({{3, 1, 0, 0}, {1, 2, 1, 0}, {0, 1, 1, 0}, {0, 0, 0, 0}});
        QVERIFY(std::abs(macroF1(matrix) - 1.75 / 3.0) < 1e-12);
        QVERIFY(std::abs(matthewsCorrelation(matrix) - 0.375) < 1e-12);
    }

    void neverPredictedClassCountsAsZeroF1() {
        // truth 0 0 1, always predicting 0: F1(0) = 4/5, F1(1) = 0; MCC denominator is 0.
        const ConfusionMatrix matrix = ConfusionMatrix::fromLabels({0, 0, 1}, {0, 0, 0}, 2);
        QVERIFY(std::abs(macroF1(matrix) - 0.4) < 1e-12);
        QCOMPARE(matthewsCorrelation(matrix), 0.0);
    }

    void perfectAndInvertedPredictions() {
        const ConfusionMatrix perfect = ConfusionMatrix::fromLabels({0, 1, 2, 1}, {0, 1, 2, 1}, 3);
        QCOMPARE(accuracy(perfect), 1.0);
        QCOMPARE(macroF1(perfect), 1.0);
        QVERIFY(std::abs(matthewsCorrelation(perfect) - 1.0) < 1e-12);
        const ConfusionMatrix inverted = ConfusionMatrix::fromLabels({0, 1, 0, 1}, {1, 0, 1, 0}, 2);
        QCOMPARE(accuracy(inverted), 0.0);
        QCOMPARE(macroF1(inverted), 0.0);
        QVERIFY(std::abs(matthewsCorrelation(inverted) + 1.0) < 1e-12);
    }

    void emptyMatrixGivesZeros() {
        const ConfusionMatrix matrix = ConfusionMatrix::fromLabels({}, {}, 2);
        QCOMPARE(accuracy(matrix), 0.0);
        QCOMPARE(macroF1(matrix), 0.0);
        QCOMPARE(matthewsCorrelation(matrix), 0.0);
    }

    void rejectsBadLabels() {
        QVERIFY_THROWS_EXCEPTION(Error, ConfusionMatrix::fromLabels({0, 2}, {0, 1}, 2));
        QVERIFY_THROWS_EXCEPTION(Error, ConfusionMatrix::fromLabels({0, 1}, {0, -1}, 2));
        QVERIFY_THROWS_EXCEPTION(Error, ConfusionMatrix::fromLabels({0, 1}, {0}, 2));
    }

    // Rows true, columns predicted. Column sums (predictions): 6, 3, 0, 1; row sums (support): 5, 4, 1, 0.
    // Class 2 is never predicted and class 3 never occurs: both get precision, recall and F1 0.
    static ConfusionMatrix fourClassMatrix() {
        return matrixOf({{3, 1, 0, 1}, {2, 2, 0, 0}, {1, 0, 0, 0}, {0, 0, 0, 0}});
    }

    void perClassScoresByHand() {
        const std::vector<ClassScores> scores = perClassScores(fourClassMatrix());
        QCOMPARE(scores.size(), std::size_t{4});
        QCOMPARE(scores[0].precision, 3.0 / 6.0);
        QCOMPARE(scores[0].recall, 3.0 / 5.0);
        QCOMPARE(scores[0].f1, 6.0 / 11.0);  // 2·3 / (5 + 6)
        QCOMPARE(scores[0].support, std::int64_t{5});
        QCOMPARE(scores[1].precision, 2.0 / 3.0);
        QCOMPARE(scores[1].recall, 2.0 / 4.0);
        QCOMPARE(scores[1].f1, 4.0 / 7.0);
        QCOMPARE(scores[1].support, std::int64_t{4});
        for (std::size_t k : {std::size_t{2}, std::size_t{3}}) {
            QCOMPARE(scores[k].precision, 0.0);
            QCOMPARE(scores[k].recall, 0.0);
            QCOMPARE(scores[k].f1, 0.0);
        }
        QCOMPARE(scores[2].support, std::int64_t{1});
        QCOMPARE(scores[3].support, std::int64_t{0});
        // Macro-F1 counts all four: class 2 has examples and class 3 one (wrong) prediction.
        QCOMPARE(macroF1(fourClassMatrix()), (6.0 / 11.0 + 4.0 / 7.0 + 0.0 + 0.0) / 4.0);
    }

    void confusionJsonRoundTripsThroughSummaryMetrics() {
        EvalTelemetry eval;
        eval.step = 8;
        eval.epoch = 2;
        eval.accuracy = 0.5;
        eval.confusion = {{"neg", "pos", "odd", "none"}, fourClassMatrix()};
        const nlohmann::json json = metricsJson(eval);
        QCOMPARE(json.at("labels"), nlohmann::json({"neg", "pos", "odd", "none"}));
        QCOMPARE(json.at("confusion"), nlohmann::json::parse("[[3,1,0,1],[2,2,0,0],[1,0,0,0],[0,0,0,0]]"));
        const nlohmann::json& pos = json.at("per_class").at(1);
        QCOMPARE(pos.at("label").get<std::string>(), std::string("pos"));
        QCOMPARE(pos.at("precision").get<double>(), 2.0 / 3.0);
        QCOMPARE(pos.at("recall").get<double>(), 0.5);
        QCOMPARE(pos.at("f1").get<double>(), 4.0 / 7.0);
        QCOMPARE(pos.at("support").get<int>(), 4);

        const EvalTelemetry read = metricsFromJson(JsonField(json, "summary.json"));
        QCOMPARE(read.step, std::int64_t{8});
        QCOMPARE(read.confusion.labels, eval.confusion.labels);
        QCOMPARE(read.confusion.matrix.counts, eval.confusion.matrix.counts);

        nlohmann::json old = json;
        for (const char* key : {"labels", "confusion", "per_class"}) old.erase(key);
        QVERIFY(!metricsJson(metricsFromJson(JsonField(old, "summary.json"))).contains("confusion"));
        QVERIFY(metricsFromJson(JsonField(old, "summary.json")).confusion.empty());
    }

    void confusionJsonRejectsMalformedInput() {
        const auto message = [](const char* text) -> std::string {
            const nlohmann::json json = nlohmann::json::parse(text);
            try {
                confusionFromJson(JsonField(json, "summary.json").at("best_dev"));
            } catch (const InputError& error) {
                return error.what();
            }
            return "accepted";
        };
        const std::string rows = message(R"({"best_dev": {"labels": ["a", "b"], "confusion": [[1, 0]]}})");
        QVERIFY2(rows.find("summary.json") != std::string::npos &&
                     rows.find("best_dev.confusion must have 2 rows") != std::string::npos,
                 rows.c_str());
        const std::string cells = message(R"({"best_dev": {"labels": ["a"], "confusion": [[1, 2]]}})");
        QVERIFY2(cells.find("best_dev.confusion[0] must have 1 counts") != std::string::npos, cells.c_str());
        const std::string negative = message(R"({"best_dev": {"labels": ["a"], "confusion": [[-1]]}})");
        QVERIFY2(negative.find("best_dev.confusion[0][0] must be an integer") != std::string::npos,
                 negative.c_str());
        const std::string alone = message(R"({"best_dev": {"labels": ["a"]}})");
        QVERIFY2(alone.find("best_dev has \"labels\" but no \"confusion\"") != std::string::npos,
                 alone.c_str());
        nlohmann::json object;
        const LabelledConfusion tooFewLabels{{"a"}, fourClassMatrix()};
        QVERIFY_THROWS_EXCEPTION(Error, addConfusionJson(object, tooFewLabels));
    }

    void evaluateMatchesIndependentComputation() {
        // Vocabulary ids: <pad> 0, <unk> 1, <sep> 2, then "a" (3), "b" (4), "c" (5) by count.
        const Vocabulary vocabulary = Vocabulary::build({{"a", "a", "a"}, {"b", "b"}, {"c"}}, 1, 100);
        QCOMPARE(vocabulary.idOf("a"), std::int64_t{3});
        QCOMPARE(vocabulary.idOf("c"), std::int64_t{5});
        // Rows: logits for first-token ids 0..5; "a" -> class 0, "b" -> class 1, "c" -> class 2.
        const torch::Tensor table = torch::tensor({0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 2.0f,
                                                   0.0f, -1.0f, 0.5f, 1.5f, 0.0f, 0.0f, 1.0f, 3.0f})
                                        .view({6, 3});
        Dataset dataset;
        const std::vector<std::pair<std::string, int>> rows{
            {"a x", 0}, {"a", 1}, {"b b", 1}, {"c", 2}, {"c a", 0}};
        for (const auto& [text, label] : rows) dataset.examples.push_back(Example{text, {}, label, 0});
        const EncodedDataset encoded(dataset, TextEncoder::words(vocabulary, true), 8);

        auto model = std::make_shared<LookupModelImpl>(table);
        model->train();
        const EvaluationResult result = evaluate(*model, encoded, 2, torch::kCPU);
        QVERIFY(model->is_training());  // restored
        QVERIFY(!model->sawTraining);
        QVERIFY(!model->sawGradMode);

        // Predictions: a->0, a->0, b->1, c->2, c->2 against truth 0 1 1 2 0.
        const ConfusionMatrix expected = ConfusionMatrix::fromLabels({0, 1, 1, 2, 0}, {0, 0, 1, 2, 2}, 3);
        QCOMPARE(result.examples, std::size_t{5});
        QCOMPARE(result.accuracy, accuracy(expected));
        QCOMPARE(result.accuracy, 0.6);
        QCOMPARE(result.macroF1, macroF1(expected));
        QCOMPARE(result.mcc, matthewsCorrelation(expected));

        const auto crossEntropy = [&](int row, int label) {
            double sum = 0.0;
            for (int k = 0; k < 3; ++k) sum += std::exp(table[row][k].item<double>());
            return std::log(sum) - table[row][label].item<double>();
        };
        const double loss = (crossEntropy(3, 0) + crossEntropy(3, 1) + crossEntropy(4, 1) +
                             crossEntropy(5, 2) + crossEntropy(5, 0)) /
                            5.0;
        QVERIFY(std::abs(result.loss - loss) < 1e-5);

        const EvaluationResult oneByOne = evaluate(*model, encoded, 1, torch::kCPU);
        QCOMPARE(oneByOne.accuracy, result.accuracy);
        QVERIFY(std::abs(oneByOne.loss - result.loss) < 1e-6);

        QCOMPARE(result.confusion.counts, expected.counts);

        const nlohmann::json json = toJson(result, {"x", "y", "z"});
        QCOMPARE(json.at("accuracy").get<double>(), 0.6);
        QCOMPARE(json.at("examples").get<int>(), 5);
        for (const char* key : {"macro_f1", "mcc", "loss"}) QVERIFY(json.contains(key));
        QCOMPARE(json.at("confusion"), nlohmann::json::parse("[[1,0,1],[1,1,0],[0,0,1]]"));
        QCOMPARE(json.at("per_class").at(0).at("label").get<std::string>(), std::string("x"));
        QCOMPARE(json.at("per_class").at(0).at("precision").get<double>(), 0.5);  // x predicted twice
        QCOMPARE(json.at("per_class").at(2).at("recall").get<double>(), 1.0);
    }

    void evaluateEmptyDataset() {
        const Vocabulary vocabulary = Vocabulary::build({{"a"}}, 1, 10);
        const EncodedDataset encoded(Dataset{}, TextEncoder::words(vocabulary, true), 8);
        auto model = std::make_shared<LookupModelImpl>(torch::zeros({4, 2}));
        const EvaluationResult result = evaluate(*model, encoded, 4, torch::kCPU);
        QCOMPARE(result.examples, std::size_t{0});
        QCOMPARE(result.accuracy, 0.0);
        QCOMPARE(result.loss, 0.0);
    }
};

QTEST_GUILESS_MAIN(TestMetrics)
#include "test_metrics.moc"
