#pragma once
// Error messages are one line a terminal shows whole: valid UTF-8, no control characters, and
// short, whatever the input they quote (a 50 KB field, a cut-off multi-byte character).
#include <cstddef>
#include <string>
#include <string_view>

namespace uegr {

inline constexpr std::size_t kMaxMessageBytes = 300;

// `text` as one line of valid UTF-8: invalid bytes become U+FFFD, control characters (newlines
// included) a space; cut on a character boundary to at most maxBytes, ending in "…" when cut.
std::string oneLine(std::string_view text, std::size_t maxBytes = kMaxMessageBytes);

// Offending input to quote inside a message: oneLine with a short limit.
inline std::string excerpt(std::string_view text, std::size_t maxBytes = 60) {
    return oneLine(text, maxBytes);
}

}  // namespace uegr
