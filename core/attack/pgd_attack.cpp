#include "attack/pgd_attack.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <random>

#include "attack/candidate_scorer.h"
#include "model/eval_mode_guard.h"
#include "util/error.h"

namespace uegr {
namespace {

std::uint64_t mixSeed(std::uint64_t seed, std::uint64_t a, std::uint64_t b) {
    std::uint64_t z = seed ^ (a * 0x9E3779B97F4A7C15ULL) ^ (b * 0xD1B54A32D192ED03ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

// Per-example norm over all positions of [B, T, E] (padding is already zero).
torch::Tensor exampleNorm(const torch::Tensor& values, PgdNorm norm) {
    const torch::Tensor flat = values.flatten(1);
    if (norm == PgdNorm::L2) return flat.pow(2).sum(1).sqrt();
    return std::get<0>(flat.abs().max(1));
}

torch::Tensor project(const torch::Tensor& delta, const torch::Tensor& radius, PgdNorm norm) {
    const torch::Tensor bound = radius.view({-1, 1, 1});
    if (norm == PgdNorm::Linf) return torch::maximum(torch::minimum(delta, bound), -bound);
    const torch::Tensor length = exampleNorm(delta, PgdNorm::L2).view({-1, 1, 1});
    return delta * torch::clamp_max(bound / (length + 1e-12), 1.0);
}

// Uniform in [-radius, radius] per component, from a portable generator so every device and
// LibTorch version draws the same start.
torch::Tensor randomStart(const torch::Tensor& like, const torch::Tensor& radius, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::vector<float> values(static_cast<std::size_t>(like.numel()));
    for (float& value : values)
        value = static_cast<float>(static_cast<double>(rng() >> 11) * 0x1.0p-53 * 2.0 - 1.0);
    const torch::Tensor unit = torch::from_blob(values.data(), like.sizes(), torch::kFloat32).clone();
    return unit.to(like.device(), like.scalar_type()) * radius.view({-1, 1, 1});
}

std::vector<double> probabilityRow(const torch::Tensor& logits, std::int64_t row) {
    const torch::Tensor probabilities =
        torch::softmax(logits[row].to(torch::kCPU, torch::kFloat64), 0).contiguous();
    return std::vector<double>(probabilities.data_ptr<double>(),
                               probabilities.data_ptr<double>() + probabilities.numel());
}

}  // namespace

PgdNorm parsePgdNorm(const std::string& name) {
    if (name == "l2") return PgdNorm::L2;
    if (name == "linf") return PgdNorm::Linf;
    throw Error("unknown PGD norm \"" + name + "\" (expected l2 or linf)");
}

std::string pgdNormName(PgdNorm norm) {
    return norm == PgdNorm::L2 ? "l2" : "linf";
}

void validate(const PgdOptions& options) {
    if (options.epsilons.empty()) throw Error("PGD needs at least one epsilon");
    for (const double epsilon : options.epsilons)
        if (!(epsilon >= 0.0))
            throw Error("PGD epsilons must be non-negative (got " + std::to_string(epsilon) + ")");
    if (options.steps < 1) throw Error("PGD steps must be at least 1");
    if (options.restarts < 1) throw Error("PGD restarts must be at least 1");
    if (options.batchSize < 1) throw Error("attack batch size must be at least 1");
}

PgdBatchOutcome pgdAttackBatch(TextClassifierImpl& model, const Batch& batch, double epsilon,
                               const PgdOptions& options, std::uint64_t seed) {
    EvalModeGuard evalMode(model);
    torch::Tensor embeddings;
    {
        torch::NoGradGuard noGrad;
        embeddings = model.embed(batch.inputIds).detach();
    }
    const torch::Tensor mask = batch.attentionMask.unsqueeze(-1).to(embeddings.dtype());
    const std::vector<double> rates = model.defaultDropoutRates();
    PgdBatchOutcome outcome;
    outcome.radius = options.relative ? exampleNorm(embeddings * mask, options.norm) * epsilon
                                      : torch::full({embeddings.size(0)}, epsilon, embeddings.options());
    const torch::Tensor stepSize = (outcome.radius * (2.5 / options.steps)).view({-1, 1, 1});
    outcome.broken = torch::zeros({embeddings.size(0)}, batch.labels.options().dtype(torch::kBool));

    for (int restart = 0; restart < options.restarts; ++restart) {
        torch::Tensor delta =
            restart == 0 ? torch::zeros_like(embeddings)
                         : project(randomStart(embeddings, outcome.radius,
                                               mixSeed(seed, static_cast<std::uint64_t>(restart), 0)),
                                   outcome.radius, options.norm) *
                               mask;
        for (int step = 0; step < options.steps; ++step) {
            const torch::Tensor variable = delta.detach().requires_grad_(true);
            const torch::Tensor logits =
                model.forwardEmbedded(embeddings + variable, batch.attentionMask, rates);
            const torch::Tensor loss = torch::nn::functional::cross_entropy(
                logits, batch.labels,
                torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kSum));
            torch::Tensor gradient = torch::autograd::grad({loss}, {variable})[0];
            torch::NoGradGuard noGrad;
            gradient = gradient * mask;
            const torch::Tensor direction =
                options.norm == PgdNorm::L2
                    ? gradient / exampleNorm(gradient, PgdNorm::L2).clamp_min(1e-12).view({-1, 1, 1})
                    : gradient.sign();
            delta = project(delta + stepSize * direction, outcome.radius, options.norm) * mask;
        }
        torch::NoGradGuard noGrad;
        const torch::Tensor logits = model.forwardEmbedded(embeddings + delta, batch.attentionMask, rates);
        const torch::Tensor wrong = logits.argmax(1) != batch.labels;
        // Broken rows keep the perturbation that broke them; the others take this restart's.
        if (restart == 0) {
            outcome.delta = delta;
            outcome.logits = logits;
        } else {
            outcome.delta = torch::where(outcome.broken.view({-1, 1, 1}), outcome.delta, delta);
            outcome.logits = torch::where(outcome.broken.view({-1, 1}), outcome.logits, logits);
        }
        outcome.broken = outcome.broken.logical_or(wrong);
        outcome.restartsRun = restart + 1;
        if (outcome.broken.all().item<bool>()) break;
    }
    return outcome;
}

PgdReport runPgdAttack(const ModelBundle& bundle, const Dataset& dataset, const PgdOptions& options,
                       const AttackProgress& progress) {
    validate(options);
    if (!bundle.model) throw Error("an attack needs a loaded model");
    TextClassifierImpl& model = *bundle.model;
    const std::vector<torch::Tensor> parameters = model.parameters();
    const torch::Device device =
        parameters.empty() ? torch::Device(torch::kCPU) : parameters.front().device();
    const EncodedDataset encoded(dataset, bundle.encoder, bundle.maxLength);
    const std::size_t count = encoded.size();

    // Clean predictions: the state every ε starts from.
    std::vector<AttackResult> state(count);
    {
        CandidateScorer scorer(bundle, options.batchSize);
        std::vector<std::vector<std::int64_t>> ids;
        for (std::size_t i = 0; i < count; ++i) ids.push_back(encoded.ids(i));
        const std::vector<std::vector<double>> clean = scorer.score(ids);
        for (std::size_t i = 0; i < count; ++i) {
            AttackResult& result = state[i];
            result.index = i;
            result.originalText = result.adversarialText = dataset.examples[i].text;
            result.trueLabel = dataset.examples[i].label;
            result.originalProbabilities = result.adversarialProbabilities = clean[i];
            result.originalLabel = result.adversarialLabel = argmax(clean[i]);
            result.words = encoded.ids(i).size();
            result.status =
                result.originalLabel == result.trueLabel ? AttackStatus::Failed : AttackStatus::Skipped;
        }
    }

    std::vector<double> epsilons = options.epsilons;
    std::sort(epsilons.begin(), epsilons.end());
    epsilons.erase(std::unique(epsilons.begin(), epsilons.end()), epsilons.end());
    PgdReport report;
    std::size_t done = 0;
    for (std::size_t e = 0; e < epsilons.size(); ++e) {
        std::vector<std::size_t> pending;
        for (std::size_t i = 0; i < count; ++i)
            if (state[i].status == AttackStatus::Failed) pending.push_back(i);
        for (std::size_t start = 0; start < pending.size();
             start += static_cast<std::size_t>(options.batchSize)) {
            const std::vector<std::size_t> indices(
                pending.begin() + static_cast<std::ptrdiff_t>(start),
                pending.begin() + static_cast<std::ptrdiff_t>(std::min(
                                      pending.size(), start + static_cast<std::size_t>(options.batchSize))));
            const Batch batch = encoded.makeBatch(indices).to(device);
            const PgdBatchOutcome outcome =
                pgdAttackBatch(model, batch, epsilons[e], options, mixSeed(options.seed, e, start));
            const torch::Tensor broken = outcome.broken.to(torch::kCPU);
            const torch::Tensor changed =
                (outcome.delta.abs().sum(-1) > 0).logical_and(batch.attentionMask).sum(1).to(torch::kCPU);
            for (std::size_t row = 0; row < indices.size(); ++row) {
                AttackResult& result = state[indices[row]];
                const auto r = static_cast<std::int64_t>(row);
                result.queries += static_cast<std::int64_t>(outcome.restartsRun) * (options.steps + 1);
                result.adversarialProbabilities = probabilityRow(outcome.logits, r);
                result.adversarialLabel = argmax(result.adversarialProbabilities);
                result.perturbedWords = static_cast<std::size_t>(changed[r].item<std::int64_t>());
                result.perturbedWordShare = result.words > 0 ? static_cast<double>(result.perturbedWords) /
                                                                   static_cast<double>(result.words)
                                                             : 0.0;
                if (broken[r].item<bool>()) result.status = AttackStatus::Succeeded;
            }
            done += indices.size();
            if (progress) progress(done, pending.size());
        }
        PgdEpsilonResult epsilonResult;
        epsilonResult.epsilon = epsilons[e];
        epsilonResult.results = state;
        epsilonResult.summary = summarizeAttack(state);
        report.perEpsilon.push_back(std::move(epsilonResult));
        done = 0;
    }
    return report;
}

nlohmann::json toJson(const PgdReport& report, const PgdOptions& options) {
    nlohmann::json perEpsilon = nlohmann::json::array();
    for (const PgdEpsilonResult& result : report.perEpsilon) {
        nlohmann::json entry = toJson(result.summary);
        entry["epsilon"] = result.epsilon;
        perEpsilon.push_back(std::move(entry));
    }
    return {{"norm", pgdNormName(options.norm)},
            {"relative", options.relative},
            {"steps", options.steps},
            {"restarts", options.restarts},
            {"per_epsilon", perEpsilon}};
}

std::vector<nlohmann::json> pgdRecords(const PgdReport& report) {
    std::vector<nlohmann::json> records;
    if (report.perEpsilon.empty()) return records;
    for (std::size_t i = 0; i < report.perEpsilon.front().results.size(); ++i) {
        const AttackResult& clean = report.perEpsilon.front().results[i];
        nlohmann::json record{{"index", i},
                              {"text", clean.originalText},
                              {"true_label", clean.trueLabel},
                              {"original_label", clean.originalLabel},
                              {"original_probabilities", clean.originalProbabilities}};
        nlohmann::json perEpsilon = nlohmann::json::array();
        for (const PgdEpsilonResult& epsilon : report.perEpsilon) {
            const AttackResult& result = epsilon.results[i];
            perEpsilon.push_back({{"epsilon", epsilon.epsilon},
                                  {"status", attackStatusName(result.status)},
                                  {"adversarial_label", result.adversarialLabel},
                                  {"adversarial_probabilities", result.adversarialProbabilities},
                                  {"queries", result.queries},
                                  {"perturbed_word_share", result.perturbedWordShare}});
        }
        record["per_epsilon"] = std::move(perEpsilon);
        records.push_back(std::move(record));
    }
    return records;
}

}  // namespace uegr
