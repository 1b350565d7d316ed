#include "text/unicode_text.h"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "util/error.h"
#include "util/utf8.h"

namespace uegr::unicode {
namespace {

icu::UnicodeString toIcu(const std::u32string& text) {
    return icu::UnicodeString::fromUTF32(reinterpret_cast<const UChar32*>(text.data()),
                                         static_cast<int32_t>(text.size()));
}

std::u32string fromIcu(const icu::UnicodeString& text) {
    std::u32string out(static_cast<std::size_t>(text.countChar32()), U'\0');
    UErrorCode status = U_ZERO_ERROR;
    text.toUTF32(reinterpret_cast<UChar32*>(out.data()), static_cast<int32_t>(out.size()), status);
    if (U_FAILURE(status)) throw Error(std::string("Unicode conversion failed: ") + u_errorName(status));
    return out;
}

using NormalizerGetter = const icu::Normalizer2* (*)(UErrorCode&);

std::u32string normalize(const std::u32string& text, NormalizerGetter getInstance, const char* form) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* normalizer = getInstance(status);
    if (U_FAILURE(status))
        throw Error(std::string("ICU ") + form + " normaliser unavailable: " + u_errorName(status));
    const icu::UnicodeString result = normalizer->normalize(toIcu(text), status);
    if (U_FAILURE(status))
        throw Error(std::string("ICU ") + form + " normalisation failed: " + u_errorName(status));
    return fromIcu(result);
}

bool inCategories(char32_t c, std::uint32_t mask) {
    return (U_GET_GC_MASK(static_cast<UChar32>(c)) & mask) != 0;
}

}  // namespace

std::u32string decodeUtf8(std::string_view text) {
    std::u32string out;
    out.reserve(text.size());
    std::size_t position = 0;
    while (position < text.size()) {
        char32_t codePoint = 0;
        const std::size_t length = utf8::decode(text, position, codePoint);
        if (length == 0) {
            out.push_back(utf8::kReplacement);
            ++position;
        } else {
            out.push_back(codePoint);
            position += length;
        }
    }
    return out;
}

std::string encodeUtf8(std::u32string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char32_t c : text) utf8::append(out, c);
    return out;
}

bool isLetter(char32_t c) {
    return inCategories(c, U_GC_L_MASK);
}
bool isNumber(char32_t c) {
    return inCategories(c, U_GC_N_MASK);
}
bool isOtherCategory(char32_t c) {
    return inCategories(c, U_GC_C_MASK);
}
bool isPunctuationCategory(char32_t c) {
    return inCategories(c, U_GC_P_MASK);
}
bool isSpaceSeparator(char32_t c) {
    return inCategories(c, U_GC_ZS_MASK);
}
bool isNonspacingMark(char32_t c) {
    return inCategories(c, U_GC_MN_MASK);
}

bool isWhiteSpaceProperty(char32_t c) {
    return u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_WHITE_SPACE);
}

bool isPythonSpace(char32_t c) {
    if (isSpaceSeparator(c)) return true;
    const UCharDirection direction = u_charDirection(static_cast<UChar32>(c));
    return direction == U_WHITE_SPACE_NEUTRAL || direction == U_BLOCK_SEPARATOR ||
           direction == U_SEGMENT_SEPARATOR;
}

bool isPythonDigit(char32_t c) {
    const int type = u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_NUMERIC_TYPE);
    return type == U_NT_DECIMAL || type == U_NT_DIGIT;
}

bool isCombining(char32_t c) {
    return u_getCombiningClass(static_cast<UChar32>(c)) != 0;
}

std::u32string normalizeNfc(const std::u32string& text) {
    return normalize(text, &icu::Normalizer2::getNFCInstance, "NFC");
}

std::u32string normalizeNfd(const std::u32string& text) {
    return normalize(text, &icu::Normalizer2::getNFDInstance, "NFD");
}

std::u32string normalizeNfkd(const std::u32string& text) {
    return normalize(text, &icu::Normalizer2::getNFKDInstance, "NFKD");
}

std::u32string toLower(const std::u32string& text) {
    icu::UnicodeString icuText = toIcu(text);
    icuText.toLower(icu::Locale::getRoot());
    return fromIcu(icuText);
}

std::vector<std::u32string> splitOnPythonSpace(const std::u32string& text) {
    std::vector<std::u32string> words;
    std::size_t start = 0;
    while (start < text.size()) {
        while (start < text.size() && isPythonSpace(text[start])) ++start;
        std::size_t end = start;
        while (end < text.size() && !isPythonSpace(text[end])) ++end;
        if (end > start) words.emplace_back(text.substr(start, end - start));
        start = end;
    }
    return words;
}

std::u32string replaceAll(const std::u32string& text, const std::u32string& pattern,
                          const std::u32string& content) {
    if (pattern.empty()) return text;
    std::u32string out;
    std::size_t from = 0;
    for (std::size_t at = text.find(pattern); at != std::u32string::npos; at = text.find(pattern, from)) {
        out.append(text, from, at - from);
        out += content;
        from = at + pattern.size();
    }
    out.append(text, from, std::u32string::npos);
    return out;
}

}  // namespace uegr::unicode
