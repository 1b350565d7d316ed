// `uegr train --config FILE [--out DIR [--overwrite]] [--resume RUN_DIR]`: trains one run and
// prints its summary as JSON on stdout; progress goes to stderr. Ctrl-C or SIGTERM writes a
// checkpoint and exits 130.
#include <nlohmann/json.hpp>

#include <unistd.h>

#include <array>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <memory>
#include <mutex>
#include <sstream>

#include "cli/commands.h"
#include "cli/config_warnings.h"
#include "cli/exit_codes.h"
#include "config/run_config.h"
#include "train/trainer.h"
#include "util/duration_text.h"

namespace uegr::cli {
namespace {

// The SIGINT/SIGTERM handler may only touch lock-free atomics; it reaches the running trainer here.
std::atomic<TrainingControl*> activeControl{nullptr};

extern "C" void requestStop(int) {
    if (TrainingControl* control = activeControl.load()) control->stopRequested = true;
}

// onRobustness arrives on the robustness monitor's thread: every callback holds mutex_ while it
// writes, so lines and the progress bar never interleave.
class ConsoleProgress : public TrainingObserver {
public:
    ConsoleProgress(bool terminal, int logEvery) : terminal_(terminal), logEvery_(std::max(logEvery, 1)) {}

    void onStep(const StepTelemetry& step) override {
        const std::lock_guard<std::mutex> lock(mutex_);
        const auto now = Clock::now();
        if (firstStep_ < 0) {
            firstStep_ = step.step - 1;
            start_ = now;
        }
        const double elapsed = std::chrono::duration<double>(now - start_).count();
        const double rate = elapsed > 0 ? static_cast<double>(step.step - firstStep_) / elapsed : 0.0;
        const double eta = rate > 0 ? static_cast<double>(step.totalSteps - step.step) / rate : 0.0;
        char line[256];
        std::snprintf(line, sizeof line, "step %lld/%lld  epoch %d  %.2f steps/s  ETA %s  loss %.4f",
                      static_cast<long long>(step.step), static_cast<long long>(step.totalSteps), step.epoch,
                      rate, formatDuration(eta).c_str(), step.loss);
        if (terminal_) {
            // At most ten redraws a second; the last step is always drawn.
            if (now - lastDraw_ < std::chrono::milliseconds(100) && step.step != step.totalSteps) return;
            lastDraw_ = now;
            std::cerr << "\r" << line << "\033[K" << std::flush;
            barShown_ = true;
        } else if (step.step % logEvery_ == 0 || step.step == step.totalSteps) {
            std::cerr << line << "  lr " << step.lr << "  grad_norm " << step.gradNorm << "\n";
        }
    }

    void onEval(const EvalTelemetry& eval) override {
        const std::lock_guard<std::mutex> lock(mutex_);
        char line[256];
        std::snprintf(
            line, sizeof line, "eval step %lld (epoch %d): accuracy %.4f  macro_f1 %.4f  mcc %.4f  loss %.4f",
            static_cast<long long>(eval.step), eval.epoch, eval.accuracy, eval.macroF1, eval.mcc, eval.loss);
        printLine(line);
    }

    void onRobustness(const RobustnessTelemetry& robustness) override {
        const std::lock_guard<std::mutex> lock(mutex_);
        char line[256];
        std::snprintf(
            line, sizeof line,
            "robustness step %lld (epoch %d, %s, %lld examples): clean accuracy %.4f  accuracy under "
            "attack %.4f  success rate %.4f  (%.1f s)",
            static_cast<long long>(robustness.step), robustness.epoch, robustness.attack.c_str(),
            static_cast<long long>(robustness.examples), robustness.cleanAccuracy,
            robustness.accuracyUnderAttack, robustness.attackSuccessRate, robustness.seconds);
        printLine(line);
    }

    void onMessage(const std::string& message) override {
        const std::lock_guard<std::mutex> lock(mutex_);
        printLine(message);
    }

    void finish() {
        const std::lock_guard<std::mutex> lock(mutex_);
        if (barShown_) std::cerr << "\n";
        barShown_ = false;
    }

private:
    using Clock = std::chrono::steady_clock;

