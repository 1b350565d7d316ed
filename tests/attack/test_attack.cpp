// Adversarial attacks: the TextAttack summary from hand-made records; charswap on a hand-built
// model whose decision rests on known words (stop-words untouched, perturbation cap, seeds);
// PGD on a linear model whose breaking radius is known in closed form; the `uegr attack` CLI.
#include <torch/torch.h>
#include <QtTest/QtTest>

#include <nlohmann/json.hpp>

#include <cmath>
#include <sstream>

#include "attack/attack_result.h"
#include "attack/char_swap_attack.h"
#include "attack/pgd_attack.h"
#include "attack/stop_words.h"
#include "attack/synonym_attack.h"
#include "attack/wordnet.h"
#include "model/model_bundle.h"
#include "text/tokenizer.h"
#include "util/error.h"
#include "../support/cli_runner.h"

using uegr::testing::CliResult;
using uegr::testing::runCli;

using namespace uegr;

namespace {

const std::vector<std::string> kWords{"the", "film", "was", "great", "plot", "story", "acting", "awful"};

// logits = W · Σ_t mask_t e_t + b with 2-d embeddings: class 1 ("pos") gains the first
// coordinate, so each word's first coordinate is its vote; unknown words (<unk>) vote 0.
class WordVoteImpl : public TextClassifierImpl {
public:
    explicit WordVoteImpl(const Vocabulary& vocabulary, const std::map<std::string, float>& votes,
                          float bias) {
        torch::Tensor table = torch::zeros({vocabulary.size(), 2});
        table.index_put_({torch::indexing::Slice(), 1}, 0.5);  // a second coordinate the logits ignore
        for (const auto& [word, vote] : votes) table.index_put_({vocabulary.idOf(word), 0}, vote);
        table.index_put_({Vocabulary::kPad}, torch::tensor({9.0f, 9.0f}));  // must be masked out
        table_ = register_parameter("embeddings", table);
        weight_ = register_parameter("weight", torch::tensor({{0.0f, 0.0f}, {1.0f, 0.0f}}));
        bias_ = register_parameter("bias", torch::tensor({0.0f, bias}));
    }
    torch::Tensor embed(const torch::Tensor& ids) override {
        return table_.index_select(0, ids.reshape(-1)).view({ids.size(0), ids.size(1), 2});
    }
    torch::Tensor forwardEmbedded(const torch::Tensor& e, const torch::Tensor& mask,
                                  const std::vector<double>&) override {
        return torch::nn::functional::linear((e * mask.unsqueeze(-1).to(e.dtype())).sum(1), weight_, bias_);
    }
    std::vector<DropoutSite> dropoutSites() const override { return {}; }
    std::vector<ParameterLayer> parameterLayers() const override {
        return {{"embeddings", {"embeddings"}}, {"head", {"weight", "bias"}}};
    }

private:
    torch::Tensor table_, weight_, bias_;
};

ModelBundle voteBundle(const std::map<std::string, float>& votes, float bias) {
    ModelBundle bundle;
    bundle.encoder = TextEncoder::words(Vocabulary::build({kWords}, 1, 100), true);
    bundle.model = std::make_shared<WordVoteImpl>(bundle.encoder.vocabulary(), votes, bias);
    bundle.labels.add("neg");
    bundle.labels.add("pos");
    bundle.maxLength = 32;
    return bundle;
}

Dataset dataset(const std::vector<std::pair<std::string, int>>& rows) {
    Dataset data;
    for (const auto& [text, label] : rows) data.examples.push_back(Example{text, {}, label, 0});
    return data;
}

AttackResult record(AttackStatus status, double share, std::int64_t queries) {
    AttackResult result;
    result.status = status;
    result.perturbedWordShare = share;
    result.queries = queries;
    return result;
}

bool hasWordNet() {
    return QFile::exists(QStringLiteral("/usr/share/wordnet/index.noun"));
}

double norm2(const torch::Tensor& values) {
    return values.pow(2).sum().sqrt().item<double>();
}


std::string savedTextCnn(const QTemporaryDir& root) {
    ModelConfig config;
    config.embeddingDim = 8;
    config.kernelSizes = {1, 2};
    config.numFilters = 4;
    std::vector<std::string> words{"a",   "good", "movie",  "great",   "acting",
                                   "bad", "plot", "boring", "terrible"};
    const Vocabulary vocabulary = Vocabulary::build({words}, 1, 100);
    LabelSet labels;
    labels.add("neg");
    labels.add("pos");
    torch::manual_seed(11);
    TextClassifier model = createModel(config, vocabulary.size(), 2, 24);
    const std::string dir = root.filePath("model").toStdString();
    saveModelBundle(dir, *model, config, TextEncoder::words(vocabulary, true), labels, 24);
    return dir;
}

}  // namespace

