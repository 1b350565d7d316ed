#pragma once
// A text as the tokenizer's tokens and the verbatim gaps between them, so word-level attacks can
// replace one word and put the text back together without disturbing spacing or punctuation.
#include <cstdint>
#include <string>
#include <vector>

#include "attack/candidate_scorer.h"

namespace uegr {

struct TextSegment {
    std::string text;
    bool isToken = false;
    bool isWord = false;         // a token with a letter or digit (punctuation is never a word)
    std::size_t tokenIndex = 0;  // position among the tokenizer's tokens
};

std::vector<TextSegment> segmentText(const std::string& text);
std::string renderText(const std::vector<TextSegment>& segments, std::size_t replaced,
                       const std::string& replacement);
std::size_t countWords(const std::vector<TextSegment>& segments);
std::vector<char32_t> codePoints(const std::string& text);
std::string fromCodePoints(const std::vector<char32_t>& points);

// Indices of the segments an attack may change: words that are not stop-words and that the
// model sees (within the first text's part of `ids`, which a sentence pair's <sep> ends).
std::vector<std::size_t> attackableWords(const std::vector<TextSegment>& segments,
                                         const std::vector<std::int64_t>& ids, bool hasPair);

// Leave-one-out importance (the word's id replaced by <unk>; drop in the probability of
// `label`), scoring as many words as `budget` queries allow; the others get -infinity. Returns
// the positions in `words` ordered by decreasing importance (ties by position); `importance`
// receives the scores.
std::vector<std::size_t> rankByLeaveOneOut(CandidateScorer& scorer, const std::vector<TextSegment>& segments,
                                           const std::vector<std::size_t>& words,
                                           const std::vector<std::int64_t>& ids, int label,
                                           double labelProbability, std::int64_t budget,
                                           std::vector<double>& importance);

}  // namespace uegr
