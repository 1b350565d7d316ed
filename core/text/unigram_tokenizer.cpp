#include "text/unigram_tokenizer.h"

#include <algorithm>
#include <limits>

#include "text/unicode_text.h"
#include "util/error.h"
#include "util/utf8.h"

namespace uegr {
namespace {

// tokenizers' (and SentencePiece's) kUnkPenalty: the unknown piece scores this below the
// lowest-scoring piece, so it is only chosen where nothing else covers a character.
constexpr double kUnknownPenalty = 10.0;

// The best segmentation ending at one byte offset of the word.
struct Lattice {
    double score = 0;
    std::size_t start = 0;
    std::int64_t id = -1;  // -1: not reached yet
};

bool startsWith(const std::string& text, const std::string& prefix) {
    return text.compare(0, prefix.size(), prefix) == 0;
}

// Cuts `text` before each occurrence of `delimiter` (tokenizers' MergedWithNext).
std::vector<std::string> splitBeforeEach(const std::string& text, const std::string& delimiter) {
    std::vector<std::string> words;
    std::size_t start = 0;
    for (std::size_t at = text.find(delimiter, delimiter.size()); at != std::string::npos;
         at = text.find(delimiter, at + delimiter.size())) {
        if (at > start) words.push_back(text.substr(start, at - start));
        start = at;
    }
    if (start < text.size()) words.push_back(text.substr(start));
    return words;
}

std::vector<std::u32string> splitOnWhiteSpace(const std::u32string& text) {
    std::vector<std::u32string> words(1);
    for (const char32_t c : text) {
        if (!unicode::isWhiteSpaceProperty(c)) {
            words.back().push_back(c);
        } else if (!words.back().empty()) {
            words.emplace_back();
        }
    }
    if (words.back().empty()) words.pop_back();
    return words;
}

}  // namespace

UnigramTokenizer::UnigramTokenizer(UnigramOptions options, const std::string& source)
    : options_(std::move(options)) {
    if (options_.pieces.empty()) throw InputError(source, 0, "the Unigram vocabulary is empty");
    if (options_.unkId < 0 || options_.unkId >= static_cast<std::int64_t>(options_.pieces.size()))
        throw InputError(source, 0, "the unknown piece id is not an id of the vocabulary");
    double lowestScore = std::numeric_limits<double>::infinity();
    idToToken_.resize(options_.pieces.size());
    for (std::size_t id = 0; id < options_.pieces.size(); ++id) {
        const auto& [piece, score] = options_.pieces[id];
        pieceIds_[piece] = static_cast<std::int64_t>(id);
        idToToken_[id] = piece;
        longestPieceBytes_ = std::max(longestPieceBytes_, piece.size());
        lowestScore = std::min(lowestScore, score);
    }
    unknownScore_ = lowestScore - kUnknownPenalty;
    tokenIds_ = pieceIds_;
    for (const auto& [token, id] : options_.addedTokens) {
        // Added tokens follow the pieces: N pieces and K added tokens use ids below N + K.
        const auto idLimit = static_cast<std::int64_t>(options_.pieces.size() + options_.addedTokens.size());
        if (id < 0 || id >= idLimit)
            throw InputError(source, 0,
                             "the id of added token \"" + token + "\" is not an integer from 0 to " +
                                 std::to_string(idLimit - 1));
        if (static_cast<std::size_t>(id) >= idToToken_.size())
            idToToken_.resize(static_cast<std::size_t>(id) + 1);
        idToToken_[static_cast<std::size_t>(id)] = token;
        tokenIds_[token] = id;
        addedTokenTexts_.push_back(token);
    }
    const auto require = [&](const std::string& token) {
        const auto found = tokenIds_.find(token);
        if (found == tokenIds_.end())
            throw InputError(source, 0, "the vocabulary has no " + token + " token");
        return SubwordPiece{found->second, token};
    };
    cls_ = require(options_.clsToken);
    sep_ = require(options_.sepToken);
    pad_ = tokenPiece(options_.padToken);
}

std::string UnigramTokenizer::tokenOf(std::int64_t id) const {
    if (id < 0 || id >= static_cast<std::int64_t>(idToToken_.size())) return "";
    return idToToken_[static_cast<std::size_t>(id)];
}

SubwordPiece UnigramTokenizer::tokenPiece(const std::string& token) const {
    const auto found = tokenIds_.find(token);
    return {found == tokenIds_.end() ? options_.unkId : found->second, token};
}

std::vector<std::string> UnigramTokenizer::preTokenize(const std::u32string& normalized,
                                                       bool atTextStart) const {
    const MetaspaceOptions& metaspace = options_.metaspace;
    std::vector<std::u32string> chunks{normalized};
    if (metaspace.whitespaceSplitFirst) chunks = splitOnWhiteSpace(normalized);
    std::vector<std::string> words;
    for (std::size_t i = 0; i < chunks.size(); ++i) {
        std::string chunk;
        for (const char32_t c : chunks[i]) {
            if (c == U' ') {
                chunk += metaspace.replacement;
            } else {
                utf8::append(chunk, c);
            }
        }
        const bool prepend = metaspace.prepend == MetaspaceOptions::Prepend::Always ||
                             (metaspace.prepend == MetaspaceOptions::Prepend::First && atTextStart && i == 0);
        if (prepend && !chunk.empty() && !startsWith(chunk, metaspace.replacement))
            chunk.insert(0, metaspace.replacement);
        if (!metaspace.split || metaspace.replacement.empty()) {
            if (!chunk.empty()) words.push_back(std::move(chunk));
            continue;
        }
        for (std::string& word : splitBeforeEach(chunk, metaspace.replacement))
            words.push_back(std::move(word));
    }
    return words;
}

void UnigramTokenizer::appendViterbi(const std::string& word, std::vector<SubwordPiece>& out) const {
    std::vector<Lattice> best(word.size() + 1);
    best[0].id = options_.unkId;  // the start is reached; its id is never read
    const auto relax = [&](std::size_t start, std::size_t end, std::int64_t id, double score) {
        const double candidate = best[start].score + score;
        if (best[end].id < 0 || candidate > best[end].score) best[end] = {candidate, start, id};
    };
    for (std::size_t start = 0; start < word.size();) {
        char32_t codePoint = 0;
        const std::size_t charBytes = std::max<std::size_t>(1, utf8::decode(word, start, codePoint));
        bool coversFirstChar = false;
        for (std::size_t end = start + 1; end <= word.size() && end - start <= longestPieceBytes_; ++end) {
            const auto found = pieceIds_.find(word.substr(start, end - start));
            if (found == pieceIds_.end()) continue;
            relax(start, end, found->second, options_.pieces[static_cast<std::size_t>(found->second)].second);
            coversFirstChar = coversFirstChar || end - start == charBytes;
        }
        if (!coversFirstChar) relax(start, start + charBytes, options_.unkId, unknownScore_);
        start += charBytes;
    }
    // Walk back from the end; runs of unknown pieces become one unknown token of their text.
    std::vector<SubwordPiece> pieces;
    for (std::size_t end = word.size(); end > 0;) {
        const Lattice& node = best[end];
        std::string text = word.substr(node.start, end - node.start);
        if (node.id == options_.unkId && !pieces.empty() && pieces.back().id == options_.unkId) {
            pieces.back().token.insert(0, text);
        } else {
            pieces.push_back({node.id, std::move(text)});
        }
        end = node.start;
    }
    out.insert(out.end(), std::make_move_iterator(pieces.rbegin()), std::make_move_iterator(pieces.rend()));
}

std::vector<SubwordPiece> UnigramTokenizer::tokenize(std::string_view text) const {
    std::vector<SubwordPiece> out;
    for (const SpecialTokenSplit& segment : splitOnSpecialTokens(text, addedTokenTexts_)) {
        if (segment.specialIndex >= 0) {
            out.push_back(tokenPiece(std::string(segment.text)));
            continue;
        }
        const std::u32string normalized =
            applyNormalizers(options_.normalizers, unicode::decodeUtf8(segment.text));
        for (const std::string& word : preTokenize(normalized, segment.text.data() == text.data()))
            appendViterbi(word, out);
    }
    return out;
}

SubwordEncoding UnigramTokenizer::encode(std::string_view text, std::optional<std::string_view> pair,
                                         int maxLength) const {
    std::optional<std::vector<SubwordPiece>> second;
    if (pair) second = tokenize(*pair);
    return assembleEncoding(tokenize(text), std::move(second), maxLength, cls_, sep_, options_.layout);
}

}  // namespace uegr
