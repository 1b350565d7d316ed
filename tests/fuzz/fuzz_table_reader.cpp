// libFuzzer target: the CSV, TSV and JSONL reader and the column mapping, with and without
// skipping bad rows. The first byte picks the format.
#include "data/table_reader.h"
#include "fuzz_input_files.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    static const char* const kFormats[] = {"csv", "tsv", "jsonl", "auto"};
    const std::string format = kFormats[data[0] % 4];
    const bool skipBadRows = (data[0] & 4) != 0;
    const std::string path = uegr::fuzz::writeScratchFile("table", uegr::fuzz::bytesOf(data + 1, size - 1));
    try {
        const uegr::RawTable table = uegr::readTable(path, format, skipBadRows);
        uegr::mapColumns(table, {{"text", -1}, {}, {"", 1}}, skipBadRows);
    } catch (const uegr::Error& error) {
        uegr::fuzz::checkMessage(error);
    }
    return 0;
}
