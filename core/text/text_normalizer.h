#pragma once
// The normalizer chain of a Hugging Face tokenizer.json as SentencePiece (Unigram) models use
// it (ALBERT's: Replace "``" and "''" by '"', NFKD, StripAccents, Lowercase, Precompiled, then
// runs of spaces collapsed). Each step rewrites the whole text in order.
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "text/precompiled_charsmap.h"

namespace uegr {

struct NormalizerStep {
    enum class Kind { Replace, CollapseRuns, Nfd, Nfkd, Nfc, Nfkc, Lowercase, StripAccents, Precompiled };
    Kind kind = Kind::Replace;
    std::u32string pattern;  // Replace: the literal replaced; CollapseRuns: the repeated character
    std::u32string content;  // Replace, CollapseRuns: what replaces it
    std::size_t minRun = 1;  // CollapseRuns: only runs at least this long are replaced
    std::shared_ptr<const PrecompiledCharsmap> charsmap;  // Precompiled
};

// StripAccents drops characters of non-zero canonical combining class, as ALBERT's reference
// preprocessing does (tokenizers drops the Mark category; they differ only for a few spacing
// marks).
std::u32string applyNormalizers(const std::vector<NormalizerStep>& steps, std::u32string text);

}  // namespace uegr
