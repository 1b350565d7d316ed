#pragma once
// RoBERTa's (GPT-2's) byte-level BPE tokenizer (vocab.json + merges.txt), as transformers'
// RobertaTokenizer: GPT-2 pre-tokenisation, each UTF-8 byte mapped to a printable character
// (bytes_to_unicode: a space becomes "Ġ"), then the merges applied by rank.
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "text/subword_tokenizer.h"

namespace uegr {

struct ByteLevelBpeOptions {
    bool addPrefixSpace = false;    // RoBERTa's default: the first word has no leading "Ġ"
    std::string bosToken = "<s>";   // = cls
    std::string eosToken = "</s>";  // = sep
    std::string unkToken = "<unk>";
    std::string padToken = "<pad>";
    std::string maskToken = "<mask>";
    bool maskLstrip = true;  // RoBERTa's <mask> swallows the whitespace before it
    SpecialTokenLayout layout = SpecialTokenLayout::Roberta;
    std::vector<std::string> additionalSpecialTokens;
    std::vector<std::string> files{"vocab.json", "merges.txt"};
    std::optional<int> modelMaxLength;
};

class ByteLevelBpeTokenizer : public SubwordTokenizer {
public:
    // Throws InputError naming vocab.json or merges.txt when one is missing or malformed, or
    // when the vocabulary lacks <s> / </s>.
    ByteLevelBpeTokenizer(const std::string& vocabJsonPath, const std::string& mergesPath,
                          ByteLevelBpeOptions options);
    // From a vocabulary and merges in memory (tokenizer.json's model.vocab and model.merges,
    // merges in rank order). `source` names the file in errors.
    ByteLevelBpeTokenizer(std::unordered_map<std::string, std::int64_t> vocab,
                          const std::vector<std::pair<std::string, std::string>>& merges,
                          ByteLevelBpeOptions options, const std::string& source);

    SubwordEncoding encode(std::string_view text, std::optional<std::string_view> pair,
                           int maxLength) const override;
    std::string tokenOf(std::int64_t id) const override;
    std::int64_t padId() const override { return pad_.id; }
    std::int64_t unkId() const override { return unk_.id; }
    std::int64_t vocabSize() const override { return static_cast<std::int64_t>(idToToken_.size()); }
    std::string kind() const override { return "bpe"; }
    std::vector<std::string> files() const override { return options_.files; }
    std::optional<int> modelMaxLength() const override { return options_.modelMaxLength; }

    // The tokens of one text, without special tokens added.
    std::vector<SubwordPiece> tokenize(std::string_view text) const;

private:
    // The BPE symbols of one pre-token (already byte-mapped), cached: corpora repeat words.
    std::vector<std::string> bytePairEncode(const std::string& mappedWord) const;
    void appendPlainText(std::string_view text, std::vector<SubwordPiece>& out) const;
    SubwordPiece piece(const std::string& token) const;
    void setUpSpecialTokens(const std::string& source);

    ByteLevelBpeOptions options_;
    std::unordered_map<std::string, std::int64_t> vocab_;
    std::vector<std::string> idToToken_;                       // by id; "" where an id is unused
    std::unordered_map<std::string, std::size_t> mergeRanks_;  // "first second" -> rank
    std::vector<std::string> byteToSymbol_;                    // bytes_to_unicode, UTF-8 encoded
    std::vector<std::string> specialTokens_;
    SubwordPiece bos_, eos_, pad_, unk_;
    mutable std::mutex cacheMutex_;
    mutable std::unordered_map<std::string, std::vector<std::string>> cache_;
};

}  // namespace uegr
