#include "text/tokenizer.h"

#include "util/utf8.h"

namespace uegr {
namespace {

enum class CharClass { Space, Punctuation, Word };

bool isSpace(char32_t c) {
    if (c == ' ' || (c >= '\t' && c <= '\r')) return true;
    if (c < 0x80) return false;
    return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200B) || c == 0x2028 ||
           c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 ||
           c == 0xFEFF;  // 200B and FEFF: zero-width separators
}

// The apostrophe is punctuation like any other: "don't" gives don ' t. That treats ' and the
// typographic apostrophe alike and needs no language-specific contraction rules.
bool isAsciiPunctuation(char32_t c) {
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
           (c >= '{' && c <= '~');
}

// Punctuation and symbol blocks; code points outside them (letters, digits, marks, ideographs)
// count as word characters. The replacement character marks bytes that were not UTF-8.
bool isPunctuationOrSymbol(char32_t c) {
    if (c < 0x80) return isAsciiPunctuation(c);
    if (c >= 0xA1 && c <= 0xBF) {
        // Latin-1 punctuation and signs, except the letters and numbers among them.
        return c != 0xAA && c != 0xB2 && c != 0xB3 && c != 0xB5 && c != 0xB9 && c != 0xBA &&
               !(c >= 0xBC && c <= 0xBE);
    }
    return c == 0xD7 || c == 0xF7 ||        // multiplication and division signs
           (c >= 0x2010 && c <= 0x2027) ||  // dashes, quotes, bullets, ellipsis
           (c >= 0x2030 && c <= 0x205E) ||  // per mille, primes, guillemets, ...
           (c >= 0x20A0 && c <= 0x20CF) ||  // currency
           (c >= 0x2100 && c <= 0x214F) ||  // letterlike symbols
           (c >= 0x2190 && c <= 0x2BFF) ||  // arrows, maths, technical, boxes, dingbats
           (c >= 0x3001 && c <= 0x3003) || (c >= 0x3008 && c <= 0x3011) ||  // CJK punctuation
           (c >= 0xFF01 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) ||  // fullwidth forms
           (c >= 0xFF3B && c <= 0xFF40) || (c >= 0xFF5B && c <= 0xFF65) ||
           (c >= 0x1F000 && c <= 0x1FAFF) ||  // emoji and pictographs
           c == utf8::kReplacement;
}

CharClass classify(char32_t c) {
    if (isSpace(c)) return CharClass::Space;
    if (isPunctuationOrSymbol(c)) return CharClass::Punctuation;
    return CharClass::Word;
}

// Pairs of capital and small letters at consecutive code points: capitals on even ones
// when `capitalEven`, else on odd ones.
bool inPairedRange(char32_t c, char32_t first, char32_t last, bool capitalEven) {
    return c >= first && c <= last && ((c % 2 == 0) == capitalEven);
}

char32_t toLower(char32_t c) {
    if (c < 0x80) return c >= 'A' && c <= 'Z' ? c + 0x20 : c;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 0x20;                // Latin-1
    if (c == 0x130) return 'i';                                              // capital I with dot above
    if (c == 0x178) return 0xFF;                                             // Y with diaeresis
    if (c == 0x1C4 || c == 0x1C7 || c == 0x1CA || c == 0x1F1) return c + 2;  // DZ-style digraphs
    if (c == 0x1C5 || c == 0x1C8 || c == 0x1CB || c == 0x1F2) return c + 1;
    if (inPairedRange(c, 0x100, 0x137, true) || inPairedRange(c, 0x139, 0x148, false) ||
        inPairedRange(c, 0x14A, 0x177, true) || inPairedRange(c, 0x179, 0x17E, false) ||
        inPairedRange(c, 0x1CD, 0x1DC, false) || inPairedRange(c, 0x1DE, 0x1EF, true) ||
        inPairedRange(c, 0x1F4, 0x1F5, true) || inPairedRange(c, 0x1F8, 0x21F, true) ||
        inPairedRange(c, 0x222, 0x233, true) || inPairedRange(c, 0x246, 0x24F, true)) {
        return c + 1;
    }
    return c;
}

}  // namespace

std::vector<std::string> tokenize(std::string_view text, bool lowercase) {
    std::vector<std::string> tokens;
    std::string word;
    const auto finishWord = [&] {
        if (!word.empty()) tokens.push_back(std::move(word));
        word.clear();
    };
    std::size_t position = 0;
    while (position < text.size()) {
        char32_t c = static_cast<unsigned char>(text[position]);
        std::size_t length = 1;
        if (c >= 0x80) {
            length = utf8::decode(text, position, c);
            if (length == 0) {
                c = utf8::kReplacement;
                length = 1;
            }
        }
        position += length;
        switch (classify(c)) {
            case CharClass::Space:
                finishWord();
                break;
            case CharClass::Punctuation: {
                finishWord();
                std::string symbol;
                utf8::append(symbol, c);
                tokens.push_back(std::move(symbol));
                break;
            }
            case CharClass::Word:
                utf8::append(word, lowercase ? toLower(c) : c);
                break;
        }
    }
    finishWord();
    return tokens;
}

}  // namespace uegr
