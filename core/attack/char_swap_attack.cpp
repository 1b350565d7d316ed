#include "attack/char_swap_attack.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <string>
#include <unordered_set>

#include "attack/text_segments.h"
#include "util/error.h"

namespace uegr {
namespace {

std::uint64_t exampleSeed(std::uint64_t seed, std::size_t index) {
    std::uint64_t z = seed + 0x9E3779B97F4A7C15ULL * (static_cast<std::uint64_t>(index) + 1);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

std::size_t draw(std::mt19937_64& rng, std::size_t bound) {
    return static_cast<std::size_t>(rng() % bound);
}

// Up to `count` distinct one-character edits of `word`, none equal to it.
std::vector<std::string> characterEdits(const std::string& word, int count, std::mt19937_64& rng) {
    const std::vector<char32_t> original = codePoints(word);
    std::vector<std::string> edits;
    std::unordered_set<std::string> seen{word};
    for (int attempt = 0; attempt < count; ++attempt) {
        std::vector<char32_t> points = original;
        const auto randomLetter = [&rng] { return static_cast<char32_t>('a' + draw(rng, 26)); };
        switch (draw(rng, 4)) {
            case 0:  // swap two adjacent characters
                if (points.size() < 2) continue;
                {
                    const std::size_t position = draw(rng, points.size() - 1);
                    std::swap(points[position], points[position + 1]);
                }
                break;
            case 1:  // delete one (never the only one: the word must survive as a token)
                if (points.size() < 2) continue;
                points.erase(points.begin() + static_cast<std::ptrdiff_t>(draw(rng, points.size())));
                break;
            case 2:  // insert a letter
            {
                const std::size_t position = draw(rng, points.size() + 1);
                points.insert(points.begin() + static_cast<std::ptrdiff_t>(position), randomLetter());
                break;
            }
            default:  // substitute a letter
                points[draw(rng, points.size())] = randomLetter();
                break;
        }
        std::string edited = fromCodePoints(points);
        if (seen.insert(edited).second) edits.push_back(std::move(edited));
    }
    return edits;
}

}  // namespace

void validate(const CharSwapOptions& options) {
    if (options.queryBudget < 1) throw Error("charswap query budget must be at least 1");
    if (!(options.maxPerturbedShare > 0.0 && options.maxPerturbedShare <= 1.0))
        throw Error("charswap perturbed-word share must be in (0, 1]");
    if (!(options.maxEditShare > 0.0 && options.maxEditShare <= 1.0))
        throw Error("charswap edit share must be in (0, 1]");
    if (options.candidatesPerWord < 1) throw Error("charswap candidates per word must be at least 1");
    if (options.batchSize < 1) throw Error("attack batch size must be at least 1");
}

AttackResult charSwapAttackExample(CandidateScorer& scorer, const Example& example, std::size_t index,
                                   const CharSwapOptions& options) {
    AttackResult result;
    result.index = index;
    result.originalText = example.text;
    result.adversarialText = example.text;
    result.trueLabel = example.label;
    const std::int64_t queriesBefore = scorer.queries();
    const auto queriesLeft = [&] { return options.queryBudget - (scorer.queries() - queriesBefore); };

    std::vector<TextSegment> segments = segmentText(example.text);
    result.words = countWords(segments);

    std::vector<std::int64_t> ids = scorer.encode(example.text, example.pair);
    std::vector<double> current = scorer.score({ids}).front();
    result.originalProbabilities = current;
    result.originalLabel = argmax(current);
    result.adversarialProbabilities = current;
    result.adversarialLabel = result.originalLabel;
    if (result.originalLabel != example.label) {
        result.status = AttackStatus::Skipped;
        result.queries = scorer.queries() - queriesBefore;
        return result;
    }

    const std::vector<std::size_t> editable = attackableWords(segments, ids, !example.pair.empty());
    std::vector<double> importance;
    const std::vector<std::size_t> order =
        rankByLeaveOneOut(scorer, segments, editable, ids, example.label,
                          current[static_cast<std::size_t>(example.label)], queriesLeft(), importance);

    const auto maxWords = std::max<std::size_t>(
        1,
        static_cast<std::size_t>(std::floor(options.maxPerturbedShare * static_cast<double>(result.words))));
    const auto maxEdits = std::max<std::int64_t>(
        1, static_cast<std::int64_t>(
               std::floor(options.maxEditShare * static_cast<double>(codePoints(example.text).size()))));
    std::mt19937_64 rng(exampleSeed(options.seed, index));
    const auto label = static_cast<std::size_t>(example.label);
    bool flipped = false;
    for (const std::size_t k : order) {
        if (flipped || result.perturbedWords >= maxWords || result.edits >= maxEdits || queriesLeft() <= 0)
            break;
        const std::size_t segment = editable[k];
        std::vector<std::string> edits =
            characterEdits(segments[segment].text, options.candidatesPerWord, rng);
        if (static_cast<std::int64_t>(edits.size()) > queriesLeft())
            edits.resize(static_cast<std::size_t>(queriesLeft()));
        if (edits.empty()) continue;
        std::vector<std::string> texts;
        for (const std::string& edit : edits) texts.push_back(renderText(segments, segment, edit));
        const std::vector<std::vector<double>> scores = scorer.scoreTexts(texts, example.pair);
        std::size_t best = 0;
        for (std::size_t c = 1; c < scores.size(); ++c)
            if (scores[c][label] < scores[best][label]) best = c;
        if (scores[best][label] >= current[label]) continue;
        segments[segment].text = edits[best];
        current = scores[best];
        ++result.perturbedWords;
        ++result.edits;
        result.adversarialText = texts[best];
        flipped = argmax(current) != example.label;
    }
    result.finish(current, flipped, scorer.queries() - queriesBefore);
    return result;
}

std::vector<AttackResult> runCharSwapAttack(const ModelBundle& bundle, const Dataset& dataset,
                                            const CharSwapOptions& options, const AttackProgress& progress) {
    validate(options);
    CandidateScorer scorer(bundle, options.batchSize);
    std::vector<AttackResult> results;
    results.reserve(dataset.examples.size());
    for (std::size_t i = 0; i < dataset.examples.size(); ++i) {
        results.push_back(charSwapAttackExample(scorer, dataset.examples[i], i, options));
        if (progress) progress(i + 1, dataset.examples.size());
    }
    return results;
}

}  // namespace uegr
