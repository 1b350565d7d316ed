#include "text/text_encoder.h"

#include <optional>
#include <string_view>

#include "text/tokenizer.h"
#include "util/error.h"

namespace uegr {
namespace {

// Cuts a single sequence to maxLength, or a pair to maxLength - 1 (room for <sep>) by dropping
// the last token of the longer side until it fits (the pair's side on ties).
std::vector<std::int64_t> joinAndTruncate(std::vector<std::int64_t> text, std::vector<std::int64_t> pair,
                                          bool hasPair, std::size_t maxLength) {
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
    text.push_back(Vocabulary::kSep);
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
        static_cast<std::size_t>(maxLength));
    if (ids.empty()) ids.push_back(unkId());
    return ids;
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
