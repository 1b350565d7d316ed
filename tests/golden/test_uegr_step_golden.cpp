// The whole UEGR step against an independent reference (docs/METHOD.md, "How the step is
// verified"). tests/golden/uegr_step_reference.py implemented the step in Python from
// docs/METHOD.md alone, ran 3 steps of a tiny TextCNN and a tiny Transformer in float64 for every
// saliency kind and mask mode and for the other dropout rules, and recorded every random draw it
// consumed. This test replays those draws into the C++ step (core/model/random_draws.h) and
// compares the parameters, both AdamW moments and the per-element step counts, the parameter
// masks, the dropout rates, the dropout controller's importance and every loss term.
//
// Regenerate the data (Debian's python3-torch):
//     /usr/bin/python3 tests/golden/uegr_step_reference.py tests/data/golden
#include <torch/torch.h>
#include <QtTest/QtTest>

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "config/run_config.h"
#include "io/safetensors.h"
#include "model/random_draws.h"
#include "model/text_classifier.h"
#include "text/batching.h"
#include "train/training_engine.h"
#include "train/training_method.h"
#include "util/error.h"

using namespace uegr;

namespace {

// Both sides compute in float64, but MaskedAdamW keeps its bias corrections in float32 tables,
// which moves every update by up to 6e-8 of its size, the parameters after step 1 by about 1e-10
// and, through them, later values by up to about 1e-8 of their scale (measured: 1.4e-8). So a value
// may differ from the reference by 1e-6 of its scale: a scalar's own size, or for the parameters
// and the moments, the largest magnitude of that quantity over all parameters. Elements near zero
// (a key bias, whose gradient is 0 up to rounding, or moments where gradients cancel) are thereby
// held to the quantity's scale, not to their own size. Leaving out the JS term's gradient, for
// comparison, moves the gradient norm of step 1 by 4e-4 or more.
constexpr double kTolerance = 1e-6;

// The largest |actual − expected| / scale seen, printed at the end to show the margin.
double worstRelativeError = 0;

// Every saliency kind with both mask modes, then the other dropout rules (one with the clean loss
// off), as tests/golden/uegr_step_reference.py names them.
const std::vector<std::string> kScenarios{"taylor_hard",
                                          "taylor_soft",
                                          "fisher_hard",
                                          "fisher_soft",
                                          "gradient_hard",
                                          "gradient_soft",
                                          "uniform_rule_no_clean_loss",
                                          "fixed_rule"};

std::string numbered(std::size_t index) {
    char text[8];
    std::snprintf(text, sizeof text, "%03zu", index);
    return text;
}

const SafetensorsContent& goldenFile(const std::string& model) {
    static std::map<std::string, SafetensorsContent> cache;
    auto found = cache.find(model);
    if (found == cache.end())
        found = cache
                    .emplace(model, readSafetensors(std::string(UEGR_TEST_DATA_DIR) + "/golden/uegr_step_" +
                                                    model + ".safetensors"))
                    .first;
    return found->second;
}

const torch::Tensor& goldenTensor(const SafetensorsContent& golden, const std::string& key) {
    const auto found = golden.tensors.find(key);
    if (found == golden.tensors.end()) throw Error("golden data lacks " + key);
    return found->second;
}

// Hands out the reference's draws in the order the reference consumed them. Asking for more, or
// for another shape, means the C++ step draws differently from docs/METHOD.md: an Error.
class ReplayedDraws : public RandomDraws {
public:
    ReplayedDraws(const SafetensorsContent& golden, std::string scenario)
        : golden_(golden),
          prefix_(std::move(scenario) + "/draws/"),
          units_(goldenTensor(golden, prefix_ + "units")) {}

    torch::Tensor dropoutKeepMask(const torch::Tensor& input, double rate) override {
        requestedRates_.push_back(rate);
        return next("keep/", keepUsed_, input);
    }
    torch::Tensor symmetricUniform(const torch::Tensor& like) override {
        return next("noise/", noiseUsed_, like);
    }
    double unitUniform() override {
        if (unitsUsed_ >= units_.numel())
            throw Error("the step draws more uniform numbers than the reference");
        return units_[unitsUsed_++].item<double>();
    }

