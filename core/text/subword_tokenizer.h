#pragma once
// The tokenizer of a pretrained Hugging Face model folder, behaving as the reference
// (`transformers`) tokenizer does: special tokens added, sentence pairs joined, truncation
// "longest first" to max_length. Implementations: BERT WordPiece (vocab.txt), RoBERTa
// byte-level BPE (vocab.json + merges.txt), ALBERT SentencePiece (spiece.model), and each of
// those read from a fast-tokenizer tokenizer.json (tokenizer_json.h; Unigram for ALBERT's).
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace uegr {

struct SubwordEncoding {
    std::vector<std::int64_t> ids;      // with special tokens ([CLS] ... [SEP] / <s> ... </s>)
    std::vector<std::int64_t> typeIds;  // token type (segment) ids, same length as ids
    std::vector<std::string> tokens;    // the token strings of ids, for display
};

class SubwordTokenizer {
public:
    virtual ~SubwordTokenizer() = default;

    // Encodes one text or a pair; the result has at most maxLength ids (special tokens included).
    virtual SubwordEncoding encode(std::string_view text, std::optional<std::string_view> pair,
                                   int maxLength) const = 0;

    virtual std::string tokenOf(
        std::int64_t id) const = 0;  // the vocabulary entry of id ("" when out of range)
    virtual std::int64_t padId() const = 0;
    virtual std::int64_t unkId() const = 0;
    virtual std::int64_t vocabSize() const = 0;
    virtual std::string kind() const = 0;  // "wordpiece", "bpe", "sentencepiece" or "unigram"
    // File names (relative to the model folder) an exported folder needs to rebuild this tokenizer.
    virtual std::vector<std::string> files() const = 0;
    // tokenizer_config.json's model_max_length when it is a usable bound (the placeholder
    // 1e30 that transformers writes for "no limit" reads as none).
    virtual std::optional<int> modelMaxLength() const { return std::nullopt; }
};

// Reads the tokenizer of a Hugging Face model folder. tokenizer.json, when present, is preferred
// and describes the tokenizer itself (tokenizer_json.h; tokenizer_config.json then only supplies
// the pad, mask and unknown tokens and model_max_length). Otherwise config.json's model_type
// ("bert", "roberta", "albert") chooses the kind; without it, the files present do (spiece.model,
// then vocab.json + merges.txt, then vocab.txt). tokenizer_config.json (optional: special tokens,
// do_lower_case, strip_accents, tokenize_chinese_chars, model_max_length, add_prefix_space,
// keep_accents, remove_space) and special_tokens_map.json (optional) refine it. Throws
// InputError naming the missing or malformed file, and Error for an ALBERT folder when the
// build has no SentencePiece or its module cannot be loaded (see sentencepiece_tokenizer.h).
std::unique_ptr<SubwordTokenizer> loadSubwordTokenizer(const std::string& folder);

// ---- Building blocks shared by the implementations ----

// A token and its vocabulary id.
struct SubwordPiece {
    std::int64_t id = 0;
    std::string token;
};

// Lengths (first, second) left by transformers' "longest_first" truncation of two sequences to
// `budget` tokens: one token at a time is removed from the end of the longer sequence, from
// the second when both are equal. With no second sequence pass secondLength 0.
std::pair<std::size_t, std::size_t> longestFirstLengths(std::size_t firstLength, std::size_t secondLength,
                                                        std::size_t budget);

// Truncates longest-first and adds the special tokens. BERT layout: cls A sep (B sep), type ids
// 0 up to the first sep and 1 after it. RoBERTa layout: cls A sep (sep B sep), type ids all 0.
// Throws Error when maxLength cannot hold the special tokens.
enum class SpecialTokenLayout { Bert, Roberta };
SubwordEncoding assembleEncoding(std::vector<SubwordPiece> first,
                                 std::optional<std::vector<SubwordPiece>> second, int maxLength,
                                 const SubwordPiece& cls, const SubwordPiece& sep, SpecialTokenLayout layout);

// Text cut where special tokens (e.g. "[SEP]" typed in the data) occur, as the reference's
// added-token trie does before the model tokenizer runs: the leftmost match wins, the longest
// among those starting there. specialIndex is the index into `specials`, or -1 for plain text.
struct SpecialTokenSplit {
    std::string_view text;
    int specialIndex = -1;
};
std::vector<SpecialTokenSplit> splitOnSpecialTokens(std::string_view text,
                                                    const std::vector<std::string>& specials);

}  // namespace uegr
