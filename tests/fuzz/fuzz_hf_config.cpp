// libFuzzer target: a Hugging Face folder's config.json read into the architecture.
#include "fuzz_input_files.h"
#include "model/hf_architecture.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    uegr::fuzz::writeScratchFile("config.json", uegr::fuzz::bytesOf(data, size));
    try {
        uegr::readHfArchitecture(uegr::fuzz::scratchFolder().string());
    } catch (const uegr::Error& error) {
        uegr::fuzz::checkMessage(error);
    }
    return 0;
}