    const std::vector<double>& requestedRates() const { return requestedRates_; }
    // Every draw of the reference was used.
    void requireAllUsed() const {
        if (golden_.tensors.count(prefix_ + "keep/" + numbered(keepUsed_)) ||
            golden_.tensors.count(prefix_ + "noise/" + numbered(noiseUsed_)) || unitsUsed_ != units_.numel())
            throw Error("the step used fewer draws than the reference (" + prefix_ + ")");
    }

private:
    torch::Tensor next(const std::string& kind, std::size_t& used, const torch::Tensor& like) {
        const std::string key = prefix_ + kind + numbered(used);
        if (!golden_.tensors.count(key)) throw Error("the step draws more than the reference: no " + key);
        const torch::Tensor& value = golden_.tensors.at(key);
        if (!value.sizes().equals(like.sizes()))
            throw Error(key + " has shape " + c10::str(value.sizes()) + ", the step asks for " +
                        c10::str(like.sizes()));
        ++used;
        return value.to(like.options());
    }

    const SafetensorsContent& golden_;
    std::string prefix_;
    torch::Tensor units_;
    std::int64_t unitsUsed_ = 0;
    std::size_t keepUsed_ = 0, noiseUsed_ = 0;
    std::vector<double> requestedRates_;
};

// Empty when |actual − expected| ≤ 1e-6·scale everywhere (scale 0: the largest |expected|),
// else what differs.
std::string mismatch(const std::string& what, const torch::Tensor& actual, const torch::Tensor& expected,
                     double scale = 0) {
    const torch::Tensor a = actual.detach().to(torch::kDouble).cpu(), b = expected.to(torch::kDouble);
    if (!a.sizes().equals(b.sizes()))
        return what + ": shape " + c10::str(a.sizes()) + " instead of " + c10::str(b.sizes());
    if (b.numel() == 0) return {};
    if (scale == 0) scale = std::max(b.abs().max().item<double>(), 1e-300);
    const torch::Tensor error = (a - b).abs().reshape(-1);
    const double worst = error.max().item<double>();
    worstRelativeError = std::max(worstRelativeError, worst / scale);
    if (worst <= kTolerance * scale) return {};
    const std::int64_t at = error.argmax().item<std::int64_t>();
    return what + ": element " + std::to_string(at) + " is " +
           std::to_string(a.reshape(-1)[at].item<double>()) + ", the reference " +
           std::to_string(b.reshape(-1)[at].item<double>()) + " (scale " + std::to_string(scale) + ")";
}

// The largest magnitude of one per-parameter quantity ("param", "exp_avg", ...) over all parameters.
double quantityScale(const SafetensorsContent& golden, const std::string& prefix) {
    double scale = 0;
    for (const auto& [key, value] : golden.tensors)
        if (key.rfind(prefix, 0) == 0) scale = std::max(scale, value.abs().max().item<double>());
    return scale;
}

std::string mismatch(const std::string& what, double actual, const torch::Tensor& expected) {
    return mismatch(what, torch::tensor(actual, torch::kDouble), expected);
}

#define COMPARE_GOLDEN(...)                                   \
    do {                                                      \
        const std::string difference = mismatch(__VA_ARGS__); \
        QVERIFY2(difference.empty(), difference.c_str());     \
    } while (false)

TextClassifier goldenModel(const SafetensorsContent& golden, const ModelConfig& config) {
    const auto number = [&golden](const std::string& key) { return std::stoi(golden.metadata.at(key)); };
    TextClassifier model =
        createModel(config, number("vocab_size"), number("num_labels"), number("max_length"));
    model->to(torch::kDouble);
    const torch::NoGradGuard noGrad;
    std::size_t loaded = 0;
    for (auto& parameter : model->named_parameters()) {
        const torch::Tensor& weight = goldenTensor(golden, "weights/" + parameter.key());
        if (!weight.sizes().equals(parameter.value().sizes()))
            throw Error("golden weight shape of " + parameter.key());
        parameter.value().copy_(weight);
        ++loaded;
    }
    std::size_t stored = 0;
    for (const auto& item : golden.tensors) stored += item.first.rfind("weights/", 0) == 0 ? 1 : 0;
    if (stored != loaded) throw Error("the golden weights do not match the model's parameters");
    model->train();
    return model;
}

}  // namespace

