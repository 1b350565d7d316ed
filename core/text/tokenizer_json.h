#pragma once
// Hugging Face's fast-tokenizer file tokenizer.json, read into the existing tokenizers: a
// WordPiece model (BertNormalizer + BertPreTokenizer) becomes a WordPieceTokenizer, a BPE model
// (no normalizer, ByteLevel pre-tokenizer) a ByteLevelBpeTokenizer, a Unigram model (Replace,
// NFD/NFKD/NFC/NFKC, Lowercase, StripAccents, Precompiled normalizers; Metaspace, optionally
// after WhitespaceSplit) a UnigramTokenizer; the post-processor supplies the special tokens
// (tokenizer_json_post_processor.h) and added_tokens are cut out of the text before the model
// runs, with their ids (matched in the raw text, as special tokens are; of their lstrip/rstrip
// flags only the BPE mask token's lstrip is applied, as RobertaTokenizer does). Any other
// component, or a malformed value, is an InputError naming the key, e.g.
// `tokenizer.json: normalizer.type "Foo" is not supported (...)`.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text/subword_tokenizer.h"

namespace uegr {

// What tokenizer.json does not record, from the folder's tokenizer_config.json and
// special_tokens_map.json: the pad, mask and (for BPE) unknown token roles, model_max_length,
// and the files an exported folder needs.
struct TokenizerJsonRoles {
    std::optional<std::string> padToken;
    std::optional<std::string> maskToken;
    std::optional<std::string> unkToken;
    std::vector<std::string> files{"tokenizer.json"};
    std::optional<int> modelMaxLength;
};

// Builds the tokenizer that the text of a tokenizer.json describes; `source` names the file in
// errors. Safe on any input (the fuzzing entry point): it throws InputError, nothing else.
std::unique_ptr<SubwordTokenizer> tokenizerFromJson(std::string_view jsonText, const std::string& source,
                                                    const TokenizerJsonRoles& roles = {});

}  // namespace uegr
