#pragma once
// BERT's WordPiece tokenizer (vocab.txt), as transformers' BertTokenizer: the basic tokenizer
// (text cleaning, CJK ideographs split, optional lower-casing and accent stripping, punctuation
// split) then greedy longest-match-first WordPiece with "##" continuations.
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "text/subword_tokenizer.h"

namespace uegr {

struct WordPieceOptions {
    bool doLowerCase = true;
    std::optional<bool> stripAccents;  // unset: strip accents exactly when lower-casing
    bool tokenizeChineseChars = true;
    std::string unkToken = "[UNK]";
    std::string sepToken = "[SEP]";
    std::string padToken = "[PAD]";
    std::string clsToken = "[CLS]";
    std::string maskToken = "[MASK]";
    std::vector<std::string> additionalSpecialTokens;
    std::vector<std::string> neverSplit;  // words kept whole besides the special tokens
    std::string continuingSubwordPrefix = "##";
    std::size_t maxInputCharsPerWord = 100;  // longer words become the unknown token
    SpecialTokenLayout layout = SpecialTokenLayout::Bert;
    std::vector<std::string> files{"vocab.txt"};
    std::optional<int> modelMaxLength;
};

class WordPieceTokenizer : public SubwordTokenizer {
public:
    // Reads vocab.txt (one token per line, id = line index). Throws InputError when the file
    // is missing or lacks the [CLS] / [SEP] / [UNK] / [PAD] tokens.
    WordPieceTokenizer(const std::string& vocabPath, WordPieceOptions options);
    // From a vocabulary in memory (tokenizer.json's model.vocab, token -> id; ids need not be
    // contiguous). `source` names the file in errors.
    WordPieceTokenizer(const std::unordered_map<std::string, std::int64_t>& vocab, WordPieceOptions options,
                       const std::string& source);

    SubwordEncoding encode(std::string_view text, std::optional<std::string_view> pair,
                           int maxLength) const override;
    std::string tokenOf(std::int64_t id) const override;
    std::int64_t padId() const override { return pad_.id; }
    std::int64_t unkId() const override { return unk_.id; }
    std::int64_t vocabSize() const override { return static_cast<std::int64_t>(idToToken_.size()); }
    std::string kind() const override { return "wordpiece"; }
    std::vector<std::string> files() const override { return options_.files; }
    std::optional<int> modelMaxLength() const override { return options_.modelMaxLength; }

    // The tokens of one text, without special tokens added.
    std::vector<SubwordPiece> tokenize(std::string_view text) const;

private:
    std::vector<std::string> basicTokenize(std::string_view text) const;
    void appendWordPieces(const std::string& word, std::vector<SubwordPiece>& out) const;
    SubwordPiece piece(const std::string& token) const;
    std::int64_t requireToken(const std::string& source, const std::string& token) const;
    void setUpSpecialTokens(const std::string& source);

    WordPieceOptions options_;
    std::unordered_map<std::string, std::int64_t> vocab_;
    std::vector<std::string> idToToken_;
    std::vector<std::string> specialTokens_;
    std::unordered_set<std::string> neverSplit_;
    SubwordPiece cls_, sep_, pad_, unk_;
};

}  // namespace uegr
