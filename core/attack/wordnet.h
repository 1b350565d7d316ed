#pragma once
// Synonyms from the WordNet 3.0 database files (Debian package `wordnet-base`, plain text in
// /usr/share/wordnet): index.{noun,verb,adj,adv} map a lemma to its synset byte offsets, and the
// synset line at that offset of data.<pos> lists the synset's words. A word's synonyms are the
// other single words of all its synsets, in every part of speech. Lookup is of the exact
// lower-cased lemma (no morphological reduction: "movies" finds nothing); multi-word entries and
// entries with characters other than letters and digits are left out, since the tokenizer
// would split them, and so are symbols and abbreviations (one character, or no lower-case letter).
#include <cstdint>
#include <fstream>
#include <string>
#include <unordered_map>
#include <vector>

namespace uegr {

constexpr const char* kDefaultWordNetDirectory = "/usr/share/wordnet";

class WordNet {
public:
    // Reads the four index files; throws uegr::Error naming the expected path when the database
    // is missing (install the `wordnet-base` package).
    explicit WordNet(const std::string& directory = kDefaultWordNetDirectory);

    // Sorted, without duplicates and without `word` itself; empty for an unknown word.
    std::vector<std::string> synonyms(const std::string& word);

private:
    struct Sense {
        int partOfSpeech = 0;  // index into dataFiles_
        std::uint64_t offset = 0;
    };
    std::unordered_map<std::string, std::vector<Sense>> index_;
    std::vector<std::ifstream> dataFiles_;
    std::vector<std::string> dataPaths_;
};

}  // namespace uegr
