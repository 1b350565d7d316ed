#include "text/text_encoder.h"

#include <algorithm>
#include <optional>
#include <string_view>

#include "text/tokenizer.h"
#include "util/error.h"

namespace uegr {
namespace {

// Cuts a single sequence to maxLength, or a pair to maxLength - 1 (room for <sep>) by dropping
// the last token of the longer side until it fits (the pair's side on ties).
// Ids and their spellings are cut alike (TextEncoder::spell).
template <typename Token>
std::vector<Token> joinAndTruncate(std::vector<Token> text, std::vector<Token> pair, bool hasPair,
                                   std::size_t maxLength, Token separator) {
    if (!hasPair) {
        if (text.size() > maxLength) text.resize(maxLength);
        return text;
    }
    const std::size_t budget = maxLength > 0 ? maxLength - 1 : 0;
    while (text.size() + pair.size() > budget) {
        if (text.size() > pair.size()) {
            text.pop_back();
        } else {
            pair.pop_back();
        }
    }
    text.push_back(std::move(separator));
    text.insert(text.end(), pair.begin(), pair.end());
    return text;
}

}  // namespace

TextEncoder TextEncoder::words(Vocabulary vocabulary, bool lowercase) {
    TextEncoder encoder;
    encoder.vocabulary_ = std::move(vocabulary);
    encoder.lowercase_ = lowercase;
    return encoder;
}

TextEncoder TextEncoder::subword(std::shared_ptr<const SubwordTokenizer> tokenizer) {
    if (!tokenizer) throw Error("TextEncoder::subword needs a tokenizer");
    TextEncoder encoder;
    encoder.tokenizer_ = std::move(tokenizer);
    return encoder;
}

std::vector<std::int64_t> TextEncoder::encode(const std::string& text, const std::string& pair,
                                              int maxLength) const {
    if (maxLength < 1) throw Error("max_length must be at least 1, got " + std::to_string(maxLength));
    const bool hasPair = !pair.empty();
    std::vector<std::int64_t> ids;
    if (tokenizer_) {
        ids = tokenizer_
                  ->encode(text, hasPair ? std::optional<std::string_view>(pair) : std::nullopt, maxLength)
                  .ids;
        if (ids.empty()) ids.push_back(unkId());
        return ids;
    }
    ids = joinAndTruncate(
        vocabulary_.encode(tokenize(text, lowercase_)),
        hasPair ? vocabulary_.encode(tokenize(pair, lowercase_)) : std::vector<std::int64_t>{}, hasPair,
        static_cast<std::size_t>(maxLength), std::int64_t{Vocabulary::kSep});
    if (ids.empty()) ids.push_back(unkId());
    return ids;
}

std::vector<std::string> TextEncoder::spell(const std::string& text, const std::string& pair,
                                            int maxLength) const {
    if (tokenizer_) {
        std::vector<std::string> pieces;
        for (const std::int64_t id : encode(text, pair, maxLength)) pieces.push_back(tokenOf(id));
        return pieces;
    }
    const bool hasPair = !pair.empty();
    std::vector<std::string> words =
        joinAndTruncate(tokenize(text, false), hasPair ? tokenize(pair, false) : std::vector<std::string>{},
                        hasPair, static_cast<std::size_t>(std::max(maxLength, 1)), tokenOf(Vocabulary::kSep));
    if (words.empty()) words.push_back(tokenOf(unkId()));
    return words;
}

std::string TextEncoder::tokenOf(std::int64_t id) const {
    if (tokenizer_) return tokenizer_->tokenOf(id);
    return vocabulary_.token(id);
}

std::int64_t TextEncoder::padId() const {
    return tokenizer_ ? tokenizer_->padId() : Vocabulary::kPad;
}

std::int64_t TextEncoder::unkId() const {
    return tokenizer_ ? tokenizer_->unkId() : Vocabulary::kUnk;
}

std::int64_t TextEncoder::vocabSize() const {
    return tokenizer_ ? tokenizer_->vocabSize() : vocabulary_.size();
}

}  // namespace uegr
