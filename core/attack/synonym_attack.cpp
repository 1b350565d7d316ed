#include "attack/synonym_attack.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "attack/text_segments.h"
#include "util/error.h"

namespace uegr {
namespace {

std::string matchCase(const std::string& original, std::string synonym) {
    if (!original.empty() && !synonym.empty() && original[0] >= 'A' && original[0] <= 'Z' &&
        synonym[0] >= 'a' && synonym[0] <= 'z')
        synonym[0] = static_cast<char>(synonym[0] - 'a' + 'A');
    return synonym;
}

}  // namespace

AttackResult synonymAttackExample(CandidateScorer& scorer, WordNet& wordNet, const Example& example,
                                  std::size_t index, const SynonymAttackOptions& options) {
    AttackResult result;
    result.index = index;
    result.originalText = result.adversarialText = example.text;
    result.trueLabel = example.label;
    const std::int64_t queriesBefore = scorer.queries();
    const auto queriesLeft = [&] { return options.queryBudget - (scorer.queries() - queriesBefore); };

    std::vector<TextSegment> segments = segmentText(example.text);
    result.words = countWords(segments);
    const std::vector<std::int64_t> ids = scorer.encode(example.text, example.pair);
    std::vector<double> current = scorer.score({ids}).front();
    result.originalProbabilities = result.adversarialProbabilities = current;
    result.originalLabel = result.adversarialLabel = argmax(current);
    const auto label = static_cast<std::size_t>(example.label);
    if (result.originalLabel != example.label) {
        result.status = AttackStatus::Skipped;
        result.queries = scorer.queries() - queriesBefore;
        return result;
    }

    const std::vector<std::size_t> words = attackableWords(segments, ids, !example.pair.empty());
    std::vector<double> saliency;
    rankByLeaveOneOut(scorer, segments, words, ids, example.label, current[label], queriesLeft(), saliency);

    // Best synonym of every word on the original text.
    std::vector<std::string> bestSynonym(words.size());
    std::vector<double> bestDrop(words.size(), 0.0);
    for (std::size_t k = 0; k < words.size() && queriesLeft() > 0; ++k) {
        std::vector<std::string> synonyms = wordNet.synonyms(segments[words[k]].text);
        synonyms.resize(
            std::min({synonyms.size(), options.maxSynonyms, static_cast<std::size_t>(queriesLeft())}));
        if (synonyms.empty()) continue;
        std::vector<std::string> texts;
        for (std::string& synonym : synonyms) {
            synonym = matchCase(segments[words[k]].text, synonym);
            texts.push_back(renderText(segments, words[k], synonym));
        }
        const std::vector<std::vector<double>> scores = scorer.scoreTexts(texts, example.pair);
        for (std::size_t s = 0; s < scores.size(); ++s) {
            const double drop = current[label] - scores[s][label];
            if (drop > bestDrop[k]) {
                bestDrop[k] = drop;
                bestSynonym[k] = synonyms[s];
            }
        }
    }

    // softmax(S) over the words whose saliency was scored, times Δp*.
    double maxSaliency = -INFINITY;
    for (const double value : saliency) maxSaliency = std::max(maxSaliency, value);
    double normaliser = 0.0;
    for (const double value : saliency)
        if (std::isfinite(value)) normaliser += std::exp(value - maxSaliency);
    std::vector<double> priority(words.size(), 0.0);
    for (std::size_t k = 0; k < words.size(); ++k)
        if (std::isfinite(saliency[k]) && !bestSynonym[k].empty())
            priority[k] = std::exp(saliency[k] - maxSaliency) / normaliser * bestDrop[k];
    std::vector<std::size_t> order(words.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return priority[a] > priority[b]; });

    const auto maxWords = std::max<std::size_t>(
        1,
        static_cast<std::size_t>(std::floor(options.maxPerturbedShare * static_cast<double>(result.words))));
    bool flipped = false;
    for (const std::size_t k : order) {
        if (flipped || bestSynonym[k].empty() || result.perturbedWords >= maxWords || queriesLeft() <= 0)
            break;
        segments[words[k]].text = bestSynonym[k];
        result.adversarialText = renderText(segments, segments.size(), "");
        current = scorer.scoreTexts({result.adversarialText}, example.pair).front();
        ++result.perturbedWords;
        flipped = argmax(current) != example.label;
    }
    result.finish(current, flipped, scorer.queries() - queriesBefore);
    return result;
}

std::vector<AttackResult> runSynonymAttack(const ModelBundle& bundle, WordNet& wordNet,
                                           const Dataset& dataset, const SynonymAttackOptions& options,
                                           const AttackProgress& progress) {
    if (options.queryBudget < 1) throw Error("wordnet query budget must be at least 1");
    if (!(options.maxPerturbedShare > 0.0 && options.maxPerturbedShare <= 1.0))
        throw Error("wordnet perturbed-word share must be in (0, 1]");
    CandidateScorer scorer(bundle, options.batchSize);
    std::vector<AttackResult> results;
    results.reserve(dataset.examples.size());
    for (std::size_t i = 0; i < dataset.examples.size(); ++i) {
        results.push_back(synonymAttackExample(scorer, wordNet, dataset.examples[i], i, options));
        if (progress) progress(i + 1, dataset.examples.size());
    }
    return results;
}

}  // namespace uegr
