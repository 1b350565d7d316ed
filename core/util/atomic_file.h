#pragma once
// Writes files so that a crash or a full disk never leaves a half-written file behind:
// the content goes to a temporary file in the same directory (NAME.tmp-PID-RANDOM), is
// fsynced, renamed over the target in one step, and the directory is fsynced so the rename
// survives a power loss. A failed write (ENOSPC, EIO, ...) throws uegr::Error naming the target,
// removes the temporary file and leaves the previous file untouched.
#include <cstddef>
#include <functional>
#include <ostream>
#include <string>

namespace uegr {

void writeFileAtomically(const std::string& path, const std::string& content);

// For large or binary content: `write` fills the stream of the temporary file.
void writeFileAtomically(const std::string& path, const std::function<void(std::ostream&)>& write);

// Every temporary file or folder the project writes has this in its name, so the leftovers of
// a killed writer can be recognised and removed.
constexpr const char* kTemporaryMarker = ".tmp-";
bool isTemporaryName(const std::string& fileName);

// write(2) until all of `data` is written; returns 0, or the errno of the write that failed.
int writeFully(int fd, const char* data, std::size_t size);

// fsync of a directory, so that renames and new entries in it are on disk; throws uegr::Error.
void syncDirectory(const std::string& dir);

std::string readFile(const std::string& path);  // throws InputError(path, 0, ...) when unreadable

}  // namespace uegr
