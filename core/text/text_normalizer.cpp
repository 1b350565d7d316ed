#include "text/text_normalizer.h"

#include "text/unicode_text.h"

namespace uegr {
namespace {

std::u32string collapseRuns(const std::u32string& text, char32_t repeated, std::size_t minRun,
                            const std::u32string& content) {
    std::u32string out;
    for (std::size_t at = 0; at < text.size();) {
        std::size_t end = at;
        while (end < text.size() && text[end] == repeated) ++end;
        if (end == at) {
            out.push_back(text[at++]);
            continue;
        }
        if (end - at >= minRun) {
            out += content;
        } else {
            out.append(text, at, end - at);
        }
        at = end;
    }
    return out;
}

std::u32string stripCombining(const std::u32string& text) {
    std::u32string out;
    for (const char32_t c : text) {
        if (!unicode::isCombining(c)) out.push_back(c);
    }
    return out;
}

std::u32string applyStep(const NormalizerStep& step, const std::u32string& text) {
    using Kind = NormalizerStep::Kind;
    switch (step.kind) {
        case Kind::Replace:
            return unicode::replaceAll(text, step.pattern, step.content);
        case Kind::CollapseRuns:
            return step.pattern.empty() ? text
                                        : collapseRuns(text, step.pattern[0], step.minRun, step.content);
        case Kind::Nfd:
            return unicode::normalizeNfd(text);
        case Kind::Nfkd:
            return unicode::normalizeNfkd(text);
        case Kind::Nfc:
            return unicode::normalizeNfc(text);
        case Kind::Nfkc:  // composition of the compatibility decomposition
            return unicode::normalizeNfc(unicode::normalizeNfkd(text));
        case Kind::Lowercase:
            return unicode::toLower(text);
        case Kind::StripAccents:
            return stripCombining(text);
        case Kind::Precompiled:
            return step.charsmap ? unicode::decodeUtf8(step.charsmap->normalize(unicode::encodeUtf8(text)))
                                 : text;
    }
    return text;
}

}  // namespace

std::u32string applyNormalizers(const std::vector<NormalizerStep>& steps, std::u32string text) {
    for (const NormalizerStep& step : steps) text = applyStep(step, text);
    return text;
}

}  // namespace uegr
