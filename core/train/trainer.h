#pragma once
// Runs one training job end to end: data, vocabulary, model, the chosen method's step (UEGR or
// a baseline), evaluation, checkpoints, run directory. The UEGR step itself lives in
// train/uegr_step.cpp. No Qt: the CLI and the studio's worker thread both drive this class.
#include <memory>
#include <string>

#include "config/run_config.h"
#include "train/run_directory.h"
#include "train/telemetry.h"

namespace uegr {

class Trainer {
public:
    // Validates the config, loads the data, builds the model and takes the run folder (see
    // run_directory.h: locked for the trainer's lifetime; a configured folder that already holds
    // something is refused or, with kMoveAside, moved aside). Throws InputError/ConfigError.
    // With resumeDir set, continues that run from its last checkpoint (its config.json wins); a
    // run stopped before its first checkpoint restarts from step 0.
    explicit Trainer(const RunConfig& config, const std::string& resumeDir = {},
                     ExistingRunFolder existing = ExistingRunFolder::kRefuse);
    ~Trainer();
    Trainer(const Trainer&) = delete;
    Trainer& operator=(const Trainer&) = delete;

    // Trains until done or control.stopRequested; blocks the calling thread. Writes
    // config.json, metrics.jsonl, checkpoints/, model/ and summary.json under runDir().
    TrainingSummary run(TrainingObserver& observer, TrainingControl& control);

    const std::string& runDir() const;
    const std::string& movedAside() const;  // where kMoveAside put the folder's previous content
    const RunConfig& config() const;

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace uegr
