// libFuzzer target: a checkpoint's progress.json and the verification of its files against it
// (train/checkpoint_manifest.h), which a resume does before LibTorch parses any of them. The
// input is split at the first NUL byte: progress.json, then the content of model.pt. LibTorch's
// own archive reader is not fuzzed here: only files that pass the checksum ever reach it.
#include <string_view>

#include "fuzz_input_files.h"
#include "train/checkpoint_manifest.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input = uegr::fuzz::bytesOf(data, size);
    const std::size_t split = input.find('\0');
    const std::string progressFile = uegr::fuzz::writeScratchFile("progress.json", input.substr(0, split));
    uegr::fuzz::writeScratchFile("model.pt", split == std::string_view::npos ? "" : input.substr(split + 1));
    try {
        const uegr::CheckpointManifest manifest = uegr::readCheckpointManifest(progressFile);
        uegr::readVerifiedCheckpointFile(uegr::fuzz::scratchFolder().string(), "model.pt", manifest);
    } catch (const uegr::Error& error) {
        uegr::fuzz::checkMessage(error);
    }
    return 0;
}
