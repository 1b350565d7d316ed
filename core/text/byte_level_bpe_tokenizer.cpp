#include "text/byte_level_bpe_tokenizer.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <limits>
#include <nlohmann/json.hpp>

#include "text/bpe_pretokenizer.h"
#include "text/token_id_table.h"
#include "text/unicode_text.h"
#include "util/error.h"
#include "util/json_text.h"
#include "util/utf8.h"

namespace uegr {
namespace {

// Distinct words cached before the cache starts over (bounds memory on huge corpora).
constexpr std::size_t kCacheCapacity = 200000;

// GPT-2's bytes_to_unicode: printable Latin-1 bytes stand for themselves; the other 68 bytes
// (controls, space, 0x7F-0xA0, 0xAD) take the code points 256, 257, ... in byte order, so a
// space (the 33rd of them) becomes U+0120 'Ġ'.
std::vector<std::string> bytesToUnicode() {
    std::vector<std::string> symbols(256);
    char32_t next = 256;
    for (int byte = 0; byte < 256; ++byte) {
        const bool printable =
            (byte >= '!' && byte <= '~') || (byte >= 0xA1 && byte <= 0xAC) || (byte >= 0xAE && byte <= 0xFF);
        utf8::append(symbols[static_cast<std::size_t>(byte)],
                     printable ? static_cast<char32_t>(byte) : next++);
    }
    return symbols;
}

bool isMergeSeparator(char c) {
    return c == ' ' || c == '\t' || c == '\r';
}

std::vector<std::string> splitMergeLine(const std::string& line) {
    std::vector<std::string> parts;
    std::size_t at = 0;
    while (at < line.size()) {
        while (at < line.size() && isMergeSeparator(line[at])) ++at;
        std::size_t end = at;
        while (end < line.size() && !isMergeSeparator(line[end])) ++end;
        if (end > at) parts.push_back(line.substr(at, end - at));
        at = end;
    }
    return parts;
}

std::string rightStripPythonSpace(std::string_view text) {
    std::u32string chars = unicode::decodeUtf8(text);
    while (!chars.empty() && unicode::isPythonSpace(chars.back())) chars.pop_back();
    return unicode::encodeUtf8(chars);
}

}  // namespace

ByteLevelBpeTokenizer::ByteLevelBpeTokenizer(const std::string& vocabJsonPath, const std::string& mergesPath,
                                             ByteLevelBpeOptions options)
    : options_(std::move(options)), byteToSymbol_(bytesToUnicode()) {
    std::ifstream vocabIn(vocabJsonPath, std::ios::binary);
    if (!vocabIn)
        throw InputError(vocabJsonPath, 0, "cannot open the BPE vocabulary (missing or unreadable)");
    const std::string vocabText((std::istreambuf_iterator<char>(vocabIn)), std::istreambuf_iterator<char>());
    const nlohmann::json vocab = parseJsonText(vocabText, vocabJsonPath);
    if (!vocab.is_object()) throw InputError(vocabJsonPath, 0, "expected a JSON object of token: id");
    for (const auto& [token, id] : vocab.items()) {
        if (!id.is_number_integer() || id.get<std::int64_t>() < 0)
            throw InputError(vocabJsonPath, 0, "the id of token \"" + token + "\" is not a non-negative integer");
        vocab_[token] = id.get<std::int64_t>();
    }
    idToToken_ = tokenIdTable(vocab_, vocabJsonPath);

    std::ifstream mergesIn(mergesPath, std::ios::binary);
    if (!mergesIn) throw InputError(mergesPath, 0, "cannot open the BPE merges (missing or unreadable)");
    std::string line;
    std::size_t lineNumber = 0;
    while (std::getline(mergesIn, line)) {
        ++lineNumber;
        if (lineNumber == 1 && line.rfind("#version", 0) == 0) continue;
        const std::vector<std::string> parts = splitMergeLine(line);
        if (parts.empty()) continue;
        if (parts.size() != 2) throw InputError(mergesPath, lineNumber, "a merge needs exactly two symbols");
        mergeRanks_.emplace(parts[0] + " " + parts[1], mergeRanks_.size());
    }

    setUpSpecialTokens(vocabJsonPath);
}

ByteLevelBpeTokenizer::ByteLevelBpeTokenizer(std::unordered_map<std::string, std::int64_t> vocab,
                                             const std::vector<std::pair<std::string, std::string>>& merges,
                                             ByteLevelBpeOptions options, const std::string& source)
    : options_(std::move(options)), vocab_(std::move(vocab)), byteToSymbol_(bytesToUnicode()) {
    idToToken_ = tokenIdTable(vocab_, source);
    for (const auto& [first, second] : merges) mergeRanks_.emplace(first + " " + second, mergeRanks_.size());
    setUpSpecialTokens(source);
}

void ByteLevelBpeTokenizer::setUpSpecialTokens(const std::string& source) {
    const auto require = [&](const std::string& token) {
        const auto found = vocab_.find(token);
        if (found == vocab_.end()) throw InputError(source, 0, "the vocabulary has no " + token + " token");
        return SubwordPiece{found->second, token};
    };
    bos_ = require(options_.bosToken);
    eos_ = require(options_.eosToken);
    pad_ = require(options_.padToken);
    unk_ = require(options_.unkToken);
    specialTokens_ = {options_.bosToken, options_.eosToken, options_.unkToken, options_.padToken,
                      options_.maskToken};
    specialTokens_.insert(specialTokens_.end(), options_.additionalSpecialTokens.begin(),
                          options_.additionalSpecialTokens.end());
}

std::string ByteLevelBpeTokenizer::tokenOf(std::int64_t id) const {
    if (id < 0 || id >= static_cast<std::int64_t>(idToToken_.size())) return "";
    return idToToken_[static_cast<std::size_t>(id)];
}

SubwordPiece ByteLevelBpeTokenizer::piece(const std::string& token) const {
    const auto found = vocab_.find(token);
    return {found == vocab_.end() ? unk_.id : found->second, token};
}

std::vector<std::string> ByteLevelBpeTokenizer::bytePairEncode(const std::string& mappedWord) const {
    {
        const std::lock_guard<std::mutex> lock(cacheMutex_);
        const auto cached = cache_.find(mappedWord);
        if (cached != cache_.end()) return cached->second;
    }
    std::vector<std::string> symbols;
    for (std::size_t at = 0; at < mappedWord.size();) {
        char32_t codePoint = 0;
        const std::size_t length = std::max<std::size_t>(1, utf8::decode(mappedWord, at, codePoint));
        symbols.push_back(mappedWord.substr(at, length));
        at += length;
    }
    // Repeatedly merge the adjacent pair of lowest rank (everywhere it occurs, left to right)
    // until no adjacent pair is a merge: rank, not position, decides the order.
    while (symbols.size() > 1) {
        std::size_t bestRank = std::numeric_limits<std::size_t>::max();
        std::string bestFirst, bestSecond;
        for (std::size_t i = 0; i + 1 < symbols.size(); ++i) {
            const auto found = mergeRanks_.find(symbols[i] + " " + symbols[i + 1]);
            if (found != mergeRanks_.end() && found->second < bestRank) {
                bestRank = found->second;
                bestFirst = symbols[i];
                bestSecond = symbols[i + 1];
            }
        }
        if (bestRank == std::numeric_limits<std::size_t>::max()) break;
        std::vector<std::string> merged;
        merged.reserve(symbols.size());
        for (std::size_t i = 0; i < symbols.size(); ++i) {
            if (i + 1 < symbols.size() && symbols[i] == bestFirst && symbols[i + 1] == bestSecond) {
                merged.push_back(bestFirst + bestSecond);
                ++i;
            } else {
                merged.push_back(std::move(symbols[i]));
            }
        }
        symbols = std::move(merged);
    }
    const std::lock_guard<std::mutex> lock(cacheMutex_);
    if (cache_.size() >= kCacheCapacity) cache_.clear();
    cache_.emplace(mappedWord, symbols);
    return symbols;
}

void ByteLevelBpeTokenizer::appendPlainText(std::string_view text, std::vector<SubwordPiece>& out) const {
    for (const std::u32string& preToken : gpt2PreTokenize(unicode::decodeUtf8(text))) {
        std::string mapped;
        for (const unsigned char byte : unicode::encodeUtf8(preToken)) mapped += byteToSymbol_[byte];
        for (const std::string& symbol : bytePairEncode(mapped)) out.push_back(piece(symbol));
    }
}

std::vector<SubwordPiece> ByteLevelBpeTokenizer::tokenize(std::string_view text) const {
    std::string prefixed;
    if (options_.addPrefixSpace && !text.empty()) {
        const std::u32string chars = unicode::decodeUtf8(text.substr(0, 4));
        if (!chars.empty() && !unicode::isPythonSpace(chars.front())) {
            prefixed = " " + std::string(text);
            text = prefixed;
        }
    }
    const std::vector<SpecialTokenSplit> segments = splitOnSpecialTokens(text, specialTokens_);
    std::vector<SubwordPiece> out;
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const SpecialTokenSplit& segment = segments[i];
        if (segment.specialIndex >= 0) {
            out.push_back(piece(std::string(segment.text)));
            continue;
        }
        const bool beforeMask = options_.maskLstrip && i + 1 < segments.size() &&
                                segments[i + 1].specialIndex >= 0 &&
                                segments[i + 1].text == options_.maskToken;
        if (beforeMask) {
            appendPlainText(rightStripPythonSpace(segment.text), out);
        } else {
            appendPlainText(segment.text, out);
        }
    }
    return out;
}

SubwordEncoding ByteLevelBpeTokenizer::encode(std::string_view text, std::optional<std::string_view> pair,
                                              int maxLength) const {
    std::optional<std::vector<SubwordPiece>> second;
    if (pair) second = tokenize(*pair);
    return assembleEncoding(tokenize(text), std::move(second), maxLength, bos_, eos_, options_.layout);
}

}  // namespace uegr
