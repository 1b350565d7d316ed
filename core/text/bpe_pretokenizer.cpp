#include "text/bpe_pretokenizer.h"

#include "text/unicode_text.h"

namespace uegr {
namespace {

enum class PretokenClass { Letter, Number, Space, Other };

PretokenClass classifyForPretokens(char32_t c) {
    if (unicode::isWhiteSpaceProperty(c)) return PretokenClass::Space;
    if (unicode::isLetter(c)) return PretokenClass::Letter;
    if (unicode::isNumber(c)) return PretokenClass::Number;
    return PretokenClass::Other;
}

// Length of the contraction ('s 't 're 've 'm 'll 'd, lower case only) at `at`, or 0.
std::size_t contractionLength(const std::u32string& text, std::size_t at) {
    if (text[at] != U'\'' || at + 1 >= text.size()) return 0;
    const char32_t next = text[at + 1];
    if (next == U's' || next == U't' || next == U'm' || next == U'd') return 2;
    if (at + 2 < text.size()) {
        const char32_t third = text[at + 2];
        if ((next == U'r' && third == U'e') || (next == U'v' && third == U'e') ||
            (next == U'l' && third == U'l')) {
            return 3;
        }
    }
    return 0;
}

}  // namespace

std::vector<std::u32string> gpt2PreTokenize(const std::u32string& text) {
    std::vector<PretokenClass> classes;
    classes.reserve(text.size());
    for (const char32_t c : text) classes.push_back(classifyForPretokens(c));
    const std::size_t size = text.size();
    const auto runEnd = [&](std::size_t from, PretokenClass wanted) {
        while (from < size && classes[from] == wanted) ++from;
        return from;
    };

    std::vector<std::u32string> pieces;
    std::size_t at = 0;
    while (at < size) {
        std::size_t end = at;
        if (const std::size_t contraction = contractionLength(text, at)) {
            end = at + contraction;
        } else {
            // " ?X+" for X = letters, numbers, others: an optional single ASCII space first.
            const std::size_t body = (text[at] == U' ' && at + 1 < size) ? at + 1 : at;
            const PretokenClass bodyClass = classes[body];
            if (bodyClass != PretokenClass::Space) {
                end = runEnd(body, bodyClass);
            } else {
                // \s+(?!\S): the whitespace run, less its last character when text follows
                // (that character then starts the next match, e.g. " word"); a single
                // whitespace before text falls through to the plain \s+.
                const std::size_t run = runEnd(at, PretokenClass::Space);
                if (run == size || run - at == 1) {
                    end = run;
                } else {
                    end = run - 1;
                }
            }
        }
        pieces.emplace_back(text.substr(at, end - at));
        at = end;
    }
    return pieces;
}

}  // namespace uegr