    void printLine(const std::string& text) {
        if (barShown_) std::cerr << "\r\033[K";
        std::cerr << text << "\n";
        barShown_ = false;
    }

    std::mutex mutex_;
    bool terminal_;
    int logEvery_;
    std::int64_t firstStep_ = -1;
    Clock::time_point start_, lastDraw_;
    bool barShown_ = false;
};

struct TrainOptions {
    std::string config, out, resume;
    bool overwrite = false;
    bool allowMissingWeights = false;
};

// Ctrl-C and SIGTERM (kill, systemd, a batch scheduler) both stop after the current step with a
// checkpoint; the previous handlers come back when training ends.
class StopOnSignals {
public:
    explicit StopOnSignals(TrainingControl& control) {
        activeControl = &control;
        struct sigaction action {};
        action.sa_handler = requestStop;
        sigemptyset(&action.sa_mask);
        for (std::size_t i = 0; i < kSignals.size(); ++i) sigaction(kSignals[i], &action, &previous_[i]);
    }
    ~StopOnSignals() {
        for (std::size_t i = 0; i < kSignals.size(); ++i) sigaction(kSignals[i], &previous_[i], nullptr);
        activeControl = nullptr;
    }
    StopOnSignals(const StopOnSignals&) = delete;
    StopOnSignals& operator=(const StopOnSignals&) = delete;

private:
    static constexpr std::array<int, 2> kSignals{SIGINT, SIGTERM};
    std::array<struct sigaction, 2> previous_{};
};

int runTraining(const TrainOptions& options) {
    RunConfig config;
    if (options.resume.empty()) {
        config = loadRunConfig(options.config);
        if (!options.out.empty()) config.output.dir = options.out;
        if (options.allowMissingWeights) config.model.allowMissingWeights = true;
    }
    Trainer trainer(config, options.resume,
                    options.overwrite ? ExistingRunFolder::kMoveAside : ExistingRunFolder::kRefuse);
    if (!trainer.movedAside().empty())
        std::cerr << "previous content moved to " << trainer.movedAside() << "\n";
    std::cerr << "run directory: " << trainer.runDir() << "\n";
    printConfigWarnings(trainer.config(), "");

    TrainingControl control;
    ConsoleProgress progress(isatty(STDERR_FILENO) != 0, trainer.config().output.logEverySteps);
    TrainingSummary summary;
    try {
        const StopOnSignals stopOnSignals(control);
        summary = trainer.run(progress, control);
    } catch (...) {
        progress.finish();
        throw;
    }
    progress.finish();

    std::cout << toJson(summary).dump(2) << "\n";
    if (summary.stoppedEarly) {
        std::cerr << "interrupted; a checkpoint was written. Resume with:\n  uegr train --resume "
                  << trainer.runDir() << "\n";
        return kExitInterrupted;
    }
    return kExitOk;
}

}  // namespace

void registerTrainCommand(CLI::App& app, Action& action) {
    auto options = std::make_shared<TrainOptions>();
    CLI::App* train = app.add_subcommand("train", "Train a classifier as a run config describes");
    CLI::Option* config =
        train->add_option("--config", options->config, "Run config JSON")->check(CLI::ExistingFile);
    train->add_option("--out", options->out, "Run directory (overrides output.dir)");
    CLI::Option* overwrite = train->add_flag(
        "--overwrite", options->overwrite,
        "Move a run folder that already holds something aside to FOLDER.old-<time> (never deleted)");
    CLI::Option* resume =
        train
            ->add_option("--resume", options->resume,
                         "Continue the run in RUN_DIR from its latest checkpoint (uses its config.json; a run "
                         "stopped before its first checkpoint restarts from step 0)")
            ->check(CLI::ExistingDirectory);
    config->excludes(resume);
    overwrite->excludes(resume);
    train
        ->add_flag("--allow-missing-weights", options->allowMissingWeights,
                   "Sets model.allow_missing_weights: initialise weights the pretrained folder lacks")
        ->excludes(resume);
    train->callback([&action, options] {
        if (options->config.empty() && options->resume.empty())
            throw CLI::RequiredError("--config or --resume");
        action = [options] { return runTraining(*options); };
    });
}

}  // namespace uegr::cli
