#include "cli/sweep_runner.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <thread>

#include "config/run_config.h"
#include "util/error.h"

extern char** environ;

namespace uegr::cli {
namespace fs = std::filesystem;

std::string trialRunDir(const std::string& sweepDir, const SweepTrial& trial) {
    return (fs::path(sweepDir) / "trials" / trial.id).string();
}

namespace {

volatile std::sig_atomic_t stopRequested = 0;
extern "C" void requestSweepStop(int) {
    stopRequested = 1;
}

// SIGINT and SIGTERM set the flag; the previous handlers come back when the sweep ends.
class SweepSignals {
public:
    SweepSignals() {
        stopRequested = 0;
        struct sigaction action {};
        action.sa_handler = requestSweepStop;
        sigemptyset(&action.sa_mask);
        sigaction(SIGINT, &action, &previousInt_);
        sigaction(SIGTERM, &action, &previousTerm_);
    }
    ~SweepSignals() {
        sigaction(SIGINT, &previousInt_, nullptr);
        sigaction(SIGTERM, &previousTerm_, nullptr);
    }
    SweepSignals(const SweepSignals&) = delete;
    SweepSignals& operator=(const SweepSignals&) = delete;

private:
    struct sigaction previousInt_ {
    }, previousTerm_{};
};

std::string lastLine(const std::string& path) {
    std::ifstream in(path);
    std::string line, last;
    while (std::getline(in, line))
        if (!line.empty() && line.find('\r') == std::string::npos) last = line;
    return last;
}

// The `uegr train` arguments that start or continue the trial.
std::vector<std::string> trainArguments(const SweepPlan& plan, const SweepTrial& trial,
                                        const std::string& sweepDir, int workers) {
    const std::string runDir = trialRunDir(sweepDir, trial);
    if (fs::exists(fs::path(runDir) / "config.json")) return {"train", "--resume", runDir};
    RunConfig config = plan.trialConfig(trial, runDir);
    // Parallel trials share the cores; each takes its part unless the config names a count.
    if (workers > 1 && config.training.threads == 0)
        config.training.threads =
            std::max(1, static_cast<int>(std::thread::hardware_concurrency()) / workers);
    const std::string configPath = (fs::path(sweepDir) / "trials" / (trial.id + ".json")).string();
    saveRunConfig(config, configPath);
    std::vector<std::string> arguments{"train", "--config", configPath, "--out", runDir};
    if (fs::exists(runDir)) arguments.push_back("--overwrite");  // killed before its config: moved aside
    return arguments;
}

pid_t spawnTrial(const std::vector<std::string>& arguments, const std::string& logPath) {
    posix_spawn_file_actions_t files;
    posix_spawn_file_actions_init(&files);
    posix_spawn_file_actions_addopen(&files, STDOUT_FILENO, logPath.c_str(), O_WRONLY | O_CREAT | O_APPEND,
                                     0644);
    posix_spawn_file_actions_adddup2(&files, STDOUT_FILENO, STDERR_FILENO);
    posix_spawn_file_actions_addclose(&files, STDIN_FILENO);
    std::vector<std::string> all{"uegr"};
    all.insert(all.end(), arguments.begin(), arguments.end());
    std::vector<char*> argv;
    for (std::string& argument : all) argv.push_back(argument.data());
    argv.push_back(nullptr);
    pid_t pid = 0;
    const int error = posix_spawn(&pid, "/proc/self/exe", &files, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&files);
    if (error != 0) throw Error("cannot start a trial: " + std::string(std::strerror(error)));
    return pid;
}

// The trials still to train, the child processes training them, and what came of each.
class TrialQueue {
public:
    TrialQueue(const SweepPlan& plan, const std::string& sweepDir, int workers)
        : plan_(plan), trials_(plan.trials()), sweepDir_(sweepDir), workers_(workers) {
        for (std::size_t i = 0; i < trials_.size(); ++i) {
            outcome_.results.push_back(readTrialResult(trials_[i], trialRunDir(sweepDir, trials_[i])));
            if (outcome_.results.back().status != "finished") waiting_.push_back(i);
        }
        done_ = trials_.size() - waiting_.size();
    }

