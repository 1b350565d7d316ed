// libFuzzer target: a Hugging Face tokenizer.json (text/tokenizer_json.h) read from memory, then
// encoding a text and a pair with it. The input is split at the first NUL byte: the file, then
// the text.
#include <optional>
#include <string_view>

#include "fuzz_input_files.h"
#include "text/tokenizer_json.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input = uegr::fuzz::bytesOf(data, size);
    const std::size_t split = input.find('\0');
    const std::string_view text =
        split == std::string_view::npos ? std::string_view() : input.substr(split + 1);
    try {
        const auto tokenizer = uegr::tokenizerFromJson(input.substr(0, split), "tokenizer.json");
        tokenizer->encode(text, std::nullopt, 64);
        tokenizer->encode(text, text, 16);
    } catch (const uegr::Error& error) {
        uegr::fuzz::checkMessage(error);
    }
    return 0;
}
