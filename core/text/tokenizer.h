#pragma once
// The word/punctuation tokenizer used by models trained from scratch: splits on Unicode
// whitespace, makes every punctuation or symbol character its own token, keeps runs of
// letters/digits (UTF-8 aware) together, and lower-cases ASCII and Latin-1/Latin Extended
// letters when asked.
#include <string>
#include <string_view>
#include <vector>

namespace uegr {

std::vector<std::string> tokenize(std::string_view text, bool lowercase);

}  // namespace uegr
