#pragma once
// A parameter saliency snapshot of a trained model, for the heatmap view when no run is live:
// |θ ⊙ ∂L/∂θ| of every parameter for one batch with the cross-entropy loss, downsampled per
// tensor exactly as the trainer's snapshots are.
#include "model/text_classifier.h"
#include "text/batching.h"
#include "train/telemetry.h"

namespace uegr {

// One forward/backward in eval mode (deterministic, no dropout) on the model's device. The
// gradients are computed with torch::autograd::grad, so the parameters' .grad stay untouched.
// No mask exists outside training: every kept fraction is 1. The snapshot's step is 0.
SaliencySnapshot parameterSaliencySnapshot(TextClassifierImpl& model, const Batch& batch, int maxCells = 64);

}  // namespace uegr
