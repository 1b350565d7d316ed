#pragma once
// The English stop-words attacks never modify: articles, pronouns, auxiliaries, prepositions,
// conjunctions and a few frequent adverbs (a subset of NLTK's list, without negations such as
// "not" and "no", which do carry sentiment). Matching is ASCII case-insensitive.
#include <string>

namespace uegr {

bool isStopWord(const std::string& word);

}  // namespace uegr
