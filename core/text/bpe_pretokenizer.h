#pragma once
// GPT-2's pre-tokenisation, shared by GPT-2 and RoBERTa: the text is cut into the matches of
//   's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+
// (Python `regex` semantics, \s = Unicode White_Space). Written as a hand scanner because
// std::regex has neither \p{..} nor Unicode awareness; each branch mirrors one alternative.
#include <string>
#include <vector>

namespace uegr {

// The consecutive matches of the GPT-2 pattern; their concatenation is `text`.
std::vector<std::u32string> gpt2PreTokenize(const std::u32string& text);

}  // namespace uegr