class TestAttack : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void summaryFollowsTextAttack() {
        const AttackSummary summary =
            summarizeAttack({record(AttackStatus::Succeeded, 0.2, 10),
                             record(AttackStatus::Succeeded, 0.4, 20), record(AttackStatus::Failed, 0.0, 30),
                             record(AttackStatus::Skipped, 0.0, 1), record(AttackStatus::Failed, 0.1, 40)});
        QCOMPARE(summary.examples, std::size_t{5});
        QCOMPARE(summary.skipped, std::size_t{1});
        QCOMPARE(summary.cleanAccuracy, 0.8);
        QCOMPARE(summary.accuracyUnderAttack, 0.4);
        QCOMPARE(summary.attackSuccessRate, 0.5);
        QVERIFY(std::abs(summary.avgPerturbedWordShare - 0.3) < 1e-12);  // successful attacks only
        QCOMPARE(summary.avgQueries, 25.0);                              // skipped example left out
        const AttackSummary empty = summarizeAttack({record(AttackStatus::Skipped, 0, 1)});
        QCOMPARE(empty.attackSuccessRate, 0.0);
        QCOMPARE(empty.avgQueries, 0.0);
    }

    void charSwapFlipsTheDecisiveWord() {
        // "great" votes +4 against a bias of -2: editing it into an unknown word flips to neg.
        const ModelBundle bundle = voteBundle({{"great", 4.0f}}, -2.0f);
        const std::vector<AttackResult> results = runCharSwapAttack(
            bundle, dataset({{"The film was great !", 1}, {"the plot", 1}}), CharSwapOptions{});
        const AttackResult& flipped = results[0];
        QCOMPARE(flipped.status, AttackStatus::Succeeded);
        QCOMPARE(flipped.originalLabel, 1);
        QCOMPARE(flipped.adversarialLabel, 0);
        QCOMPARE(flipped.words, std::size_t{4});  // "!" is punctuation
        QCOMPARE(flipped.perturbedWords, std::size_t{1});
        QCOMPARE(flipped.perturbedWordShare, 0.25);
        const std::vector<std::string> tokens = tokenize(flipped.adversarialText, false);
        QCOMPARE(tokens.size(), std::size_t{5});
        QCOMPARE(tokens[0], std::string("The"));
        QCOMPARE(tokens[1], std::string("film"));
        QCOMPARE(tokens[4], std::string("!"));
        QVERIFY(tokens[3] != "great");
        QVERIFY(flipped.adversarialProbabilities[0] > 0.5);
        // queries: 1 clean + 2 leave-one-out ("film", "great") + the candidates of one word
        QVERIFY(flipped.queries >= 4 && flipped.queries <= 3 + CharSwapOptions{}.candidatesPerWord);
        QCOMPARE(results[1].status, AttackStatus::Skipped);  // bias -2 alone says neg
    }

    void charSwapNeverTouchesStopWords() {
        // Only the stop-word "the" carries the decision: the attack must fail and leave it.
        const ModelBundle bundle = voteBundle({{"the", 3.0f}}, -1.0f);
        const std::vector<AttackResult> results =
            runCharSwapAttack(bundle, dataset({{"the film , the plot", 1}, {"The story was the acting", 1}}),
                              CharSwapOptions{});
        for (const AttackResult& result : results) {
            QCOMPARE(result.status, AttackStatus::Failed);
            const std::vector<std::string> before = tokenize(result.originalText, false);
            const std::vector<std::string> after = tokenize(result.adversarialText, false);
            QCOMPARE(after.size(), before.size());
            for (std::size_t i = 0; i < before.size(); ++i)
                if (isStopWord(before[i]) || before[i] == ",") QCOMPARE(after[i], before[i]);
        }
    }

    void charSwapRespectsThePerturbationCap() {
        // Four "great" votes of 2 against a bias of -3: flipping needs three edits, the 25% cap of
        // 8 words allows two.
        const ModelBundle bundle = voteBundle({{"great", 2.0f}}, -3.0f);
        CharSwapOptions options;
        options.maxEditShare = 1.0;
        const std::vector<AttackResult> results = runCharSwapAttack(
            bundle, dataset({{"great great great great film plot story acting", 1}}), options);
        QCOMPARE(results[0].status, AttackStatus::Failed);
        QCOMPARE(results[0].words, std::size_t{8});
        QCOMPARE(results[0].perturbedWords, std::size_t{2});
        QCOMPARE(results[0].adversarialProbabilities[1] < results[0].originalProbabilities[1], true);
        options.maxPerturbedShare = 0.5;  // four words allowed: now it flips after three
        const AttackResult wider = runCharSwapAttack(
            bundle, dataset({{"great great great great film plot story acting", 1}}), options)[0];
        QCOMPARE(wider.status, AttackStatus::Succeeded);
        QCOMPARE(wider.perturbedWords, std::size_t{3});
        // The query budget stops the attack too.
        options.queryBudget = 3;
        const AttackResult starved = runCharSwapAttack(
            bundle, dataset({{"great great great great film plot story acting", 1}}), options)[0];
        QCOMPARE(starved.queries, std::int64_t{3});
        QCOMPARE(starved.status, AttackStatus::Failed);
    }

    void sameSeedSameRecords() {
        const QTemporaryDir root;
        const ModelBundle bundle = loadModelBundle(savedTextCnn(root));
        const Dataset data = dataset({{"a good movie , great acting", 1},
                                      {"bad plot and terrible acting", 0},
                                      {"boring movie", 0},
                                      {"great great movie", 1}});
        CharSwapOptions options;
        options.seed = 7;
        options.maxPerturbedShare = 1.0;
        const auto run = [&] {
            std::string dump;
            for (const AttackResult& result : runCharSwapAttack(bundle, data, options))
                dump += toJson(result).dump() + "\n";
            return dump;
        };
        QCOMPARE(run(), run());
        PgdOptions pgd;
        pgd.restarts = 3;
        pgd.epsilons = {0.5, 2.0};
        const auto runPgd = [&] {
            std::string dump;
            for (const PgdEpsilonResult& epsilon : runPgdAttack(bundle, data, pgd).perEpsilon)
                for (const AttackResult& result : epsilon.results) dump += toJson(result).dump() + "\n";
            return dump;
        };
        QCOMPARE(runPgd(), runPgd());
    }

    void pgdStaysInTheBallAndLeavesPaddingAlone() {
        const ModelBundle bundle = voteBundle({{"great", 1.0f}, {"awful", -1.0f}}, 0.0f);
        Batch batch;
        batch.inputIds = torch::tensor({{bundle.encoder.vocabulary().idOf("great"), bundle.encoder.vocabulary().idOf("film"), 0L},
                                        {bundle.encoder.vocabulary().idOf("awful"), bundle.encoder.vocabulary().idOf("plot"),
                                         bundle.encoder.vocabulary().idOf("film")}});
        batch.attentionMask = batch.inputIds != 0;
        batch.labels = torch::tensor({1L, 0L});
        for (const PgdNorm norm : {PgdNorm::L2, PgdNorm::Linf}) {
            for (const bool relative : {false, true}) {
                PgdOptions options;
                options.norm = norm;
                options.relative = relative;
                options.restarts = 3;
                const PgdBatchOutcome outcome = pgdAttackBatch(*bundle.model, batch, 0.3, options, 5);
                QCOMPARE(outcome.delta[0][2].abs().sum().item<double>(), 0.0);  // the padding position
                for (std::int64_t row = 0; row < 2; ++row) {
                    const double radius = outcome.radius[row].item<double>();
                    const double size = norm == PgdNorm::L2 ? norm2(outcome.delta[row])
                                                            : outcome.delta[row].abs().max().item<double>();
                    QVERIFY2(size <= radius * (1 + 1e-5), std::to_string(size).c_str());
                    QVERIFY(size > 0.5 * radius);  // the attack does move
                }
                // Relative L2 radius: 0.3 × ‖e‖ over real positions ("great" (1, .5), "film" (0, .5)).
                if (relative && norm == PgdNorm::L2)
                    QVERIFY(std::abs(outcome.radius[0].item<double>() - 0.3 * std::sqrt(1.5)) < 1e-6);
                if (!relative) QVERIFY(std::abs(outcome.radius[1].item<double>() - 0.3) < 1e-7);
            }
        }
        for (const torch::Tensor& parameter : bundle.model->parameters())
            QVERIFY(!parameter.grad().defined());
    }

    void pgdBreaksExactlyBeyondTheMargin() {
        // "great film": logits (0, 2 − 1) so the margin is 1. The best L2 perturbation of total
        // norm ε spread over T = 2 positions moves the margin by ε·√2: broken iff ε > 1/√2.
        const ModelBundle bundle = voteBundle({{"great", 2.0f}}, -1.0f);
        PgdOptions options;
        options.relative = false;
        options.epsilons = {0.8, 0.1, 0.6};
        options.steps = 20;
        const PgdReport report = runPgdAttack(bundle, dataset({{"great film", 1}}), options);
        QCOMPARE(report.perEpsilon.size(), std::size_t{3});
        QCOMPARE(report.perEpsilon[0].epsilon, 0.1);
        QCOMPARE(report.perEpsilon[1].results[0].status, AttackStatus::Failed);     // 0.6
        QCOMPARE(report.perEpsilon[2].results[0].status, AttackStatus::Succeeded);  // 0.8
        QCOMPARE(report.perEpsilon[2].summary.accuracyUnderAttack, 0.0);
    }

    void pgdAccuracyNeverRisesWithEpsilon() {
        const QTemporaryDir root;
        const ModelBundle bundle = loadModelBundle(savedTextCnn(root));
        Dataset data;
        const std::vector<std::string> texts{"a good movie", "bad plot",        "terrible acting",
                                             "great movie",  "boring plot",     "good acting",
                                             "a bad movie",  "great great plot"};
        for (std::size_t i = 0; i < texts.size(); ++i)
            data.examples.push_back(Example{texts[i], {}, int(i % 2), 0});
        for (const PgdNorm norm : {PgdNorm::L2, PgdNorm::Linf}) {
            PgdOptions options;
            options.norm = norm;
            options.epsilons = {0.0, 0.05, 0.2, 0.5, 1.0, 3.0};
            options.restarts = 2;
            options.batchSize = 3;
            const PgdReport report = runPgdAttack(bundle, data, options);
            QCOMPARE(report.perEpsilon.front().summary.accuracyUnderAttack,
                     report.perEpsilon.front().summary.cleanAccuracy);  // ε = 0 changes nothing
            for (std::size_t e = 1; e < report.perEpsilon.size(); ++e)
                QVERIFY(report.perEpsilon[e].summary.accuracyUnderAttack <=
                        report.perEpsilon[e - 1].summary.accuracyUnderAttack);
            QVERIFY(report.perEpsilon.back().summary.accuracyUnderAttack <
                    report.perEpsilon.front().summary.cleanAccuracy);
        }
    }

    void wordNetFindsSynonymsOfCommonWords() {
        if (!hasWordNet()) QSKIP("WordNet database absent: install wordnet-base (scripts/setup.sh does)");
        WordNet wordNet;
        const std::vector<std::string> good = wordNet.synonyms("good");
        for (const char* expected : {"beneficial", "well", "proficient"})
            QVERIFY2(std::count(good.begin(), good.end(), expected) == 1, expected);
        const std::vector<std::string> movie = wordNet.synonyms("Movie");
        for (const char* expected : {"film", "flick", "picture"})
            QVERIFY2(std::count(movie.begin(), movie.end(), expected) == 1, expected);
        QCOMPARE(std::count(movie.begin(), movie.end(), "movie"), 0L);
        QCOMPARE(std::count(movie.begin(), movie.end(), "moving_picture"), 0L);  // multi-word
        QVERIFY(std::is_sorted(movie.begin(), movie.end()));
        QVERIFY(wordNet.synonyms("qwzxv").empty());
        // "newton, N" and "kilogram, kg, kilo": symbols and abbreviations are no paraphrase.
        const std::vector<std::string> newton = wordNet.synonyms("Newton");
        QCOMPARE(std::count(newton.begin(), newton.end(), "n"), 0L);
        const std::vector<std::string> kilogram = wordNet.synonyms("kilogram");
        QCOMPARE(std::count(kilogram.begin(), kilogram.end(), "kilo"), 1L);
        const std::vector<std::string> britain = wordNet.synonyms("Britain");
        QCOMPARE(std::count(britain.begin(), britain.end(), "uk"), 0L);
    }

    void wordNetNamesAMissingDatabase() {
        try {
            WordNet wordNet("/nonexistent/wordnet");
            QFAIL("opened a missing WordNet database");
        } catch (const Error& error) {
            QVERIFY2(std::string(error.what()).find("/nonexistent/wordnet/index.noun") != std::string::npos,
                     error.what());
        }
    }

    void synonymAttackSwapsTheDecisiveWord() {
        if (!hasWordNet()) QSKIP("WordNet database absent: install wordnet-base (scripts/setup.sh does)");
        WordNet wordNet;
        const ModelBundle bundle = voteBundle({{"great", 4.0f}}, -2.0f);
        const AttackResult result = runSynonymAttack(bundle, wordNet, dataset({{"The film was Great !", 1}}),
                                                     SynonymAttackOptions{})[0];
        QCOMPARE(result.status, AttackStatus::Succeeded);
        QCOMPARE(result.perturbedWords, std::size_t{1});  // "film"'s synonyms change nothing: kept
        const std::vector<std::string> tokens = tokenize(result.adversarialText, false);
        QCOMPARE(tokens.size(), std::size_t{5});
        QCOMPARE(tokens[1], std::string("film"));
        QVERIFY2(tokens[3][0] >= 'A' && tokens[3][0] <= 'Z', tokens[3].c_str());  // capital kept
        const std::vector<std::string> synonyms = wordNet.synonyms("great");
        std::string lowered = tokens[3];
        lowered[0] = static_cast<char>(lowered[0] - 'A' + 'a');
        QVERIFY2(std::count(synonyms.begin(), synonyms.end(), lowered) == 1, lowered.c_str());
        const std::size_t expectedQueries = 1 + 2 + synonyms.size() + wordNet.synonyms("film").size() + 1;
        QCOMPARE(static_cast<std::size_t>(result.queries), expectedQueries);
    }

    void cliPrintsSummaryAndWritesRecords() {
        const QTemporaryDir root;
        const QString model = QString::fromStdString(savedTextCnn(root));
        const QString data = QStringLiteral(UEGR_TEST_DATA_DIR "/attack/reviews.csv");
        QStringList attacks{QStringLiteral("charswap"), QStringLiteral("pgd")};
        if (hasWordNet()) attacks << QStringLiteral("wordnet");
        for (const QString& attack : attacks) {
            const QString out = root.filePath(attack + ".jsonl");
            const CliResult result =
                runCli({"attack", "--model", model, "--data", data, "--attack", attack, "--limit", "5",
                        "--out", out, "--eps", "0.1,1", "--threads", "1"});
            QVERIFY2(result.exitCode == 0, result.err.constData());
            const nlohmann::json summary = nlohmann::json::parse(result.out.toStdString());
            for (const char* key : {"attack", "examples", "clean_accuracy", "accuracy_under_attack",
                                    "attack_success_rate", "avg_perturbed_word_share", "avg_queries"})
                QVERIFY2(summary.contains(key), key);
            QCOMPARE(summary["attack"].get<std::string>(), attack.toStdString());
            QCOMPARE(summary["examples"].get<int>(), 5);
            QCOMPARE(summary.contains("max_edit_share"), attack == "charswap");  // the recipe asked for ran
            if (attack == "pgd") QCOMPARE(summary["per_epsilon"].size(), std::size_t{2});
            QFile file(out);
            QVERIFY(file.open(QIODevice::ReadOnly));
            int lines = 0;
            for (const QByteArray& line : file.readAll().split('\n')) {
                if (line.isEmpty()) continue;
                QVERIFY(nlohmann::json::parse(line.toStdString()).contains("index"));
                ++lines;
            }
            QCOMPARE(lines, 5);
        }
    }

    void cliRejectsAMissingModel() {
        const CliResult result =
            runCli({"attack", "--model", "/nonexistent/model", "--data",
                    QStringLiteral(UEGR_TEST_DATA_DIR "/attack/reviews.csv"), "--attack", "charswap"});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains("/nonexistent/model"), result.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestAttack)
#include "test_attack.moc"
