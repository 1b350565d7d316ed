#pragma once
// Generalised Jensen-Shannon divergence across the K output distributions of the UEGR
// sub-models: L_JS = (1/K) Σ_k KL(P_k ‖ M), M = (1/K) Σ_k P_k, averaged over the batch.
#include <torch/torch.h>

#include <vector>

namespace uegr {

// `logits`: K tensors [B, C]. Computed in log space (log-softmax, log M by logsumexp) with the
// log-probabilities floored, so it stays finite for probabilities near 0; gradients flow
// through M and every P_k. K = 1 gives 0.
torch::Tensor jsDivergence(const std::vector<torch::Tensor>& logits);

// Symmetric KL between two sets of logits [B, C]: (KL(P‖Q) + KL(Q‖P)) / 2, batch mean (R-Drop).
torch::Tensor symmetricKl(const torch::Tensor& logitsP, const torch::Tensor& logitsQ);

}  // namespace uegr
