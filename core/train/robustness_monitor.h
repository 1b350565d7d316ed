#pragma once
// Robustness checks during training (the run config's "robustness" section). At the end of every
// N-th epoch the trainer hands over its model; the monitor copies the weights into a CPU model of
// the same architecture and attacks the first `examples` dev examples with it on a thread of its
// own, with one LibTorch intra-op thread so that training keeps the cores (with LibTorch's OpenMP
// backend the thread count is per thread). The CPU model comes from a model bundle written and
// read back once, at construction, so a check attacks exactly what `uegr attack --model` attacks
// for the same weights, with `uegr attack`'s defaults (seed: training.seed). One check at a time:
// a check that falls due while the previous one still runs is skipped with a note.
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "config/run_config.h"
#include "data/dataset.h"
#include "train/telemetry.h"

namespace uegr {

class TextClassifierImpl;

class RobustnessMonitor {
public:
    using BundleWriter = std::function<void(const std::string& dir)>;    // saves the training model's bundle
    using ResultSink = std::function<void(const RobustnessTelemetry&)>;  // called on the monitor's thread
    using NoteSink = std::function<void(const std::string&)>;            // called on the caller's thread

    // Inert when config.everyEpochs is 0 or `dev` is empty (then with a note). Otherwise writes and
    // reads back one model bundle through a temporary folder, leaving the global random generator as
    // it was, and for wordnet opens the WordNet database; throws uegr::Error when either fails.
    RobustnessMonitor(const RobustnessConfig& config, std::uint64_t seed, const Dataset& dev,
                      const BundleWriter& writeBundle, ResultSink onResult, NoteSink onNote);
    ~RobustnessMonitor();  // cancels a running check and waits for it
    RobustnessMonitor(const RobustnessMonitor&) = delete;
    RobustnessMonitor& operator=(const RobustnessMonitor&) = delete;

    bool enabled() const;

    // Call at the end of every epoch, from the training thread. When a check is due, copies the
    // weights of `model` (on any device) and starts the check; returns whether one started.
    bool epochEnded(TextClassifierImpl& model, std::int64_t step, int epoch);

    // Waits for the running check, or cancels it as soon as `stop` turns true.
    void finish(const std::atomic<bool>& stop);

    // Stops the running check after the example (PGD: the batch) it is attacking, and waits.
    void cancel();

    std::optional<RobustnessTelemetry> lastResult() const;  // the newest finished check

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace uegr
