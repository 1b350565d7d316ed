// Unit tests of the UEGR building blocks: JS divergence, masked AdamW, top-ρ mask, adversary,
// adaptive dropout, saliency snapshots.
#include <torch/torch.h>

#include <QtTest/QtTest>

#include <cmath>

#include "train/adaptive_dropout.h"
#include "train/adversary.h"
#include "train/js_divergence.h"
#include "train/masked_adamw.h"
#include "train/parameter_mask.h"
#include "train/saliency.h"
#include "train/saliency_snapshot.h"
#include "util/error.h"

using namespace uegr;

namespace {

torch::Tensor logitsOf(const std::vector<std::vector<double>>& probabilities) {
    std::vector<torch::Tensor> rows;
    for (const auto& row : probabilities) rows.push_back(torch::tensor(row, torch::kDouble).log());
    return torch::stack(rows).to(torch::kFloat);
}

double kl(const std::vector<double>& p, const std::vector<double>& q) {
    double sum = 0;
    for (std::size_t i = 0; i < p.size(); ++i) sum += p[i] * std::log(p[i] / q[i]);
    return sum;
}

std::vector<torch::Tensor> clones(const std::vector<torch::Tensor>& tensors) {
    std::vector<torch::Tensor> copies;
    for (const auto& t : tensors) copies.push_back(t.clone());
    return copies;
}

}  // namespace

class TestEngineUnits : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void jsMatchesHandComputedValue() {
        const std::vector<double> p1{0.2, 0.8}, p2{0.6, 0.4}, m{0.4, 0.6};
        const std::vector<double> q1{0.5, 0.5}, q2{0.1, 0.9}, n{0.3, 0.7};
        const double row0 = (kl(p1, m) + kl(p2, m)) / 2, row1 = (kl(q1, n) + kl(q2, n)) / 2;
        const double js = jsDivergence({logitsOf({p1, q1}), logitsOf({p2, q2})}).item<double>();
        QVERIFY(std::abs(js - (row0 + row1) / 2) < 1e-6);