    std::size_t finishedBefore() const { return done_; }
    bool idle() const { return next_ == waiting_.size() && running_.empty(); }

    void startWhileRoom() {
        while (!stopRequested && next_ < waiting_.size() && static_cast<int>(running_.size()) < workers_) {
            const std::size_t index = waiting_[next_++];
            const pid_t pid =
                spawnTrial(trainArguments(plan_, trials_[index], sweepDir_, workers_), logPath(index));
            running_[pid] = {index, std::chrono::steady_clock::now()};
        }
    }

    // Each running trial writes a checkpoint and exits.
    void stopRunning() {
        for (const auto& child : running_) kill(child.first, SIGTERM);
    }
    bool anyRunning() const { return !running_.empty(); }

    // Polled, so that a stop request is never missed while waiting.
    void waitForOne() {
        int status = 0;
        const pid_t pid = waitpid(-1, &status, WNOHANG);
        if (pid == 0 || (pid < 0 && errno == EINTR)) {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            return;
        }
        if (pid < 0) throw Error("waiting for a trial failed: " + std::string(std::strerror(errno)));
        const auto child = running_.find(pid);
        if (child == running_.end()) return;
        const auto [index, started] = child->second;
        running_.erase(child);
        report(index, status,
               std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
    }

    SweepRunOutcome outcome() {
        outcome_.interrupted = stopRequested != 0;
        return outcome_;
    }

private:
    std::string logPath(std::size_t index) const {
        return (fs::path(sweepDir_) / "trials" / (trials_[index].id + ".log")).string();
    }

    void report(std::size_t index, int status, double seconds) {
        const SweepTrial& trial = trials_[index];
        TrialResult& result = outcome_.results[index];
        result = readTrialResult(trial, trialRunDir(sweepDir_, trial));
        const bool exitedOk = WIFEXITED(status) && WEXITSTATUS(status) == 0;
        if (exitedOk && result.status == "finished") {
            std::cerr << "[" << ++done_ << "/" << trials_.size() << "] " << trial.id << " finished in "
                      << static_cast<long>(seconds) << " s\n";
        } else if (stopRequested || (WIFEXITED(status) && WEXITSTATUS(status) == 130)) {
            result.status = "stopped";
            std::cerr << trial.id << " stopped with a checkpoint\n";
        } else {
            result.status = "failed";
            ++outcome_.failed;
            std::cerr << trial.id << " failed (see " << logPath(index) << "): " << lastLine(logPath(index))
                      << "\n";
        }
    }

    const SweepPlan& plan_;
    const std::vector<SweepTrial> trials_;
    const std::string sweepDir_;
    const int workers_;
    SweepRunOutcome outcome_;
    std::vector<std::size_t> waiting_;
    std::size_t next_ = 0, done_ = 0;
    std::map<pid_t, std::pair<std::size_t, std::chrono::steady_clock::time_point>> running_;
};

}  // namespace

SweepRunOutcome runSweep(const SweepPlan& plan, const std::string& sweepDir, int workers) {
    fs::create_directories(fs::path(sweepDir) / "trials");
    TrialQueue queue(plan, sweepDir, workers);
    std::cerr << "sweep: " << plan.points.size() * plan.seeds.size() << " trials (" << plan.points.size()
              << " points x " << plan.seeds.size() << " seeds), " << queue.finishedBefore()
              << " already finished, " << workers << " at a time\n";
    // Parallel trials must not spin on each other's cores (core/util/openmp_wait_policy.h).
    if (workers > 1) setenv("OMP_WAIT_POLICY", "PASSIVE", 0);
    const SweepSignals signals;
    bool stopping = false;
    while (!queue.idle()) {
        queue.startWhileRoom();
        if (!queue.anyRunning()) break;  // stopped before starting the rest
        if (stopRequested && !stopping) {
            queue.stopRunning();
            stopping = true;
        }
        queue.waitForOne();
    }
    return queue.outcome();
}

}  // namespace uegr::cli
