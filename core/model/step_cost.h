#pragma once
// A rough training-step time for a pretrained encoder, so the studio can warn before a user
// starts a run that would take hours on a CPU. Counts the matrix-multiply FLOPs of a
// transformer encoder (the dominant cost) and divides by the throughput this machine measured.
#include <cstdint>
#include <optional>
#include <string>

#include "config/run_config.h"
#include "model/hf_classifier.h"

namespace uegr {

// Forward FLOPs (2 per multiply-add) of `batch` sequences of `length` tokens through the
// encoder layers: Q, K, V, output (4 H^2), feed-forward (2 H I) and attention scores and
// mixing (2 T H) per token and layer. Embedding lookups, norms and the head are negligible.
double encoderForwardFlops(const HfModelInfo& info, std::int64_t batch, std::int64_t length);

// Forward + backward passes one optimizer step of config's method makes (a backward pass
// costs about two forwards): vanilla 1, rdrop 2, freelb 1 + adv_steps, childtuning_d 1,
// UEGR variants: clean loss + adv_steps (none without the adversary) + K passes.
int passesPerStep(const RunConfig& config);

// Seconds per step at data.max_length tokens per example (an upper bound: real batches are
// padded only to their longest example).
double estimateStepSeconds(const HfModelInfo& info, const RunConfig& config, double flopsPerSecond);

// Times a few float32 matrix products on the CPU with the current intra-op threads (~0.1 s).
double measureCpuFlopsPerSecond();

// A step estimated slower than this on the CPU gets a warning before training.
inline constexpr double kSlowCpuStepSeconds = 2.0;

// For a pretrained model (model.type "hf") that will train on the CPU (training.device "cpu",
// or "auto" without CUDA) and whose step is estimated above kSlowCpuStepSeconds: the warning
// `uegr train` and `uegr config check` print. Nothing otherwise, or when the folder cannot be
// read (loading reports that).
std::optional<std::string> slowCpuStepWarning(const RunConfig& config, double cpuFlopsPerSecond);

}  // namespace uegr