        // Three distributions, one row: (1/3) Σ KL(P_k ‖ M).
        const std::vector<double> r1{0.7, 0.2, 0.1}, r2{0.1, 0.8, 0.1}, r3{0.2, 0.2, 0.6};
        std::vector<double> mix(3);
        for (int c = 0; c < 3; ++c) mix[c] = (r1[c] + r2[c] + r3[c]) / 3;
        const double expected = (kl(r1, mix) + kl(r2, mix) + kl(r3, mix)) / 3;
        QVERIFY(std::abs(jsDivergence({logitsOf({r1}), logitsOf({r2}), logitsOf({r3})}).item<double>() -
                         expected) < 1e-6);
    }

    void jsIsZeroForOneOrIdenticalDistributions() {
        const torch::Tensor z = torch::randn({4, 5});
        QCOMPARE(jsDivergence({z}).item<double>(), 0.0);
        QVERIFY(std::abs(jsDivergence({z, z.clone(), z.clone()}).item<double>()) < 1e-7);
    }

    void jsStaysFiniteNearZeroProbabilities() {
        // Disjoint one-hot distributions: JS of two is ln 2.
        const torch::Tensor a = torch::tensor({{200.0f, -200.0f}}).requires_grad_(true);
        const torch::Tensor b = torch::tensor({{-200.0f, 200.0f}}).requires_grad_(true);
        const torch::Tensor js = jsDivergence({a, b});
        QVERIFY(std::isfinite(js.item<double>()));
        QVERIFY(std::abs(js.item<double>() - std::log(2.0)) < 1e-5);
        js.backward();
        QVERIFY(torch::isfinite(a.grad()).all().item<bool>());
        QVERIFY(torch::isfinite(b.grad()).all().item<bool>());

        // Gradients flow through M and every P_k: both inputs get a nonzero gradient.
        const torch::Tensor c = torch::randn({3, 4}).requires_grad_(true);
        const torch::Tensor d = torch::randn({3, 4}).requires_grad_(true);
        jsDivergence({c, d}).backward();
        QVERIFY(c.grad().abs().sum().item<double>() > 0);
        QVERIFY(d.grad().abs().sum().item<double>() > 0);
    }

    void symmetricKlMatchesHandComputedValue() {
        const std::vector<double> p{0.2, 0.8}, q{0.6, 0.4};
        const double expected = (kl(p, q) + kl(q, p)) / 2;
        QVERIFY(std::abs(symmetricKl(logitsOf({p}), logitsOf({q})).item<double>() - expected) < 1e-6);
    }

    void hardMaskLeavesMaskedElementsBitIdentical() {
        for (const bool fused : {true, false}) {
            torch::manual_seed(1);
            torch::Tensor parameter = torch::randn({4, 5}).requires_grad_(true);
            MaskedAdamW optimizer({parameter}, AdamWOptions{0.01, 0.9, 0.999, 1e-8, 0.1});
            optimizer.setFusedCpuKernel(fused);
            for (int step = 0; step < 3; ++step) {
                parameter.mutable_grad() = torch::randn({4, 5});
                const torch::Tensor mask = torch::rand({4, 5}) > 0.5;
                const torch::Tensor before = parameter.detach().clone();
                const torch::Tensor m1 = optimizer.expAvg(0).clone(), m2 = optimizer.expAvgSq(0).clone();
                const torch::Tensor count = optimizer.stepCount(0).clone();
                optimizer.step({mask}, MaskMode::Hard);
                const torch::Tensor masked = ~mask;
                QVERIFY(torch::equal(parameter.detach().masked_select(masked), before.masked_select(masked)));
                QVERIFY(torch::equal(optimizer.expAvg(0).masked_select(masked), m1.masked_select(masked)));
                QVERIFY(torch::equal(optimizer.expAvgSq(0).masked_select(masked), m2.masked_select(masked)));
                QVERIFY(
                    torch::equal(optimizer.stepCount(0).masked_select(masked), count.masked_select(masked)));
                QVERIFY(
                    torch::equal(optimizer.stepCount(0).masked_select(mask), count.masked_select(mask) + 1));
                QVERIFY(!torch::equal(parameter.detach().masked_select(mask), before.masked_select(mask)));
            }
        }
    }

    void unmaskedElementsFollowHandComputedAdamW() {
        // Element 0 is masked at step 1 and kept at step 2: its own count is 1 at step 2, so
        // its update is AdamW's first step, θ(1 − lr·λ) − lr·g/(|g| + ε), with step 2's gradient.
        // Element 1 is kept both times: the ordinary second AdamW step.
        const double lr = 0.1, wd = 0.2, b1 = 0.9, b2 = 0.999, eps = 1e-8;
        for (const bool fused : {true, false}) {
            torch::Tensor parameter = torch::tensor({1.0f, -2.0f}).requires_grad_(true);
            MaskedAdamW optimizer({parameter}, AdamWOptions{lr, b1, b2, eps, wd});
            optimizer.setFusedCpuKernel(fused);
            parameter.mutable_grad() = torch::tensor({0.5f, 0.3f});
            optimizer.step({torch::tensor({false, true})}, MaskMode::Hard);
            parameter.mutable_grad() = torch::tensor({-0.4f, 0.6f});
            optimizer.step({torch::tensor({true, true})}, MaskMode::Hard);

            const double first = 1.0 * (1 - lr * wd) - lr * (-0.4) / (0.4 + eps);
            double theta = -2.0 * (1 - lr * wd) - lr * 0.3 / (0.3 + eps);
            const double m1 = b1 * (1 - b1) * 0.3 + (1 - b1) * 0.6;
            const double m2 = b2 * (1 - b2) * 0.09 + (1 - b2) * 0.36;
            const double mHat = m1 / (1 - b1 * b1), vHat = m2 / (1 - b2 * b2);
            theta = theta * (1 - lr * wd) - lr * mHat / (std::sqrt(vHat) + eps);
            const std::string values =
                "fused " + std::to_string(fused) + ": " + std::to_string(parameter[0].item<double>()) +
                " vs " + std::to_string(first) + ", " + std::to_string(parameter[1].item<double>()) + " vs " +
                std::to_string(theta);
            // float32 arithmetic against a double-precision hand computation
            QVERIFY2(std::abs(parameter[0].item<double>() - first) < 5e-6, values.c_str());
            QVERIFY2(std::abs(parameter[1].item<double>() - theta) < 5e-6, values.c_str());
            QCOMPARE(optimizer.stepCount(0)[0].item<int>(), 1);
            QCOMPARE(optimizer.stepCount(0)[1].item<int>(), 2);
        }
    }

    void softMaskStillMovesMaskedElements() {
        torch::Tensor parameter = torch::tensor({1.0f, 2.0f}).requires_grad_(true);
        MaskedAdamW optimizer({parameter}, AdamWOptions{0.1, 0.9, 0.999, 1e-8, 0.5});
        parameter.mutable_grad() = torch::tensor({0.5f, 0.5f});
        optimizer.step({}, MaskMode::Soft);  // both kept: moments nonzero
        const torch::Tensor m1 = optimizer.expAvg(0).clone(), before = parameter.detach().clone();
        optimizer.step({torch::tensor({false, true})}, MaskMode::Soft);
        // Masked element 0: gradient counted as zero, so its moment decays and weight decay and
        // momentum move it; its step count advances.
        QVERIFY(std::abs(optimizer.expAvg(0)[0].item<double>() - 0.9 * m1[0].item<double>()) < 1e-7);
        QVERIFY(parameter[0].item<double>() != before[0].item<double>());
        QCOMPARE(optimizer.stepCount(0)[0].item<int>(), 2);
    }

    void fusedKernelAgreesWithTensorOpsAndTorchAdamW() {
        torch::manual_seed(3);
        const torch::Tensor start = torch::randn({30, 7});
        torch::Tensor fusedParameter = start.clone().requires_grad_(true);
        torch::Tensor tensorParameter = start.clone().requires_grad_(true);
        torch::Tensor referenceParameter = start.clone().requires_grad_(true);
        MaskedAdamW fused({fusedParameter}, AdamWOptions{0.01, 0.9, 0.999, 1e-8, 0.01});
        MaskedAdamW tensorOps({tensorParameter}, AdamWOptions{0.01, 0.9, 0.999, 1e-8, 0.01});
        tensorOps.setFusedCpuKernel(false);
        torch::optim::AdamW reference({referenceParameter},
                                      torch::optim::AdamWOptions(0.01).weight_decay(0.01));
        for (int step = 0; step < 5; ++step) {
            const torch::Tensor gradient = torch::randn({30, 7});
            fusedParameter.mutable_grad() = gradient.clone();
            tensorParameter.mutable_grad() = gradient.clone();
            referenceParameter.mutable_grad() = gradient.clone();
            fused.step();
            tensorOps.step();
            reference.step();
        }
        QVERIFY(torch::allclose(fusedParameter, referenceParameter, 1e-5, 1e-6));
        QVERIFY(torch::allclose(tensorParameter, referenceParameter, 1e-5, 1e-6));

        // Masked, hard and soft: the two implementations agree.
        for (const MaskMode mode : {MaskMode::Hard, MaskMode::Soft})
            for (int step = 0; step < 4; ++step) {
                const torch::Tensor gradient = torch::randn({30, 7});
                const torch::Tensor mask = torch::rand({30, 7}) > 0.3;
                fusedParameter.mutable_grad() = gradient.clone();
                tensorParameter.mutable_grad() = gradient.clone();
                fused.step({mask}, mode, 0.7);
                tensorOps.step({mask}, mode, 0.7);
                const double gap = (fusedParameter - tensorParameter).abs().max().item<double>();
                QVERIFY2(torch::allclose(fusedParameter, tensorParameter, 1e-5, 1e-6),
                         (std::string(mode == MaskMode::Hard ? "hard" : "soft") + " step " +
                          std::to_string(step) + " gap " + std::to_string(gap))
                             .c_str());
                QVERIFY(torch::equal(fused.stepCount(0), tensorOps.stepCount(0)));
            }
    }

    void tensorOpsAgreeWithFusedAcrossSeveralParameters() {
        // The tensor-ops path steps all parameters of a bucket as one flat tensor: check that
        // the flattening keeps each parameter's elements, masks and state apart, and that a
        // parameter without a gradient is left alone entirely (as the fused path skips it).
        torch::manual_seed(4);
        const std::vector<std::vector<std::int64_t>> shapes{{3, 4}, {5}, {2, 2, 2}, {7}};
        std::vector<torch::Tensor> fusedParameters, tensorParameters;
        for (const auto& shape : shapes) {
            const torch::Tensor start = torch::randn(shape);
            fusedParameters.push_back(start.clone().requires_grad_(true));
            tensorParameters.push_back(start.clone().requires_grad_(true));
        }
        MaskedAdamW fused(fusedParameters, AdamWOptions{0.01, 0.9, 0.999, 1e-8, 0.05});
        MaskedAdamW tensorOps(tensorParameters, AdamWOptions{0.01, 0.9, 0.999, 1e-8, 0.05});
        tensorOps.setFusedCpuKernel(false);
        const torch::Tensor untouched = tensorParameters[1].detach().clone();
        for (const MaskMode mode : {MaskMode::Hard, MaskMode::Soft, MaskMode::Hard})
            for (int step = 0; step < 3; ++step) {
                std::vector<torch::Tensor> masks;
                for (std::size_t p = 0; p < shapes.size(); ++p) {
                    if (p == 1) {
                        masks.emplace_back();  // no gradient: never steps
                        continue;
                    }
                    const torch::Tensor gradient = torch::randn(shapes[p]);
                    fusedParameters[p].mutable_grad() = gradient.clone();
                    tensorParameters[p].mutable_grad() = gradient.clone();
                    // One parameter unmasked (undefined mask), the others masked at random.
                    masks.push_back(p == 3 ? torch::Tensor() : torch::rand(shapes[p]) > 0.4);
                }
                fused.step(masks, mode, 0.8);
                tensorOps.step(masks, mode, 0.8);
                for (std::size_t p = 0; p < shapes.size(); ++p) {
                    const std::string where =
                        "parameter " + std::to_string(p) + " step " + std::to_string(step);
                    QVERIFY2(torch::allclose(fusedParameters[p], tensorParameters[p], 1e-5, 1e-6),
                             where.c_str());
                    // 1 − β2 is 0.001 to 1.3e-5 relative in the fused kernel's float32 arithmetic.
                    QVERIFY2(torch::allclose(fused.expAvgSq(p), tensorOps.expAvgSq(p), 1e-4, 1e-9),
                             where.c_str());
                    QVERIFY2(torch::equal(fused.stepCount(p), tensorOps.stepCount(p)), where.c_str());
                }
            }
        QVERIFY(torch::equal(tensorParameters[1], untouched));
        QVERIFY(torch::equal(tensorOps.stepCount(1), torch::zeros({5}, torch::kInt)));
        QVERIFY(torch::equal(tensorOps.expAvg(1), torch::zeros({5})));
    }

    void gradientScaleEqualsScaledGradient() {
        torch::Tensor a = torch::tensor({1.0f, 2.0f, 3.0f}).requires_grad_(true);
        torch::Tensor b = a.detach().clone().requires_grad_(true);
        MaskedAdamW first({a}, {}), second({b}, {});
        for (int step = 0; step < 3; ++step) {
            a.mutable_grad() = torch::tensor({0.2f, -0.4f, 0.8f}) * (step + 1);
            b.mutable_grad() = a.grad() * 0.25;
            first.step({}, MaskMode::Hard, 0.25);
            second.step();
        }
        QVERIFY(torch::allclose(a, b, 1e-6, 1e-7));
    }

    void optimizerStateRoundTrips() {
        torch::manual_seed(5);
        torch::Tensor a = torch::randn({6}).requires_grad_(true);
        MaskedAdamW optimizer({a}, {});
        for (int step = 0; step < 3; ++step) {
            a.mutable_grad() = torch::randn({6});
            optimizer.step({torch::rand({6}) > 0.5}, MaskMode::Hard);
        }
        torch::serialize::OutputArchive out;
        optimizer.save(out);
        std::ostringstream bytes;
        out.save_to(bytes);

        torch::Tensor b = a.detach().clone().requires_grad_(true);
        MaskedAdamW restored({b}, {});
        torch::serialize::InputArchive in;
        std::istringstream stream(bytes.str());
        in.load_from(stream);
        restored.load(in);
        const torch::Tensor gradient = torch::randn({6});
        const torch::Tensor mask = torch::rand({6}) > 0.5;
        a.mutable_grad() = gradient.clone();
        b.mutable_grad() = gradient.clone();
        optimizer.step({mask}, MaskMode::Hard);
        restored.step({mask}, MaskMode::Hard);
        QVERIFY(torch::equal(a, b));
    }

    void maskExemptMatchesNameComponentsAndLayers() {
        const std::vector<std::string> words{"embeddings", "bias", "norm", "head"};
        QVERIFY(isMaskExempt("embeddings.weight", "embeddings", words));
        QVERIFY(isMaskExempt("blocks.0.attn_norm.weight", "block0", words));
        QVERIFY(isMaskExempt("convs.1.bias", "conv1", words));
        QVERIFY(isMaskExempt("head.weight", "head", words));
        QVERIFY(!isMaskExempt("blocks.0.attn.in_proj_weight", "block0", words));
        QVERIFY(!isMaskExempt("conv0.weight", "conv0", words));
        QVERIFY(!isMaskExempt("conv0.weight", "conv0", {}));
        // Pretrained models: LayerNorm in any case; classifier and pooler through their "head" layer.
        QVERIFY(isMaskExempt("bert.encoder.layer.0.output.LayerNorm.weight", "layer0", words));
        QVERIFY(isMaskExempt("classifier.weight", "head", words));
        QVERIFY(isMaskExempt("bert.pooler.dense.weight", "head", words));
        QVERIFY(!isMaskExempt("bert.encoder.layer.0.attention.self.query.weight", "layer0", words));
    }

    void flatSaliencyAndSumsMatchPerTensorSaliency() {
        // |θ ⊙ g|, g² and |g| per tensor (elementSaliency) are the reference for the flat and
        // multi-tensor forms; a parameter without a gradient counts as zero saliency.
        torch::manual_seed(6);
        std::vector<torch::Tensor> parameters{torch::randn({3, 4}).requires_grad_(true),
                                              torch::randn({5}).requires_grad_(true),
                                              torch::randn({2, 3}).requires_grad_(true)};
        parameters[0].mutable_grad() = torch::randn({3, 4});
        parameters[2].mutable_grad() = torch::randn({2, 3});
        for (const SaliencyKind kind : {SaliencyKind::Taylor, SaliencyKind::Fisher, SaliencyKind::Gradient}) {
            std::vector<torch::Tensor> expected;
            for (const auto& parameter : parameters)
                expected.push_back(parameter.grad().defined()
                                       ? elementSaliency(kind, parameter, parameter.grad()).reshape(-1)
                                       : torch::zeros({parameter.numel()}));
            const torch::Tensor flat = flatSaliency(kind, parameters);
            QVERIFY(torch::allclose(flat, torch::cat(expected), 1e-6, 1e-7));
            const torch::Tensor sums = saliencySums(kind, parameters);
            QCOMPARE(sums.numel(), std::int64_t{3});
            for (std::size_t i = 0; i < expected.size(); ++i)
                QVERIFY(std::abs(sums[static_cast<std::int64_t>(i)].item<double>() -
                                 expected[i].sum().item<double>()) < 1e-5);
            QCOMPARE(sums[1].item<double>(), 0.0);
        }
        QVERIFY(!flatSaliency(SaliencyKind::Taylor, {}).defined());
    }

    void keepRatioIsExactWithTiesAndZeros() {
        // Ties at the threshold go to the lowest indices.
        const torch::Tensor tied = torch::tensor({1.0f, 2.0f, 2.0f, 2.0f, 3.0f, 0.0f});
        QVERIFY(
            torch::equal(keepTopElements(tied, 3), torch::tensor({false, true, true, false, true, false})));
        // Zero saliency is never kept, even when k asks for more.
        const torch::Tensor zeros = torch::tensor({0.0f, 0.0f, 1.0f, 0.0f});
        QVERIFY(torch::equal(keepTopElements(zeros, 2), torch::tensor({false, false, true, false})));
        QVERIFY(torch::equal(keepTopElements(zeros, 0), torch::zeros({4}, torch::kBool)));

        // Global ranking favours the larger tensor; per-tensor keeps half of each.
        const std::vector<torch::Tensor> saliency{torch::tensor({10.0f, 20.0f, 30.0f, 40.0f}),
                                                  torch::tensor({1.0f, 2.0f, 3.0f, 4.0f})};
        const auto global = selectKeptElements(saliency, 0.5, true);
        QVERIFY(torch::equal(global[0], torch::ones({4}, torch::kBool)));
        QVERIFY(torch::equal(global[1], torch::zeros({4}, torch::kBool)));
        const auto perTensor = selectKeptElements(saliency, 0.5, false);
        QVERIFY(torch::equal(perTensor[0], torch::tensor({false, false, true, true})));
        QVERIFY(torch::equal(perTensor[1], torch::tensor({false, false, true, true})));

        // Random tensors with many ties: exactly floor(ρN) kept, shapes preserved.
        torch::manual_seed(9);
        const std::vector<torch::Tensor> random{torch::randint(1, 5, {17, 9}).to(torch::kFloat),
                                                torch::randint(1, 5, {31}).to(torch::kFloat)};
        const auto kept = selectKeptElements(random, 0.37, true);
        QCOMPARE(kept[0].sizes().vec(), random[0].sizes().vec());
        QCOMPARE(kept[0].sum().item<std::int64_t>() + kept[1].sum().item<std::int64_t>(),
                 static_cast<std::int64_t>(std::floor(0.37 * (17 * 9 + 31))));
        const auto keptEach = selectKeptElements(random, 0.37, false);
        QCOMPARE(keptEach[0].sum().item<std::int64_t>(), static_cast<std::int64_t>(std::floor(0.37 * 153)));
        QCOMPARE(keptEach[1].sum().item<std::int64_t>(), static_cast<std::int64_t>(std::floor(0.37 * 31)));
        // Every kept element is at least as salient as every dropped one.
        const torch::Tensor all = torch::cat({random[0].reshape(-1), random[1]});
        const torch::Tensor mask = torch::cat({kept[0].reshape(-1), kept[1]});
        QVERIFY(all.masked_select(mask).min().item<float>() >= all.masked_select(~mask).max().item<float>());
    }

    void adversaryStepHasTheConfiguredNorm() {
        torch::manual_seed(11);
        const torch::Tensor e = torch::randn({2, 5, 4});
        torch::Tensor mask = torch::ones({2, 5}, torch::kBool);
        mask.index_put_({1, torch::indexing::Slice(3)}, false);
        const torch::Tensor g = torch::randn({2, 5, 4});
        int lossCalls = 0;
        const auto loss = [&](const torch::Tensor& x) {
            ++lossCalls;
            return x.sum();
        };
        const torch::Tensor eNorms = maskedExampleNorms(e, mask);

        AdversaryOptions options;
        options.stepSize = 0.05;
        const torch::Tensor relative = EmbeddingAdversary(options).search(e, mask, loss, g);
        QCOMPARE(lossCalls, 0);  // m = 1 from zero: the clean gradient is the only g
        QVERIFY(torch::allclose(maskedExampleNorms(relative, mask), 0.05 * eNorms, 1e-5, 1e-6));
        QVERIFY(torch::equal(relative.index({1, torch::indexing::Slice(3)}), torch::zeros({2, 4})));
        QVERIFY(!relative.requires_grad());
        // The step points along g.
        const torch::Tensor cosine = (relative[0] * g[0]).sum() / (relative[0].norm() * g[0].norm());
        QVERIFY(cosine.item<double>() > 0.9999);

        options.relativeScale = false;
        options.stepSize = 0.3;
        const torch::Tensor absolute = EmbeddingAdversary(options).search(e, mask, loss, g);
        QVERIFY(torch::allclose(maskedExampleNorms(absolute, mask), torch::full({2}, 0.3), 1e-5, 1e-6));

        // Several steps against a constant gradient, projected onto ε = 0.1·‖e‖.
        options.relativeScale = true;
        options.steps = 4;
        options.stepSize = 0.08;
        options.maxNorm = 0.1;
        const torch::Tensor projected = EmbeddingAdversary(options).search(e, mask, loss, g);
        QCOMPARE(lossCalls, 3);
        QVERIFY(torch::allclose(maskedExampleNorms(projected, mask), 0.1 * eNorms, 1e-5, 1e-6));
        QVERIFY(torch::equal(projected.index({1, torch::indexing::Slice(3)}), torch::zeros({2, 4})));

        // Uniform init: starts at norm adv_init_mag·s, padding still zero.
        options.steps = 0;
        options.maxNorm = 0;
        options.uniformInit = true;
        options.initMagnitude = 0.02;
        const torch::Tensor start = EmbeddingAdversary(options).search(e, mask, loss);
        QVERIFY(torch::allclose(maskedExampleNorms(start, mask), 0.02 * eNorms, 1e-5, 1e-6));
        QVERIFY(torch::equal(start.index({1, torch::indexing::Slice(3)}), torch::zeros({2, 4})));
    }

    void dropoutRatesStayInRangeAndFollowImportance() {
        AdaptiveDropoutOptions options;
        options.minRate = 0.1;
        options.maxRate = 0.4;
        options.jitter = 0.0;
        AdaptiveDropout exact({"a", "b", "c"}, options, 1);
        // Before any importance: uniform in [min, max].
        for (const auto& pass : exact.sampleRates(20))
            for (double rate : pass) QVERIFY(rate >= 0.1 && rate <= 0.4);
        exact.observeSaliency({1.0, 3.0, 2.0});
        const auto rates = exact.sampleRates(2);
        // I = [0, 1, 0.5] -> b = max − (max − min)·I.
        for (const auto& pass : rates) {
            QVERIFY(std::abs(pass[0] - 0.4) < 1e-12);
            QVERIFY(std::abs(pass[1] - 0.1) < 1e-12);
            QVERIFY(std::abs(pass[2] - 0.25) < 1e-12);
        }
        // EMA: 0.9·old + 0.1·new.
        exact.observeSaliency({3.0, 3.0, 2.0});
        const auto importance = exact.importance();
        // Smoothed saliency [1.2, 3, 2]: min-max normalised.
        QVERIFY(std::abs(importance[0]) < 1e-12);
        QVERIFY(std::abs(importance[1] - 1) < 1e-12);
        QVERIFY(std::abs(importance[2] - (2 - 1.2) / (3 - 1.2)) < 1e-12);

        options.jitter = 1.0;
        AdaptiveDropout jittered({"low", "high"}, options, 2);
        jittered.observeSaliency({0.5, 5.0});
        double sumLow = 0, sumHigh = 0;
        const auto many = jittered.sampleRates(400);
        for (const auto& pass : many) {
            for (double rate : pass) QVERIFY(rate >= 0.1 && rate <= 0.4);
            sumLow += pass[0];
            sumHigh += pass[1];
        }
        QVERIFY(sumHigh < sumLow);    // the important site is dropped less
        QVERIFY(many[0] != many[1]);  // the passes differ

        options.rule = "fixed";
        AdaptiveDropout fixed({"a", "b"}, options, 3);
        fixed.observeSaliency({1.0, 2.0});
        for (const auto& pass : fixed.sampleRates(3))
            for (double rate : pass) QCOMPARE(rate, 0.25);

        options.rule = "uniform";
        AdaptiveDropout uniform({"a", "b"}, options, 4);
        uniform.observeSaliency({1.0, 2.0});
        const auto uniformRates = uniform.sampleRates(50);
        for (const auto& pass : uniformRates)
            for (double rate : pass) QVERIFY(rate >= 0.1 && rate <= 0.4);
    }

    void dropoutStateRoundTrips() {
        AdaptiveDropout original({"a", "b"}, {}, 7);
        original.observeSaliency({1.0, 2.0});
        original.sampleRates(3);
        AdaptiveDropout restored({"a", "b"}, {}, 99);
        restored.loadState(original.saveState());
        QCOMPARE(restored.sampleRates(4), original.sampleRates(4));
        AdaptiveDropout otherSites(std::vector<std::string>{"x"}, AdaptiveDropoutOptions{}, 1);
        QVERIFY_THROWS_EXCEPTION(uegr::Error, otherSites.loadState(original.saveState()));
    }

    void snapshotDownsamplesToAtMost64Cells() {
        const torch::Tensor big = torch::arange(200 * 130, torch::kFloat).reshape({200, 130});
        const torch::Tensor mask = torch::ones({200, 130}, torch::kBool);
        const SaliencyTensorMap map = downsampleSaliency("block0", "w", big, mask);
        QCOMPARE(map.rows, 64);
        QCOMPARE(map.cols, 64);
        QCOMPARE(static_cast<int>(map.values.size()), 64 * 64);
        QCOMPARE(map.shape, (std::vector<std::int64_t>{200, 130}));
        QVERIFY(std::abs(map.keptFraction[100] - 1.0f) < 1e-6);

        // 1-D: 1 x n, block means of exact halves.
        const SaliencyTensorMap small = downsampleSaliency("head", "bias", torch::tensor({1.0f, 3.0f, 5.0f}),
                                                           torch::tensor({true, false, true}));
        QCOMPARE(small.rows, 1);
        QCOMPARE(small.cols, 3);
        QCOMPARE(small.keptFraction, (std::vector<float>{1, 0, 1}));
        const SaliencyTensorMap pooled = downsampleSaliency("x", "y", torch::arange(128, torch::kFloat), {});
        QCOMPARE(pooled.cols, 64);
        QCOMPARE(pooled.values[0], 0.5f);  // mean of 0 and 1
        QCOMPARE(pooled.keptFraction[0], 1.0f);
    }
};

QTEST_GUILESS_MAIN(TestEngineUnits)
#include "test_engine_units.moc"