class TestUegrStepGolden : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void matchesIndependentReference_data() {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("scenario");
        for (const char* model : {"textcnn", "transformer"})
            for (const std::string& scenario : kScenarios)
                QTest::newRow((std::string(model) + "/" + scenario).c_str())
                    << QString(model) << QString::fromStdString(scenario);
    }

    void matchesIndependentReference() {
        QFETCH(QString, model);
        QFETCH(QString, scenario);
        try {
            runScenario(goldenFile(model.toStdString()), scenario.toStdString());
        } catch (const std::exception& error) {
            QFAIL(error.what());
        }
    }
    // The data covers what the brief of the test promises: both models, all saliency kinds, both
    // mask modes, steps with and without a mask.
    void goldenDataCoversMaskedAndUnmaskedSteps() {
        for (const char* model : {"textcnn", "transformer"}) {
            const SafetensorsContent& golden = goldenFile(model);
            for (const std::string& scenario : kScenarios) {
                bool unmasked = true, masked = false;
                for (const auto& item : golden.tensors) {
                    unmasked = unmasked && item.first.rfind(scenario + "/step1/mask/", 0) != 0;
                    masked = masked || item.first.rfind(scenario + "/step3/mask/", 0) == 0;
                }
                QVERIFY2(unmasked && masked, (std::string(model) + " " + scenario).c_str());
            }
        }
    }

    // Outside a ScopedRandomDraws the dropout sites draw exactly as LibTorch's dropout; inside,
    // they use the injected keep mask; the previous draws come back when the scope ends.
    void seamLeavesProductionDrawsAlone() {
        class AllKept : public RandomDraws {
        public:
            torch::Tensor dropoutKeepMask(const torch::Tensor& input, double) override {
                return torch::ones_like(input);
            }
            torch::Tensor symmetricUniform(const torch::Tensor& like) override {
                return torch::zeros_like(like);
            }
            double unitUniform() override { return 0.25; }
        } allKept;
        const torch::Tensor x = torch::rand({4, 5}, torch::kDouble) + 1;
        torch::manual_seed(3);
        const torch::Tensor expected = torch::dropout(x, 0.4, true);
        torch::manual_seed(3);
        QVERIFY(torch::equal(siteDropout(x, 0.4, true), expected));
        {
            const ScopedRandomDraws injected(allKept);
            QCOMPARE(injectedRandomDraws(), static_cast<RandomDraws*>(&allKept));
            QVERIFY(torch::allclose(siteDropout(x, 0.4, true), x / 0.6, 0, 1e-15));
            QVERIFY(torch::equal(siteDropout(x, 0.4, false), x));
        }
        QCOMPARE(injectedRandomDraws(), static_cast<RandomDraws*>(nullptr));
    }

    void cleanupTestCase() {
        qInfo("largest deviation from the reference: %.1e of its scale", worstRelativeError);
    }

