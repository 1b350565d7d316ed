// libFuzzer target: loading a WordPiece or byte-level BPE tokenizer folder and encoding with it.
// The input is split at the first two NUL bytes: the vocabulary file (vocab.txt, or vocab.json
// when the first byte is odd), tokenizer_config.json (or merges.txt), and a text to encode.
#include <optional>
#include <string_view>

#include "fuzz_input_files.h"
#include "text/subword_tokenizer.h"

namespace {

std::string_view nextPart(std::string_view& rest) {
    const std::size_t end = rest.find('\0');
    const std::string_view part = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    return part;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const bool bytePair = (data[0] & 1) != 0;
    std::string_view rest = uegr::fuzz::bytesOf(data + 1, size - 1);
    const std::string_view vocabulary = nextPart(rest);
    const std::string_view second = nextPart(rest);
    const std::string_view text = rest;
    std::filesystem::remove_all(uegr::fuzz::scratchFolder());
    std::filesystem::create_directories(uegr::fuzz::scratchFolder());
    if (bytePair) {
        uegr::fuzz::writeScratchFile("vocab.json", vocabulary);
        uegr::fuzz::writeScratchFile("merges.txt", second);
    } else {
        uegr::fuzz::writeScratchFile("vocab.txt", vocabulary);
        uegr::fuzz::writeScratchFile("tokenizer_config.json", second);
    }
    try {
        const auto tokenizer = uegr::loadSubwordTokenizer(uegr::fuzz::scratchFolder().string());
        tokenizer->encode(text, std::nullopt, 64);
        tokenizer->encode(text, text, 16);
    } catch (const uegr::Error& error) {
        uegr::fuzz::checkMessage(error);
    }
    return 0;
}
