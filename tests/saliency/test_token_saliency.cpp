// Token attributions and parameter saliency snapshots in core: exact values on a model whose
// logits are linear in the embeddings, the completeness axiom of integrated gradients on a real
// TextCNN, padding, determinism, and that no parameter gradient is left behind.
#include <torch/torch.h>
#include <QtTest/QtTest>

#include <cmath>
#include <numeric>

#include "explain/parameter_saliency.h"
#include "explain/token_saliency.h"
#include "model/text_classifier.h"
#include "text/text_encoder.h"
#include "text/vocabulary.h"
#include "util/error.h"

using namespace uegr;

namespace {

// logits = W · Σ_t mask_t e_t + b: the gradient of logit c with respect to e_t is W_c on real
// tokens, so gradient × input of token t is e_t · W_c, and integrated gradients equal it.
class LinearBagImpl : public TextClassifierImpl {
public:
    LinearBagImpl() {
        // Rows: <pad> (deliberately non-zero), <unk>, <sep>, "bad", "good".
        table_ = register_parameter(
            "embeddings",
            torch::tensor({{7.0f, 7.0f}, {0.5f, 0.5f}, {0.0f, 0.0f}, {1.0f, -2.0f}, {2.0f, 1.0f}}));
        weight_ = register_parameter("weight", torch::tensor({{1.0f, 0.0f}, {-1.0f, 3.0f}}));
        bias_ = register_parameter("bias", torch::tensor({0.25f, -0.5f}));
    }
    torch::Tensor embed(const torch::Tensor& inputIds) override {
        return table_.index_select(0, inputIds.reshape(-1)).view({inputIds.size(0), inputIds.size(1), 2});
    }
    torch::Tensor forwardEmbedded(const torch::Tensor& embeddings, const torch::Tensor& attentionMask,
                                  const std::vector<double>&) override {
        const torch::Tensor summed = (embeddings * attentionMask.unsqueeze(-1).to(embeddings.dtype())).sum(1);
        return torch::nn::functional::linear(summed, weight_, bias_);
    }
    std::vector<DropoutSite> dropoutSites() const override { return {}; }
    std::vector<ParameterLayer> parameterLayers() const override {
        return {{"embeddings", {"embeddings"}}, {"head", {"weight", "bias"}}};
    }

private:
    torch::Tensor table_, weight_, bias_;
};

Vocabulary tinyVocabulary() {
    return Vocabulary::build({{"good", "bad"}}, 1, 100);  // <pad> <unk> <sep> bad good
}

TextClassifier smallTextCnn(std::int64_t vocabSize) {
    torch::manual_seed(5);
    ModelConfig config;
    config.embeddingDim = 8;
    config.numFilters = 6;
    config.kernelSizes = {2, 3};
    return createModel(config, vocabSize, 3, 32);
}

Vocabulary numberedVocabulary(int words) {
    std::vector<std::string> tokens;
    for (int i = 0; i < words; ++i) tokens.push_back("w" + std::to_string(i));
    return Vocabulary::build({tokens}, 1, 1000);
}

double sum(const std::vector<double>& values) {
    return std::accumulate(values.begin(), values.end(), 0.0);
}

bool anyGradient(torch::nn::Module& model) {
    for (const torch::Tensor& parameter : model.parameters())
        if (parameter.grad().defined()) return true;
    return false;
}

}  // namespace