private:
    // Three steps of one scenario, compared after every step and at the end.
    static void runScenario(const SafetensorsContent& golden, const std::string& name) {
        const RunConfig config =
            parseRunConfig(nlohmann::json::parse(golden.metadata.at(name + "/config")), name);
        const int steps = std::stoi(golden.metadata.at("steps"));
        const std::unique_ptr<TrainingMethod> method = createTrainingMethod(config.training.method);
        TrainingEngine engine(goldenModel(golden, config.model), config,
                              std::stoll(golden.metadata.at("total_steps")), method->dropoutRule(config));
        Batch batch;
        batch.inputIds = goldenTensor(golden, "batch/input_ids");
        batch.attentionMask = goldenTensor(golden, "batch/attention_mask").to(torch::kBool);
        batch.labels = goldenTensor(golden, "batch/labels");

        ReplayedDraws draws(golden, name);
        const ScopedRandomDraws injected(draws);
        for (int step = 1; step <= steps; ++step) {
            const StepTelemetry t = method->step(engine, batch, {step, false}).telemetry;
            const std::string at = name + "/step" + std::to_string(step) + "/";
            for (const auto& [key, value] :
                 std::vector<std::pair<std::string, double>>{{"loss", t.loss},
                                                             {"loss_clean", t.lossClean},
                                                             {"loss_adv", t.lossAdv},
                                                             {"loss_js", t.lossJs},
                                                             {"grad_norm", t.gradNorm},
                                                             {"lr", t.lr},
                                                             {"mask_density_global", t.maskDensityGlobal}})
                COMPARE_GOLDEN(at + key, value, goldenTensor(golden, at + key));
            std::vector<double> siteRates;
            for (const auto& [site, rate] : t.dropoutRates) siteRates.push_back(rate);
            COMPARE_GOLDEN(at + "site_rates", torch::tensor(siteRates, torch::kDouble),
                           goldenTensor(golden, at + "site_rates"));
            checkMasks(engine, golden, at);
            if (QTest::currentTestFailed()) return;
        }
        COMPARE_GOLDEN(name + " dropout rate of every pass and site",
                       torch::tensor(draws.requestedRates(), torch::kDouble),
                       goldenTensor(golden, name + "/draws/keep_rates"));
        draws.requireAllUsed();

        const std::string final = name + "/final/";
        const auto& parameters = engine.parameters();
        const MaskedAdamW& optimizer = engine.optimizer();
        const double paramScale = quantityScale(golden, final + "param/");
        const double expAvgScale = quantityScale(golden, final + "exp_avg/");
        const double expAvgSqScale = quantityScale(golden, final + "exp_avg_sq/");
        for (std::size_t i = 0; i < parameters.size(); ++i) {
            const std::string& p = parameters[i].name;
            COMPARE_GOLDEN(final + "param/" + p, parameters[i].tensor,
                           goldenTensor(golden, final + "param/" + p), paramScale);
            COMPARE_GOLDEN(final + "exp_avg/" + p, optimizer.expAvg(i),
                           goldenTensor(golden, final + "exp_avg/" + p), expAvgScale);
            COMPARE_GOLDEN(final + "exp_avg_sq/" + p, optimizer.expAvgSq(i),
                           goldenTensor(golden, final + "exp_avg_sq/" + p), expAvgSqScale);
            QVERIFY2(torch::equal(optimizer.stepCount(i).cpu(),
                                  goldenTensor(golden, final + "step_count/" + p).to(torch::kInt)),
                     (final + "step_count/" + p).c_str());
        }
        COMPARE_GOLDEN(final + "importance", torch::tensor(engine.dropout().importance(), torch::kDouble),
                       goldenTensor(golden, final + "importance"));
    }

    // The engine's masks equal the reference's: none during warm-up, one per eligible parameter after.
    static void checkMasks(const TrainingEngine& engine, const SafetensorsContent& golden,
                           const std::string& at) {
        const auto& parameters = engine.parameters();
        const auto& masks = engine.masks();
        bool anyExpected = false;
        for (std::size_t i = 0; i < parameters.size(); ++i) {
            const auto expected = golden.tensors.find(at + "mask/" + parameters[i].name);
            if (expected == golden.tensors.end()) {
                QVERIFY2(masks.empty() || !masks[i].defined(),
                         (at + "unexpected mask " + parameters[i].name).c_str());
                continue;
            }
            anyExpected = true;
            QVERIFY2(!masks.empty() && masks[i].defined(),
                     (at + "missing mask " + parameters[i].name).c_str());
            QVERIFY2(torch::equal(masks[i].cpu().to(torch::kBool), expected->second),
                     (at + "mask/" + parameters[i].name).c_str());
        }
        QVERIFY2(anyExpected || masks.empty(), (at + "masks during warm-up").c_str());
    }
};

QTEST_GUILESS_MAIN(TestUegrStepGolden)
#include "test_uegr_step_golden.moc"
