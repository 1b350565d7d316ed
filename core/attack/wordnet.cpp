#include "attack/wordnet.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>

#include "util/error.h"

namespace uegr {
namespace {

const char* const kPartsOfSpeech[] = {"noun", "verb", "adj", "adv"};

// Adjective entries may carry a syntactic marker: "galore(ip)".
std::string stripMarker(std::string word) {
    const std::size_t parenthesis = word.find('(');
    if (parenthesis != std::string::npos) word.resize(parenthesis);
    return word;
}

bool isSingleWord(const std::string& word) {
    return !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    });
}

// Symbols and abbreviations ("N" for newton, "UK"): WordNet lists them as synonyms, but putting
// one in place of a word is no paraphrase a reader would accept ("Newton" became "N").
bool isSymbolOrAbbreviation(const std::string& word) {
    return word.size() < 2 ||
           std::none_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

std::string lowerAscii(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
    return text;
}

}  // namespace

WordNet::WordNet(const std::string& directory) {
    for (int pos = 0; pos < 4; ++pos) {
        const std::string indexPath = directory + "/index." + kPartsOfSpeech[pos];
        const std::string dataPath = directory + "/data." + kPartsOfSpeech[pos];
        if (!std::filesystem::is_regular_file(indexPath) || !std::filesystem::is_regular_file(dataPath))
            throw Error("WordNet database not found: expected " + indexPath + " and " + dataPath +
                        " (install the wordnet-base package)");
        std::ifstream index(indexPath);
        std::string line;
        while (std::getline(index, line)) {
            if (line.empty() || line[0] == ' ') continue;  // licence header lines start with spaces
            std::istringstream fields(line);
            std::string lemma, partOfSpeech;
            std::size_t synsetCount = 0;
            fields >> lemma >> partOfSpeech >> synsetCount;
            std::vector<std::string> rest;
            for (std::string field; fields >> field;) rest.push_back(field);
            if (rest.size() < synsetCount) continue;
            std::vector<Sense>& senses = index_[lemma];
            for (std::size_t i = rest.size() - synsetCount; i < rest.size(); ++i)
                senses.push_back(Sense{pos, std::stoull(rest[i])});
        }
        dataFiles_.emplace_back(dataPath, std::ios::binary);
        dataPaths_.push_back(dataPath);
    }
}

std::vector<std::string> WordNet::synonyms(const std::string& word) {
    const std::string lemma = lowerAscii(word);
    const auto found = index_.find(lemma);
    if (found == index_.end()) return {};
    std::set<std::string> words;
    for (const Sense& sense : found->second) {
        std::ifstream& data = dataFiles_[static_cast<std::size_t>(sense.partOfSpeech)];
        data.clear();
        data.seekg(static_cast<std::streamoff>(sense.offset));
        std::string line;
        if (!std::getline(data, line))
            throw Error(dataPaths_[static_cast<std::size_t>(sense.partOfSpeech)] + ": no synset at offset " +
                        std::to_string(sense.offset));
        std::istringstream fields(line);
        std::string offset, lexFile, synsetType, countHex;
        fields >> offset >> lexFile >> synsetType >> countHex;
        const unsigned long count = std::stoul(countHex, nullptr, 16);
        for (unsigned long i = 0; i < count; ++i) {
            std::string member, lexId;
            fields >> member >> lexId;
            member = stripMarker(member);
            if (!isSingleWord(member) || isSymbolOrAbbreviation(member)) continue;
            member = lowerAscii(member);
            if (member != lemma) words.insert(member);
        }
    }
    return {words.begin(), words.end()};
}

}  // namespace uegr
