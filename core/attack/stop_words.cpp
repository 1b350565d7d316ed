#include "attack/stop_words.h"

#include <algorithm>
#include <unordered_set>

namespace uegr {

bool isStopWord(const std::string& word) {
    static const std::unordered_set<std::string> kStopWords{
        "a",     "an",      "the",     "and",    "or",     "but",   "if",    "then",  "so",    "as",
        "of",    "at",      "by",      "for",    "with",   "about", "to",    "from",  "in",    "on",
        "into",  "onto",    "over",    "under",  "up",     "down",  "out",   "off",   "than",  "too",
        "very",  "i",       "me",      "my",     "we",     "us",    "our",   "you",   "your",  "he",
        "him",   "his",     "she",     "her",    "it",     "its",   "they",  "them",  "their", "this",
        "that",  "these",   "those",   "what",   "which",  "who",   "whom",  "am",    "is",    "are",
        "was",   "were",    "be",      "been",   "being",  "have",  "has",   "had",   "do",    "does",
        "did",   "will",    "would",   "shall",  "should", "can",   "could", "may",   "might", "must",
        "there", "here",    "when",    "where",  "why",    "how",   "all",   "any",   "both",  "each",
        "some",  "such",    "own",     "same",   "just",   "also",  "s",     "t",     "while", "because",
        "until", "between", "through", "during", "before", "after", "above", "below", "again", "once"};
    std::string lower = word;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
    return kStopWords.count(lower) > 0;
}

}  // namespace uegr
