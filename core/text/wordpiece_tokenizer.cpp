#include "text/wordpiece_tokenizer.h"

#include <algorithm>
#include <fstream>

#include "text/token_id_table.h"
#include "text/unicode_text.h"
#include "util/error.h"

namespace uegr {
namespace {

bool isBertWhitespace(char32_t c) {
    return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || unicode::isSpaceSeparator(c);
}

bool isBertControl(char32_t c) {
    if (c == U'\t' || c == U'\n' || c == U'\r') return false;
    return unicode::isOtherCategory(c);
}

// BERT counts every non-letter/number ASCII character as punctuation ("$", "^", "`" are
// symbols in Unicode), plus Unicode's P* categories.
bool isBertPunctuation(char32_t c) {
    if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126)) {
        return true;
    }
    return unicode::isPunctuationCategory(c);
}

// The CJK Unified Ideographs blocks (not Hangul, Hiragana or Katakana), as BERT's _is_chinese_char.
bool isCjkIdeograph(char32_t c) {
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2A6DF) ||
           (c >= 0x2A700 && c <= 0x2B73F) || (c >= 0x2B740 && c <= 0x2B81F) ||
           (c >= 0x2B820 && c <= 0x2CEAF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
}

std::u32string stripAccents(const std::u32string& word) {
    std::u32string out;
    for (const char32_t c : unicode::normalizeNfd(word)) {
        if (!unicode::isNonspacingMark(c)) out.push_back(c);
    }
    return out;
}

}  // namespace

WordPieceTokenizer::WordPieceTokenizer(const std::string& vocabPath, WordPieceOptions options)
    : options_(std::move(options)) {
    std::ifstream in(vocabPath, std::ios::binary);
    if (!in) throw InputError(vocabPath, 0, "cannot open the WordPiece vocabulary (missing or unreadable)");
    std::string line;
    while (std::getline(in, line)) {
        // As transformers' load_vocab: only the newline is stripped; a repeated token keeps
        // its last line as id.
        vocab_[line] = static_cast<std::int64_t>(idToToken_.size());
        idToToken_.push_back(line);
    }
    setUpSpecialTokens(vocabPath);
}

WordPieceTokenizer::WordPieceTokenizer(const std::unordered_map<std::string, std::int64_t>& vocab,
                                       WordPieceOptions options, const std::string& source)
    : options_(std::move(options)), vocab_(vocab) {
    idToToken_ = tokenIdTable(vocab_, source);
    setUpSpecialTokens(source);
}

void WordPieceTokenizer::setUpSpecialTokens(const std::string& source) {
    if (idToToken_.empty()) throw InputError(source, 0, "the WordPiece vocabulary is empty");
    cls_ = {requireToken(source, options_.clsToken), options_.clsToken};
    sep_ = {requireToken(source, options_.sepToken), options_.sepToken};
    pad_ = {requireToken(source, options_.padToken), options_.padToken};
    unk_ = {requireToken(source, options_.unkToken), options_.unkToken};
    specialTokens_ = {options_.unkToken, options_.sepToken, options_.padToken, options_.clsToken,
                      options_.maskToken};
    specialTokens_.insert(specialTokens_.end(), options_.additionalSpecialTokens.begin(),
                          options_.additionalSpecialTokens.end());
    neverSplit_.insert(specialTokens_.begin(), specialTokens_.end());
    neverSplit_.insert(options_.neverSplit.begin(), options_.neverSplit.end());
}

std::int64_t WordPieceTokenizer::requireToken(const std::string& source, const std::string& token) const {
    const auto found = vocab_.find(token);
    if (found == vocab_.end()) throw InputError(source, 0, "the vocabulary has no " + token + " token");
    return found->second;
}

SubwordPiece WordPieceTokenizer::piece(const std::string& token) const {
    const auto found = vocab_.find(token);
    return {found == vocab_.end() ? unk_.id : found->second, token};
}

std::string WordPieceTokenizer::tokenOf(std::int64_t id) const {
    if (id < 0 || id >= static_cast<std::int64_t>(idToToken_.size())) return "";
    return idToToken_[static_cast<std::size_t>(id)];
}

