#pragma once
// Turns an example's text (and optional pair text) into the ids a model reads. Two kinds:
//  - word level, for models trained from scratch: tokenize() + a Vocabulary built from the
//    training split, pairs joined as "text <sep> pair";
//  - subword, for pretrained Hugging Face models: the folder's own tokenizer, with its special
//    tokens and truncation.
// Copies share the (immutable) subword tokenizer.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "text/subword_tokenizer.h"
#include "text/vocabulary.h"

namespace uegr {

class TextEncoder {
public:
    TextEncoder() = default;  // word level with an empty vocabulary
    static TextEncoder words(Vocabulary vocabulary, bool lowercase);
    static TextEncoder subword(std::shared_ptr<const SubwordTokenizer> tokenizer);

    // At most maxLength ids (>= 1), never empty: a text of only ignorable characters encodes
    // to one unknown token so no row is all padding. Pairs are truncated longer side first.
    std::vector<std::int64_t> encode(const std::string& text, const std::string& pair, int maxLength) const;

    // One string per id encode() returns, as the text spells it: word level, the words as
    // written (case kept, and a word missing from the vocabulary as itself rather than <unk>),
    // for showing a user their own text; subword, the tokenizer's pieces (tokenOf).
    std::vector<std::string> spell(const std::string& text, const std::string& pair, int maxLength) const;

    std::string tokenOf(std::int64_t id) const;
    std::int64_t padId() const;
    std::int64_t unkId() const;
    std::int64_t vocabSize() const;

    bool isSubword() const { return tokenizer_ != nullptr; }
    const Vocabulary& vocabulary() const { return vocabulary_; }  // word level only
    bool lowercase() const { return lowercase_; }                 // word level only
    const std::shared_ptr<const SubwordTokenizer>& subwordTokenizer() const { return tokenizer_; }

private:
    Vocabulary vocabulary_;
    bool lowercase_ = true;
    std::shared_ptr<const SubwordTokenizer> tokenizer_;
};

}  // namespace uegr
