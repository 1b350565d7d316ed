#pragma once
// CRC-32 (zlib's polynomial) as 8 lowercase hex digits: the checksum of every tensor in our
// safetensors files and of every file in a checkpoint (docs/RELIABILITY.md). It catches the damage
// a copy or a disk does (every burst of up to 32 bits, and all but 2^-32 of the rest); it is not
// a defence against someone who edits the file on purpose.
#include <cstdint>
#include <string>
#include <string_view>

namespace uegr {

class Crc32 {
public:
    Crc32& add(std::string_view bytes);
    Crc32& add(const char* data, std::uint64_t size);
    std::string hex() const;

private:
    std::uint64_t crc_ = 0;
};

inline std::string crc32Hex(std::string_view bytes) {
    return Crc32().add(bytes).hex();
}

}  // namespace uegr
