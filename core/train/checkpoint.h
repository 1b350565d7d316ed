#pragma once
// Training checkpoints under RUN_DIR/checkpoints/step-N/:
//   model.pt       parameters and buffers (torch::save archive)
//   engine.pt      optimizer moments and step counts, saliency, mask, dropout-controller state
//   rng.pt         LibTorch's CPU generator state
//   progress.json  step, epoch, batch position, best dev result so far, elapsed time, and the
//                  size and CRC-32 of each file above (train/checkpoint_manifest.h)
// A checkpoint is written into a temporary folder (.tmp-step-N, every file fsynced) and renamed
// into place; the file checkpoints/latest names the newest one and is replaced atomically. A
// failed write (full disk) throws uegr::Error and leaves the previous checkpoint and "latest" as
// they were.
#include <cstdint>
#include <optional>
#include <string>

#include "train/checkpoint_manifest.h"
#include "train/training_engine.h"

namespace uegr {

// Writes step-<progress.step>, updates "latest", keeps the `keep` newest (keep <= 0 keeps all)
// and removes those after progress.step (left by a timeline the run abandoned on resume).
// Returns the checkpoint's folder.
std::string writeCheckpoint(const std::string& runDir, TrainingEngine& engine, const TrainingProgress& progress,
                            int keep);

// Folder of the newest complete checkpoint of a run: the one "latest" names, or the newest
// complete step-N folder when that one is missing; nullopt when the run has none.
std::optional<std::string> findLatestCheckpoint(const std::string& runDir);

// The same; throws uegr::Error when there is none.
std::string latestCheckpoint(const std::string& runDir);

// Restores model, engine and RNG state; throws uegr::Error naming the file that is missing,
// damaged (size or checksum) or does not match the model.
TrainingProgress readCheckpoint(const std::string& checkpointDir, TrainingEngine& engine);

}  // namespace uegr
