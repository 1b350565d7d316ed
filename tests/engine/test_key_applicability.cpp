// config/key_applicability.h against the engine. For every training method, each UEGR and
// training key that the table says the method does not read is set to another valid value: three
// training steps must then end with bit-identical parameters. Each key the table says it reads must
// change them, so the check can fail both ways.
#include <torch/torch.h>

#include <QtTest/QtTest>
#include <nlohmann/json.hpp>

#include <map>
#include <string>

#include "config/key_applicability.h"
#include "config/run_config.h"
#include "data/dataset.h"
#include "engine/tiny_classifier.h"
#include "text/text_encoder.h"
#include "text/vocabulary.h"
#include "train/training_engine.h"
#include "train/training_method.h"

using namespace uegr;

namespace {

// Three dropout sites: their importances, scaled to [0, 1] over the sites, then have a middle
// value that the saliency kind and the running averages move (with two they are always 0 and 1).
class ThreeSiteClassifierImpl : public TextClassifierImpl {
public:
    ThreeSiteClassifierImpl() {
        defaultDropout_ = 0.1;
        embeddings = register_module("embeddings", torch::nn::Embedding(50, 8));
        block0 = register_module("block0", torch::nn::Linear(8, 8));
        block1 = register_module("block1", torch::nn::Linear(8, 8));
        head = register_module("head", torch::nn::Linear(8, 3));
    }
    torch::Tensor embed(const torch::Tensor& ids) override { return embeddings(ids); }
    torch::Tensor forwardEmbedded(const torch::Tensor& e, const torch::Tensor& mask,
                                  const std::vector<double>& rates) override {
        namespace F = torch::nn::functional;
        const auto drop = [&](const torch::Tensor& x, std::size_t site) {
            return F::dropout(x, F::DropoutFuncOptions().p(rates[site]).training(is_training()));
        };
        torch::Tensor x = torch::relu(block0(drop(e, 0)));
        x = torch::relu(block1(drop(x, 1)));
        const torch::Tensor weights = mask.unsqueeze(-1).to(x.dtype());
        x = (x * weights).sum(1) / weights.sum(1).clamp_min(1);
        return head(drop(x, 2));
    }
    std::vector<DropoutSite> dropoutSites() const override {
        return {{"block0", "block0"}, {"block1", "block1"}, {"classifier", "head"}};
    }
    std::vector<ParameterLayer> parameterLayers() const override {
        return {{"embeddings", {"embeddings.weight"}},
                {"block0", {"block0.weight", "block0.bias"}},
                {"block1", {"block1.weight", "block1.bias"}},
                {"head", {"head.weight", "head.bias"}}};
    }

