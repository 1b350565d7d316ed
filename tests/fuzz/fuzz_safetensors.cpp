// libFuzzer target: the safetensors reader (header, layout, checksums, finite values).
#include "fuzz_input_files.h"
#include "io/safetensors.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        uegr::parseSafetensors(std::string(uegr::fuzz::bytesOf(data, size)), "model.safetensors");
    } catch (const uegr::Error& error) {
        uegr::fuzz::checkMessage(error);
    }
    return 0;
}
