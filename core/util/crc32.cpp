#include "util/crc32.h"

#include <zlib.h>

#include <algorithm>

namespace uegr {

Crc32& Crc32::add(std::string_view bytes) {
    return add(bytes.data(), bytes.size());
}

Crc32& Crc32::add(const char* data, std::uint64_t size) {
    // zlib takes uInt lengths: feed large buffers in chunks.
    constexpr std::uint64_t kChunk = std::uint64_t{1} << 30;
    for (std::uint64_t offset = 0; offset < size; offset += kChunk)
        crc_ = crc32(crc_, reinterpret_cast<const Bytef*>(data + offset),
                     static_cast<uInt>(std::min(kChunk, size - offset)));
    return *this;
}

std::string Crc32::hex() const {
    static const char* const kHex = "0123456789abcdef";
    std::string hex(8, '0');
    std::uint64_t crc = crc_;
    for (int i = 7; i >= 0; --i, crc >>= 4) hex[static_cast<std::size_t>(i)] = kHex[crc & 0xF];
    return hex;
}

}  // namespace uegr
