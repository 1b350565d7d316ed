#include "util/json_text.h"

#include <algorithm>

#include "util/error.h"
#include "util/message_text.h"

namespace uegr {
namespace {

constexpr int kNumberOverflow = 406;  // nlohmann's out_of_range id for 1e400 and the like

std::size_t lineAt(std::string_view text, std::size_t offset, std::size_t firstLine) {
    offset = std::min(offset, text.size());
    return firstLine + static_cast<std::size_t>(std::count(text.begin(), text.begin() + offset, '\n'));
}

// nlohmann quotes the offending token between the first and the last single quote.
std::string quotedToken(const std::string& what) {
    const std::size_t open = what.find('\'');
    const std::size_t close = what.rfind('\'');
    if (open == std::string::npos || close <= open) return {};
    return what.substr(open + 1, close - open - 1);
}

template <typename Json>
Json parseWith(std::string_view text, const std::string& source, std::size_t firstLine) {
    try {
        return Json::parse(text);
    } catch (const nlohmann::json::exception& error) {
        throw InputError(source, jsonErrorLine(error, text, firstLine),
                         "invalid JSON: " + jsonErrorDescription(error));
    }
}

}  // namespace

std::string jsonErrorDescription(const nlohmann::json::exception& error) {
    const std::string what = error.what();
    if (error.id == kNumberOverflow)
        return "number overflow: " + excerpt(quotedToken(what)) + " does not fit a double";
    // "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error ..."
    std::size_t start = what.find("] ");
    start = start == std::string::npos ? 0 : start + 2;
    const std::size_t column = what.find("column ", start);
    const std::size_t colon = column == std::string::npos ? std::string::npos : what.find(": ", column);
    if (colon != std::string::npos) start = colon + 2;
    return excerpt(std::string_view(what).substr(start), 160);
}

std::size_t jsonErrorLine(const nlohmann::json::exception& error, std::string_view text,
                          std::size_t firstLine) {
    if (const auto* parseError = dynamic_cast<const nlohmann::json::parse_error*>(&error))
        return lineAt(text, parseError->byte, firstLine);
    if (error.id == kNumberOverflow) {
        const std::string token = quotedToken(error.what());
        const std::size_t found = token.empty() ? std::string_view::npos : text.find(token);
        if (found != std::string_view::npos) return lineAt(text, found, firstLine);
    }
    return firstLine;
}

nlohmann::json parseJsonText(std::string_view text, const std::string& source, std::size_t firstLine) {
    return parseWith<nlohmann::json>(text, source, firstLine);
}

nlohmann::ordered_json parseOrderedJsonText(std::string_view text, const std::string& source,
                                            std::size_t firstLine) {
    return parseWith<nlohmann::ordered_json>(text, source, firstLine);
}

}  // namespace uegr