    torch::nn::Embedding embeddings{nullptr};
    torch::nn::Linear block0{nullptr}, block1{nullptr}, head{nullptr};
};

const char* const kMethods[] = {
    "uegr",    "uegr_no_mask", "uegr_no_js", "uegr_no_adv",  "uegr_uniform_dropout",
    "vanilla", "rdrop",        "freelb",     "childtuning_d"};

// A value other than the base config's for each key under test.
const std::map<std::string, nlohmann::json>& otherValues() {
    static const std::map<std::string, nlohmann::json> values{
        {"training.rdrop_alpha", 3.0},
        {"training.childtuning_batches", 1},
        {"uegr.use_clean_loss", false},
        {"uegr.passes", 2},
        {"uegr.lambda_adv", 0.5},
        {"uegr.dropout_min", 0.15},
        {"uegr.dropout_max", 0.6},
        {"uegr.adv_steps", 2},
        {"uegr.adv_step_size", 0.2},
        {"uegr.adv_max_norm", 0.01},
        {"uegr.adv_scale", "absolute"},
        {"uegr.adv_init", "uniform"},
        {"uegr.adv_init_mag", 0.5},
        {"uegr.lambda_js", 3.0},
        {"uegr.dropout_rule", "uniform"},
        {"uegr.importance_ema", 0.2},
        {"uegr.dropout_jitter", 0.3},
        {"uegr.saliency", "fisher"},
        {"uegr.saliency_ema", 0.5},
        {"uegr.mask_every", 2},
        {"uegr.mask_warmup_ratio", 0.5},
        {"uegr.mask_mode", "soft"},
        {"uegr.keep_ratio", 0.2},
        {"uegr.mask_rank", "per_tensor"},
        {"uegr.mask_exempt", {"embeddings", "bias"}},
    };
    return values;
}

RunConfig baseConfig(const std::string& method) {
    RunConfig config;
    config.training.method = method;
    config.training.batchSize = 1;  // two batches of the two examples, so childtuning_batches = 1 is a change
    config.uegr.maskWarmupRatio = 0;
    config.uegr.maskExempt = {"bias"};  // four eligible tensors, so mask_rank is a change
    config.uegr.advInitMag = 0.1;       // so adv_init uniform is a change (adv_init_mag is not read then)
    return config;
}

RunConfig withValue(const RunConfig& config, const std::string& key, const nlohmann::json& value) {
    nlohmann::json document = toJson(config);
    const std::size_t dot = key.find('.');
    document[key.substr(0, dot)][key.substr(dot + 1)] = value;
    return parseRunConfig(document, "test");
}

std::vector<torch::Tensor> trainThreeSteps(const RunConfig& config) {
    torch::manual_seed(8);
    const auto model = std::make_shared<ThreeSiteClassifierImpl>();
    const auto method = createTrainingMethod(config.training.method);
    TrainingEngine engine(model, config, 3, method->dropoutRule(config));
    const EncodedDataset data(
        Dataset{"d", {{"good movie", "", 0, 1}, {"bad film", "", 1, 2}}},
        TextEncoder::words(Vocabulary::build({{"good", "movie", "bad", "film"}}, 1, 100), true), 8);
    method->prepare(engine, data);
    for (std::int64_t step = 1; step <= 3; ++step)
        method->step(engine, test::makeTinyBatch(static_cast<std::uint64_t>(step)), {step, false});
    std::vector<torch::Tensor> parameters;
    for (const torch::Tensor& parameter : model->parameters())
        parameters.push_back(parameter.detach().clone());
    return parameters;
}

bool sameParameters(const std::vector<torch::Tensor>& a, const std::vector<torch::Tensor>& b) {
    for (std::size_t i = 0; i < a.size(); ++i)
        if (!torch::equal(a[i], b[i])) return false;
    return true;
}

}  // namespace

class KeyApplicabilityTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { torch::set_num_threads(1); }

    void methodKeysDecideTraining() {
        QStringList wrong;
        int unread = 0, read = 0;
        for (const char* method : kMethods) {
            const RunConfig base = baseConfig(method);
            const std::vector<torch::Tensor> reference = trainThreeSteps(base);
            QVERIFY2(sameParameters(reference, trainThreeSteps(base)), method);  // deterministic to the bit
            for (const ConditionalKeys& conditional : conditionalKeys())
                for (const std::string& key : conditional.keys) {
                    const auto other = otherValues().find(key);
                    if (other == otherValues().end()) {
                        QVERIFY2(key.rfind("model.", 0) == 0 || key.rfind("data.", 0) == 0, key.c_str());
                        continue;  // model and data keys: not the method's
                    }
                    const bool applies = keyApplies(base, key);
                    const bool changes =
                        !sameParameters(reference, trainThreeSteps(withValue(base, key, other->second)));
                    ++(applies ? read : unread);
                    if (applies != changes)
                        wrong << QStringLiteral("%1 under %2 %3")
                                     .arg(QString::fromStdString(key), method,
                                          applies ? "is read but changes nothing"
                                                  : "is said not to apply but changes training");
                }
        }
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QStringLiteral("; "))));
        QVERIFY(read >= 100 && unread >= 100);  // both directions were exercised
    }

    void methodPartsMatchTheMethods() {
        QVERIFY(methodParts("uegr").uegrStep && methodParts("uegr").adversary &&
                methodParts("uegr").scheduledMask);
        QVERIFY(!methodParts("uegr_no_mask").scheduledMask && methodParts("uegr_no_mask").jsLoss);
        QVERIFY(methodParts("freelb").adversary && !methodParts("freelb").uegrStep);
        QVERIFY(methodParts("childtuning_d").fixedMask && !methodParts("childtuning_d").scheduledMask);
        const MethodParts unknown = methodParts("uegr_typo");
        QVERIFY(!unknown.uegrStep && !unknown.adversary && !unknown.fixedMask);
    }
};

QTEST_GUILESS_MAIN(KeyApplicabilityTest)
#include "test_key_applicability.moc"
