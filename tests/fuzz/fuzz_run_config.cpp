// libFuzzer target: the run config parser and its validation, from JSON text.
#include "config/run_config.h"
#include "fuzz_input_files.h"
#include "util/json_text.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        const nlohmann::json document = uegr::parseJsonText(uegr::fuzz::bytesOf(data, size), "run.json");
        const uegr::RunConfig config = uegr::parseRunConfig(document, "run.json");
        uegr::parseRunConfig(uegr::toJson(config), "resolved");  // what we write, we read back
    } catch (const uegr::Error& error) {
        uegr::fuzz::checkMessage(error);
    }
    return 0;
}
