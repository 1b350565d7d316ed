#include "train/run_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "util/atomic_file.h"
#include "util/error.h"

namespace uegr {
namespace {

std::string hostName() {
    char name[256] = {};
    return ::gethostname(name, sizeof name - 1) == 0 ? name : "unknown host";
}

// "PID 1234 on host", from the lock file; what the holder wrote may be empty for an instant.
std::string describeOwner(const std::string& lockPath) {
    std::string owner;
    try {
        owner = readFile(lockPath);
    } catch (const Error&) {
    }
    while (!owner.empty() && (owner.back() == '\n' || owner.back() == ' ')) owner.pop_back();
    return owner.empty() ? "another process" : owner;
}

// Best effort: the lock is held either way; only the message a second writer gets is poorer
// without it.
bool recordOwner(int fd) {
    const std::string owner = "PID " + std::to_string(::getpid()) + " on " + hostName() + "\n";
    return ::ftruncate(fd, 0) == 0 &&
           ::pwrite(fd, owner.data(), owner.size(), 0) == static_cast<ssize_t>(owner.size());
}

bool clearOwner(int fd) {
    return ::ftruncate(fd, 0) == 0;
}

}  // namespace

RunLock::RunLock(const std::string& runDir) {
    const std::string path = (std::filesystem::path(runDir) / kRunLockFile).string();
    fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) throw Error("cannot create " + path + ": " + std::strerror(errno));
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        const int error = errno;
        ::close(fd_);
        fd_ = -1;
        if (error != EWOULDBLOCK) throw Error("cannot lock " + path + ": " + std::strerror(error));
        throw InputError(runDir, 0,
                         "run folder is in use by " + describeOwner(path) +
                             "; wait for that training to end or choose another folder");
    }
    recordOwner(fd_);
}

RunLock::~RunLock() {
    if (fd_ < 0) return;
    // Emptied, not removed: unlinking a lock file races with a process that has just opened it.
    clearOwner(fd_);
    ::close(fd_);
}

}  // namespace uegr
