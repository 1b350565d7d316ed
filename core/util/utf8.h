#pragma once
// UTF-8 decoding and validation (RFC 3629): overlong forms, surrogates, code points above
// U+10FFFF and truncated sequences are invalid.
#include <cstddef>
#include <string>
#include <string_view>

namespace uegr::utf8 {

constexpr char32_t kReplacement = 0xFFFD;

// Decodes the code point starting at `position` into `codePoint` and returns its length in
// bytes, or 0 when the bytes there are not valid UTF-8.
std::size_t decode(std::string_view text, std::size_t position, char32_t& codePoint);

// Byte offset of the first invalid sequence, or std::string_view::npos when all is valid.
std::size_t findInvalid(std::string_view text);

void append(std::string& out, char32_t codePoint);

// True when `text` starts with the UTF-8 byte order mark EF BB BF.
bool startsWithBom(std::string_view text);

}  // namespace uegr::utf8
