#pragma once
// progress.json, the last file written into a checkpoint folder (train/checkpoint.h): where
// training stands, and the size and CRC-32 of every other file of the checkpoint. A resume checks
// each file against it before LibTorch parses the bytes: LibTorch's archive reader is not
// hardened against damaged input (a flipped byte can crash the process), so damage is caught
// here, with a message that names the file. Kept free of LibTorch so that it can be fuzzed
// (tests/fuzz/fuzz_checkpoint.cpp).
#include <cstdint>
#include <map>
#include <string>

#include "train/telemetry.h"

namespace uegr {

struct TrainingProgress {
    std::int64_t step = 0;       // optimizer steps done
    int epoch = 1;               // 1-based epoch of the next step
    std::int64_t nextBatch = 0;  // position of the next batch within that epoch
    bool hasBest = false;
    EvalTelemetry best;         // best dev result so far
    double elapsedSeconds = 0;  // training wall time before this checkpoint
};

struct CheckpointFile {
    std::uint64_t bytes = 0;
    std::string crc32;  // 8 lowercase hex digits (util/crc32.h)
};

struct CheckpointManifest {
    TrainingProgress progress;
    std::map<std::string, CheckpointFile> files;  // by file name within the checkpoint folder
};

CheckpointFile describeCheckpointFile(const std::string& content);

// The text of progress.json.
std::string manifestJson(const CheckpointManifest& manifest);

// Throws InputError naming the file and the key that is missing or wrong.
CheckpointManifest readCheckpointManifest(const std::string& progressFile);

// The content of folder/name, once its size and checksum match the manifest; throws InputError
// naming the file when it is missing, unlisted or damaged.
std::string readVerifiedCheckpointFile(const std::string& folder, const std::string& name,
                                       const CheckpointManifest& manifest);

}  // namespace uegr
