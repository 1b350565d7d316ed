#pragma once
// Shared by the fuzz targets: the fuzzer's bytes as files in a private folder (the readers under
// test take paths), and the promise every rejection keeps (util/error.h): what() is one line of
// at most 300 bytes of valid UTF-8. A broken promise aborts, so libFuzzer keeps the input.
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "util/error.h"
#include "util/message_text.h"
#include "util/utf8.h"

namespace uegr::fuzz {

inline const std::filesystem::path& scratchFolder() {
    static const std::filesystem::path folder = [] {
        const std::filesystem::path path =
            std::filesystem::temp_directory_path() / ("uegr-fuzz-" + std::to_string(::getpid()));
        std::filesystem::create_directories(path);
        return path;
    }();
    return folder;
}

inline std::string writeScratchFile(const std::string& name, std::string_view content) {
    const std::filesystem::path path = scratchFolder() / name;
    std::ofstream(path, std::ios::binary).write(content.data(), static_cast<std::streamsize>(content.size()));
    return path.string();
}

inline void checkMessage(const Error& error) {
    const std::string_view message = error.what();
    if (message.size() > kMaxMessageBytes || utf8::findInvalid(message) != std::string_view::npos ||
        message.find('\n') != std::string_view::npos)
        std::abort();
}

inline std::string_view bytesOf(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

}  // namespace uegr::fuzz
