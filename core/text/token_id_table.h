#pragma once
// The id → token table of a subword vocabulary given as token → id (vocab.json, tokenizer.json).
// The ids of N tokens must be 0..N-1, each once: the model's embedding has a row per id, and a
// stray large id would otherwise size the table, and the model, by itself (a fuzzing finding:
// docs/FUZZING.md).
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace uegr {

// Throws InputError naming `source` for an empty vocabulary, an id out of range or an id twice.
std::vector<std::string> tokenIdTable(const std::unordered_map<std::string, std::int64_t>& vocab,
                                      const std::string& source);

}  // namespace uegr
