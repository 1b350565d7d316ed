#pragma once
// SentencePiece's compiled normalization rules (tokenizer.json's Precompiled normalizer,
// precompiled_charsmap: the normalizer_spec of the .model file). The blob is a little-endian
// 32-bit trie size, a darts-clone double-array trie over UTF-8 byte strings whose values are
// offsets into the NUL-separated replacement strings that follow it. Normalizing, as
// SentencePiece's own normalizer does, replaces at each position the longest matching byte
// string and copies one character where none matches. (tokenizers matches per grapheme cluster
// instead; the two agree except on unusual multi-character clusters.)
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace uegr {

class PrecompiledCharsmap {
public:
    // Throws Error (message without a file name) when the blob is malformed.
    explicit PrecompiledCharsmap(std::string_view blob);

    std::string normalize(std::string_view utf8) const;

private:
    // The (value, length) of the longest key that is a prefix of text; length 0 when none.
    std::pair<std::uint32_t, std::size_t> longestPrefix(std::string_view text) const;

    std::vector<std::uint32_t> units_;
    std::string replacements_;
};

// RFC 4648 base64, as tokenizer.json stores the blob. Throws Error on a malformed text.
std::string decodeBase64(std::string_view text);

}  // namespace uegr