std::vector<std::string> WordPieceTokenizer::basicTokenize(std::string_view text) const {
    // _clean_text, then _tokenize_chinese_chars.
    std::u32string cleaned;
    for (const char32_t c : unicode::decodeUtf8(text)) {
        if (c == 0 || c == 0xFFFD || isBertControl(c)) continue;
        if (isBertWhitespace(c)) {
            cleaned.push_back(U' ');
        } else if (options_.tokenizeChineseChars && isCjkIdeograph(c)) {
            cleaned += U' ';
            cleaned.push_back(c);
            cleaned += U' ';
        } else {
            cleaned.push_back(c);
        }
    }
    // Current transformers NFC-normalises before splitting, so composed and decomposed
    // spellings of a cased word give the same pieces.
    const std::u32string normalized = unicode::normalizeNfc(cleaned);
    const bool strip = options_.stripAccents.value_or(options_.doLowerCase);

    std::vector<std::string> tokens;
    for (std::u32string word : unicode::splitOnPythonSpace(normalized)) {
        if (neverSplit_.count(unicode::encodeUtf8(word))) {
            tokens.push_back(unicode::encodeUtf8(word));
            continue;
        }
        if (options_.doLowerCase) word = unicode::toLower(word);
        if (strip) word = stripAccents(word);
        // _run_split_on_punc: every punctuation character is a token of its own.
        std::u32string current;
        for (const char32_t c : word) {
            if (isBertPunctuation(c)) {
                if (!current.empty()) tokens.push_back(unicode::encodeUtf8(current));
                current.clear();
                tokens.push_back(unicode::encodeUtf8(std::u32string(1, c)));
            } else {
                current.push_back(c);
            }
        }
        // Accent stripping can leave nothing (a lone combining mark); the reference's final
        // whitespace split drops such empty words.
        if (!current.empty()) tokens.push_back(unicode::encodeUtf8(current));
    }
    return tokens;
}

void WordPieceTokenizer::appendWordPieces(const std::string& word, std::vector<SubwordPiece>& out) const {
    const std::u32string chars = unicode::decodeUtf8(word);
    if (chars.size() > options_.maxInputCharsPerWord) {
        out.push_back(unk_);
        return;
    }
    std::vector<SubwordPiece> pieces;
    std::size_t start = 0;
    while (start < chars.size()) {
        // Greedy longest match first: shrink the candidate from the right until it is known.
        std::size_t end = chars.size();
        std::optional<SubwordPiece> match;
        while (start < end) {
            std::string candidate =
                unicode::encodeUtf8(std::u32string_view(chars).substr(start, end - start));
            if (start > 0) candidate.insert(0, options_.continuingSubwordPrefix);
            const auto found = vocab_.find(candidate);
            if (found != vocab_.end()) {
                match = SubwordPiece{found->second, std::move(candidate)};
                break;
            }
            --end;
        }
        if (!match) {  // one unmatchable stretch makes the whole word unknown
            out.push_back(unk_);
            return;
        }
        pieces.push_back(std::move(*match));
        start = end;
    }
    out.insert(out.end(), std::make_move_iterator(pieces.begin()), std::make_move_iterator(pieces.end()));
}

std::vector<SubwordPiece> WordPieceTokenizer::tokenize(std::string_view text) const {
    std::vector<SubwordPiece> out;
    for (const SpecialTokenSplit& segment : splitOnSpecialTokens(text, specialTokens_)) {
        if (segment.specialIndex >= 0) {
            out.push_back(piece(std::string(segment.text)));
            continue;
        }
        for (const std::string& word : basicTokenize(segment.text)) {
            if (neverSplit_.count(word)) {
                out.push_back(piece(word));
            } else {
                appendWordPieces(word, out);
            }
        }
    }
    return out;
}

SubwordEncoding WordPieceTokenizer::encode(std::string_view text, std::optional<std::string_view> pair,
                                           int maxLength) const {
    std::optional<std::vector<SubwordPiece>> second;
    if (pair) second = tokenize(*pair);
    return assembleEncoding(tokenize(text), std::move(second), maxLength, cls_, sep_, options_.layout);
}

}  // namespace uegr
