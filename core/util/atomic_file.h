#pragma once
// Writes files so that a crash or a full disk never leaves a half-written file behind:
// the content goes to a temporary file in the same directory, is flushed to disk, and is
// renamed over the target in one step.
#include <functional>
#include <ostream>
#include <string>

namespace uegr {

void writeFileAtomically(const std::string& path, const std::string& content);

// For large or binary content: `write` fills the stream of the temporary file.
void writeFileAtomically(const std::string& path, const std::function<void(std::ostream&)>& write);

std::string readFile(const std::string& path);  // throws InputError(path, 0, ...) when unreadable

}  // namespace uegr
