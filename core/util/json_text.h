#pragma once
// Parsing JSON text from a file: every nlohmann exception (syntax errors, but also a number
// that overflows a double, such as 1e400, which nlohmann reports as out_of_range) becomes an
// InputError naming the file and the line, with nlohmann's message rephrased without its
// "[json.exception...]" prefix and with the offending text quoted safely.
#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace uegr {

// `firstLine` is the line number of text[0] in `source` (a JSONL row is one line of a file).
nlohmann::json parseJsonText(std::string_view text, const std::string& source, std::size_t firstLine = 1);
nlohmann::ordered_json parseOrderedJsonText(std::string_view text, const std::string& source,
                                            std::size_t firstLine = 1);

// What went wrong, for a message of our own: "syntax error while parsing value - invalid
// literal; last read: 'tru'" or "number overflow: 1e400 does not fit a double".
std::string jsonErrorDescription(const nlohmann::json::exception& error);

// The line of the JSON error in `text`, 1-based, counted from firstLine.
std::size_t jsonErrorLine(const nlohmann::json::exception& error, std::string_view text,
                          std::size_t firstLine);

}  // namespace uegr
