#pragma once
// Unicode character classes and transforms the Hugging Face tokenizers rely on, expressed as
// Python's `unicodedata` / `str` methods behave, so the C++ tokenizers split text the same way.
// Backed by ICU (its tables follow a newer Unicode version than some Python builds; the
// difference only touches characters assigned in between).
#include <string>
#include <string_view>
#include <vector>

namespace uegr::unicode {

// UTF-8 -> code points; an invalid byte sequence becomes U+FFFD (Python would refuse the
// text; the data layer validates UTF-8 before tokenising, so this is only a safety net).
std::u32string decodeUtf8(std::string_view text);
std::string encodeUtf8(std::u32string_view text);

bool isLetter(char32_t c);               // regex \p{L}: categories Lu Ll Lt Lm Lo
bool isNumber(char32_t c);               // regex \p{N}: Nd Nl No
bool isOtherCategory(char32_t c);        // category C* (Cc Cf Cs Co Cn)
bool isPunctuationCategory(char32_t c);  // category P*
bool isSpaceSeparator(char32_t c);       // category Zs
bool isNonspacingMark(char32_t c);       // category Mn
bool isWhiteSpaceProperty(char32_t c);   // Unicode White_Space: the `regex` module's \s
bool isPythonSpace(char32_t c);          // str.isspace(): category Zs or bidi class WS, B or S
bool isPythonDigit(char32_t c);          // str.isdigit(): Numeric_Type Decimal or Digit
bool isCombining(char32_t c);            // unicodedata.combining(c) != 0

std::u32string normalizeNfc(const std::u32string& text);
std::u32string normalizeNfd(const std::u32string& text);
std::u32string normalizeNfkd(const std::u32string& text);
// str.lower(): full case mapping (one character may become several), final sigma included.
std::u32string toLower(const std::u32string& text);

// str.split() without arguments: runs of isPythonSpace separate the words; none is empty.
std::vector<std::u32string> splitOnPythonSpace(const std::u32string& text);

// str.replace(pattern, content): every non-overlapping occurrence, left to right; an empty
// pattern leaves the text as it is.
std::u32string replaceAll(const std::u32string& text, const std::u32string& pattern,
                          const std::u32string& content);

}  // namespace uegr::unicode