class TestTokenSaliency : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { torch::set_num_threads(1); }

    void gradientTimesInputOnALinearModelIsExact() {
        const Vocabulary vocabulary = tinyVocabulary();
        const TextEncoder encoder = TextEncoder::words(vocabulary, true);
        QCOMPARE(vocabulary.idOf("good"), std::int64_t(4));
        LinearBagImpl model;
        const std::vector<std::int64_t> ids{4, 3, 1, 0};  // good bad <unk> <pad>

        TokenAttributionOptions options;  // target: the predicted class
        const TokenAttribution predicted = attributeTokens(model, encoder, ids, options);
        // Σ e over real tokens = (3.5, -0.5): logits (3.75, -5.5), class 0 wins.
        QCOMPARE(predicted.predicted, 0);
        QCOMPARE(predicted.target, 0);
        QCOMPARE(predicted.tokens, (std::vector<std::string>{"good", "bad", "<unk>", "<pad>"}));
        const std::vector<double> expected0{2.0, 1.0, 0.5, 0.0};
        for (std::size_t t = 0; t < ids.size(); ++t) QCOMPARE(predicted.scores[t], expected0[t]);
        QCOMPARE(predicted.targetLogit, 3.75);
        QCOMPARE(predicted.baselineLogit, 0.25);
        const double odds = std::exp(-5.5 - 3.75);
        QVERIFY(std::abs(predicted.probabilities[0] - 1 / (1 + odds)) < 1e-6);
        QVERIFY(std::abs(predicted.probabilities[1] - odds / (1 + odds)) < 1e-6);

        options.target = 1;  // W_1 = (-1, 3): good -2+3, bad -1-6, <unk> -0.5+1.5
        const TokenAttribution other = attributeTokens(model, encoder, ids, options);
        QCOMPARE(other.predicted, 0);
        const std::vector<double> expected1{1.0, -7.0, 1.0, 0.0};
        for (std::size_t t = 0; t < ids.size(); ++t) QCOMPARE(other.scores[t], expected1[t]);
    }

    void integratedGradientsOnALinearModelEqualGradientTimesInput() {
        const Vocabulary vocabulary = tinyVocabulary();
        const TextEncoder encoder = TextEncoder::words(vocabulary, true);
        LinearBagImpl model;
        TokenAttributionOptions options;
        options.method = AttributionMethod::IntegratedGradients;
        options.target = 1;
        options.steps = 5;
        options.stepsPerBatch = 2;  // three forward passes, the last one partial
        const TokenAttribution result = attributeTokens(model, encoder, {4, 3, 1, 0}, options);
        const std::vector<double> expected{1.0, -7.0, 1.0, 0.0};
        for (std::size_t t = 0; t < expected.size(); ++t)
            QVERIFY(std::abs(result.scores[t] - expected[t]) < 1e-5);
        QCOMPARE(result.baselineLogit, -0.5);
        QVERIFY(std::abs(sum(result.scores) - (result.targetLogit - result.baselineLogit)) < 1e-5);
    }

    void integratedGradientsAreCompleteOnATextCnn() {
        const Vocabulary vocabulary = numberedVocabulary(20);
        const TextEncoder encoder = TextEncoder::words(vocabulary, true);
        TextClassifier model = smallTextCnn(vocabulary.size());
        const std::vector<std::int64_t> ids{5, 9, 3, 17, 12, 4, 20, 8};
        TokenAttributionOptions options;
        options.method = AttributionMethod::IntegratedGradients;
        options.target = 2;
        options.steps = 4;
        const TokenAttribution coarse = attributeTokens(*model, encoder, ids, options);
        options.steps = 512;
        options.stepsPerBatch = 64;
        const TokenAttribution fine = attributeTokens(*model, encoder, ids, options);
        const double difference = fine.targetLogit - fine.baselineLogit;
        QVERIFY(std::abs(difference) > 1e-3);  // the check below must mean something
        const double error = std::abs(sum(fine.scores) - difference);
        QVERIFY2(
            error < 0.02 * std::abs(difference) + 1e-4,
            qPrintable(QStringLiteral("sum %1, f(x) - f(0) = %2").arg(sum(fine.scores)).arg(difference)));
        QVERIFY(error <= std::abs(sum(coarse.scores) - difference) + 1e-6);
        // Gradient × input is a different attribution: it does not satisfy completeness here.
        options.method = AttributionMethod::GradientTimesInput;
        const TokenAttribution gradient = attributeTokens(*model, encoder, ids, options);
        QCOMPARE(gradient.targetLogit, fine.targetLogit);
        QVERIFY(gradient.scores != fine.scores);
    }

    void paddingGetsNothingAndChangesNothing() {
        const Vocabulary vocabulary = numberedVocabulary(20);
        const TextEncoder encoder = TextEncoder::words(vocabulary, true);
        TextClassifier model = smallTextCnn(vocabulary.size());
        for (const AttributionMethod method :
             {AttributionMethod::GradientTimesInput, AttributionMethod::IntegratedGradients}) {
            TokenAttributionOptions options;
            options.method = method;
            options.steps = 8;
            const TokenAttribution plain = attributeTokens(*model, encoder, {6, 11, 7, 15}, options);
            const TokenAttribution padded =
                attributeTokens(*model, encoder, {6, 11, 7, 15, 0, 0, 0}, options);
            QCOMPARE(padded.tokens.size(), std::size_t(7));
            for (std::size_t t = 4; t < 7; ++t) QCOMPARE(padded.scores[t], 0.0);
            for (std::size_t t = 0; t < 4; ++t) QVERIFY(std::abs(padded.scores[t] - plain.scores[t]) < 1e-5);
            QVERIFY(std::any_of(plain.scores.begin(), plain.scores.end(), [](double s) { return s != 0.0; }));
        }
    }

    void deterministicInEvalModeWithoutParameterGradients() {
        const Vocabulary vocabulary = numberedVocabulary(20);
        const TextEncoder encoder = TextEncoder::words(vocabulary, true);
        TextClassifier model = smallTextCnn(vocabulary.size());
        model->train();  // dropout on: attribution must still be deterministic and restore the mode
        TokenAttributionOptions options;
        options.method = AttributionMethod::IntegratedGradients;
        options.steps = 16;
        const std::vector<std::int64_t> ids{3, 4, 5, 6, 7, 8};
        const TokenAttribution first = attributeTokens(*model, encoder, ids, options);
        const TokenAttribution second = attributeTokens(*model, encoder, ids, options);
        QCOMPARE(first.scores, second.scores);
        QCOMPARE(first.probabilities, second.probabilities);
        QVERIFY(model->is_training());
        QVERIFY(!anyGradient(*model));
    }

    void rejectsBadRequests() {
        const Vocabulary vocabulary = tinyVocabulary();
        const TextEncoder encoder = TextEncoder::words(vocabulary, true);
        LinearBagImpl model;
        TokenAttributionOptions options;
        QVERIFY_THROWS_EXCEPTION(Error, attributeTokens(model, encoder, {}, options));
        options.target = 2;
        QVERIFY_THROWS_EXCEPTION(Error, attributeTokens(model, encoder, {4}, options));
        options.target = 0;
        options.method = AttributionMethod::IntegratedGradients;
        options.steps = 0;
        QVERIFY_THROWS_EXCEPTION(Error, attributeTokens(model, encoder, {4}, options));
    }

    void parameterSnapshotMatchesAnIndependentBackward() {
        const Vocabulary vocabulary = numberedVocabulary(20);
        const TextEncoder encoder = TextEncoder::words(vocabulary, true);
        TextClassifier model = smallTextCnn(vocabulary.size());
        Batch batch;
        batch.inputIds = torch::tensor({{3, 8, 9, 12, 0}, {4, 5, 6, 7, 11}}, torch::kInt64);
        batch.attentionMask = batch.inputIds.ne(0);
        batch.labels = torch::tensor({2, 0}, torch::kInt64);

        const SaliencySnapshot snapshot = parameterSaliencySnapshot(*model, batch, 4);
        QVERIFY(!anyGradient(*model));
        const auto named = model->named_parameters();
        QCOMPARE(snapshot.tensors.size(), named.size());
        QCOMPARE(snapshot.tensors.front().layer, std::string("embeddings"));
        QCOMPARE(snapshot.tensors.front().tensor, std::string("embeddings.weight"));
        QCOMPARE(snapshot.tensors.back().layer, std::string("head"));
        QCOMPARE(snapshot.tensors.back().tensor, std::string("head.bias"));
        const SaliencyTensorMap& embeddings = snapshot.tensors.front();
        QCOMPARE(embeddings.shape, (std::vector<std::int64_t>{vocabulary.size(), 8}));
        QCOMPARE(embeddings.rows, 4);  // 23 × 8 averaged into 4 × 4 cells
        QCOMPARE(embeddings.cols, 4);
        for (const SaliencyTensorMap& map : snapshot.tensors)
            for (float kept : map.keptFraction) QCOMPARE(kept, 1.0f);

        model->eval();
        torch::nn::functional::cross_entropy(model->forward(batch.inputIds, batch.attentionMask),
                                             batch.labels)
            .backward();
        const torch::Tensor bias = named["head.bias"];
        const torch::Tensor expected = (bias * bias.grad()).abs();
        const SaliencyTensorMap& head = snapshot.tensors.back();
        QCOMPARE(head.rows, 1);
        QCOMPARE(head.cols, 3);
        for (int c = 0; c < 3; ++c) QVERIFY(std::abs(head.values[c] - expected[c].item<float>()) < 1e-6f);
        QVERIFY(expected.sum().item<float>() > 0);
    }
};

QTEST_GUILESS_MAIN(TestTokenSaliency)
#include "test_token_saliency.moc"
