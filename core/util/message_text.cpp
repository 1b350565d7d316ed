#include "util/message_text.h"

#include "util/utf8.h"

namespace uegr {
namespace {

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";  // U+2026

bool isControl(char32_t codePoint) {
    return codePoint < 0x20 || codePoint == 0x7F || (codePoint >= 0x80 && codePoint < 0xA0);
}

bool isContinuation(char byte) {
    return (static_cast<unsigned char>(byte) & 0xC0) == 0x80;
}

}  // namespace

std::string oneLine(std::string_view text, std::size_t maxBytes) {
    std::string line;
    std::size_t position = 0;
    // Sanitising stops once the line is known to be too long, so a huge input costs nothing.
    while (position < text.size() && line.size() <= maxBytes) {
        char32_t codePoint = 0;
        std::size_t length = utf8::decode(text, position, codePoint);
        if (length == 0) {
            codePoint = utf8::kReplacement;
            length = 1;
        }
        utf8::append(line, isControl(codePoint) ? U' ' : codePoint);
        position += length;
    }
    if (line.size() <= maxBytes && position == text.size()) return line;
    std::size_t cut = maxBytes > kEllipsis.size() ? maxBytes - kEllipsis.size() : 0;
    while (cut > 0 && isContinuation(line[cut])) --cut;
    line.resize(cut);
    line += kEllipsis;
    return line;
}

}  // namespace uegr
