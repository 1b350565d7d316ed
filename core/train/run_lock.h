#pragma once
// A run folder is written by one process at a time. RunLock holds an flock(2) on RUN_DIR/run.lock
// for its lifetime; the kernel releases it when the process ends, even on a crash or kill -9,
// so a stale lock file never blocks a later run. The file holds the owner's PID and host name,
// for the message a second writer gets.
#include <string>

namespace uegr {

class RunLock {
public:
    // Throws InputError naming the folder and the PID/host holding it when another process
    // has it (the CLI's exit code 2), Error when the lock file cannot be created.
    explicit RunLock(const std::string& runDir);
    ~RunLock();
    RunLock(const RunLock&) = delete;
    RunLock& operator=(const RunLock&) = delete;

private:
    int fd_ = -1;
};

constexpr const char* kRunLockFile = "run.lock";

}  // namespace uegr
