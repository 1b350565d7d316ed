#pragma once
// "a, b, c": lists of names in error messages and notes.
#include <string>
#include <vector>

namespace uegr {

inline std::string joinWithCommas(const std::vector<std::string>& items) {
    std::string text;
    for (const std::string& item : items) text += (text.empty() ? "" : ", ") + item;
    return text;
}

}  // namespace uegr
