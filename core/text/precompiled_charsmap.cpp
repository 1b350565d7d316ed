#include "text/precompiled_charsmap.h"

#include <algorithm>

#include "util/error.h"
#include "util/utf8.h"

namespace uegr {
namespace {

// darts-clone's unit layout: a label byte (bit 31 set on value units), a has-leaf flag at bit
// 8, and the offset to the children in bits 10-31, scaled by 256 when bit 9 is set.
bool hasLeaf(std::uint32_t unit) {
    return ((unit >> 8) & 1U) == 1U;
}
std::uint32_t valueOf(std::uint32_t unit) {
    return unit & ((1U << 31) - 1);
}
std::uint32_t labelOf(std::uint32_t unit) {
    return unit & ((1U << 31) | 0xFFU);
}
std::uint32_t offsetOf(std::uint32_t unit) {
    return (unit >> 10) << ((unit & (1U << 9)) >> 6);
}

std::uint32_t readLittleEndian32(std::string_view bytes, std::size_t at) {
    std::uint32_t value = 0;
    for (std::size_t i = 0; i < 4; ++i)
        value |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + i])) << (8 * i);
    return value;
}

int base64Value(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

}  // namespace

std::string decodeBase64(std::string_view text) {
    while (!text.empty() && text.back() == '=') text.remove_suffix(1);
    std::string bytes;
    std::uint32_t buffer = 0;
    int bits = 0;
    for (const char c : text) {
        const int value = base64Value(c);
        if (value < 0) throw Error("not base64 text");
        buffer = (buffer << 6) | static_cast<std::uint32_t>(value);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            bytes.push_back(static_cast<char>((buffer >> bits) & 0xFFU));
        }
    }
    if (bits >= 6) throw Error("not base64 text");  // a dangling single character
    return bytes;
}

PrecompiledCharsmap::PrecompiledCharsmap(std::string_view blob) {
    if (blob.size() < 4) throw Error("the charsmap is shorter than its 4-byte header");
    const std::uint32_t trieSize = readLittleEndian32(blob, 0);
    if (trieSize % 4 != 0 || trieSize == 0 || trieSize > blob.size() - 4)
        throw Error("the charsmap's trie size does not fit the blob");
    units_.resize(trieSize / 4);
    for (std::size_t i = 0; i < units_.size(); ++i) units_[i] = readLittleEndian32(blob, 4 + 4 * i);
    replacements_ = std::string(blob.substr(4 + trieSize));
}

std::pair<std::uint32_t, std::size_t> PrecompiledCharsmap::longestPrefix(std::string_view text) const {
    std::pair<std::uint32_t, std::size_t> longest{0, 0};
    std::size_t node = offsetOf(units_[0]);
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        node ^= byte;
        if (node >= units_.size() || labelOf(units_[node]) != byte) break;
        const std::uint32_t unit = units_[node];
        node ^= offsetOf(unit);
        if (node >= units_.size()) break;
        if (hasLeaf(unit)) longest = {valueOf(units_[node]), i + 1};
    }
    return longest;
}

std::string PrecompiledCharsmap::normalize(std::string_view utf8) const {
    std::string out;
    for (std::size_t at = 0; at < utf8.size();) {
        const auto [value, length] = longestPrefix(utf8.substr(at));
        if (length > 0 && value < replacements_.size()) {
            const std::size_t end = replacements_.find('\0', value);
            out += replacements_.substr(value, end == std::string::npos ? std::string::npos : end - value);
            at += length;
            continue;
        }
        char32_t codePoint = 0;
        const std::size_t size = std::max<std::size_t>(1, utf8::decode(utf8, at, codePoint));
        out.append(utf8.substr(at, size));
        at += size;
    }
    return out;
}

}  // namespace uegr
