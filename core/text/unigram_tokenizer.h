#pragma once
// A SentencePiece Unigram model read from tokenizer.json (ALBERT's fast tokenizer): each text
// between added tokens is normalized (text_normalizer.h), cut into words by the Metaspace
// pre-tokenizer (spaces become "▁", which starts each word), and each word is segmented into the
// pieces of highest total score (Viterbi; a character no piece covers is the unknown piece,
// with the lowest score less 10, and adjacent unknowns fuse), as tokenizers' Unigram model does.
// SentencePieceModel cannot be reused: it runs the SentencePiece library on a .model file, and
// tokenizer.json holds only the [piece, score] list.
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "text/subword_tokenizer.h"
#include "text/text_normalizer.h"

namespace uegr {

struct MetaspaceOptions {
    enum class Prepend { Always, First, Never };
    std::string replacement = "\u2581";
    Prepend prepend = Prepend::Always;  // "first": only before the start of the whole text
    bool split = true;                  // each replacement character starts a new word
    bool whitespaceSplitFirst = false;  // a WhitespaceSplit pre-tokenizer runs before it
};

struct UnigramOptions {
    std::vector<std::pair<std::string, double>> pieces;  // [piece, score]; the id is the index
    std::int64_t unkId = 0;
    std::vector<NormalizerStep> normalizers;
    MetaspaceOptions metaspace;
    std::vector<std::pair<std::string, std::int64_t>> addedTokens;  // cut out of the text first
    std::string clsToken = "[CLS]";
    std::string sepToken = "[SEP]";
    std::string padToken = "<pad>";  // the unknown id stands in when absent, as SentencePiece's
    SpecialTokenLayout layout = SpecialTokenLayout::Bert;
    std::vector<std::string> files{"tokenizer.json"};
    std::optional<int> modelMaxLength;
};

class UnigramTokenizer : public SubwordTokenizer {
public:
    // Throws InputError naming `source` when the pieces are empty, unkId is out of range, or the
    // vocabulary lacks the cls or sep token.
    UnigramTokenizer(UnigramOptions options, const std::string& source);

    SubwordEncoding encode(std::string_view text, std::optional<std::string_view> pair,
                           int maxLength) const override;
    std::string tokenOf(std::int64_t id) const override;
    std::int64_t padId() const override { return pad_.id; }
    std::int64_t unkId() const override { return options_.unkId; }
    std::int64_t vocabSize() const override { return static_cast<std::int64_t>(idToToken_.size()); }
    std::string kind() const override { return "unigram"; }
    std::vector<std::string> files() const override { return options_.files; }
    std::optional<int> modelMaxLength() const override { return options_.modelMaxLength; }

    // The tokens of one text, without special tokens added.
    std::vector<SubwordPiece> tokenize(std::string_view text) const;

private:
    std::vector<std::string> preTokenize(const std::u32string& normalized, bool atTextStart) const;
    void appendViterbi(const std::string& word, std::vector<SubwordPiece>& out) const;
    SubwordPiece tokenPiece(const std::string& token) const;

    UnigramOptions options_;
    std::unordered_map<std::string, std::int64_t> pieceIds_;  // the model's pieces only
    std::unordered_map<std::string, std::int64_t> tokenIds_;  // pieces and added tokens
    std::vector<std::string> idToToken_;
    std::vector<std::string> addedTokenTexts_;
    std::size_t longestPieceBytes_ = 0;
    double unknownScore_ = 0;
    SubwordPiece cls_, sep_, pad_;
};

}  // namespace uegr
