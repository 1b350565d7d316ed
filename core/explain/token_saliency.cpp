#include "explain/token_saliency.h"

#include <algorithm>

#include "model/eval_mode_guard.h"
#include "util/error.h"

namespace uegr {
namespace {

torch::Device deviceOf(TextClassifierImpl& model) {
    const std::vector<torch::Tensor> parameters = model.parameters();
    return parameters.empty() ? torch::Device(torch::kCPU) : parameters.front().device();
}

std::vector<double> toDoubles(const torch::Tensor& tensor) {
    const torch::Tensor values = tensor.detach().to(torch::kCPU, torch::kFloat64).contiguous();
    return std::vector<double>(values.data_ptr<double>(), values.data_ptr<double>() + values.numel());
}

// Gradient of the summed target logits with respect to `embeddings` [N, T, E]; only that
// gradient is computed, so nothing accumulates in the parameters' .grad.
torch::Tensor targetGradient(TextClassifierImpl& model, const torch::Tensor& embeddings,
                             const torch::Tensor& attentionMask, const std::vector<double>& rates,
                             int target) {
    const torch::Tensor input = embeddings.detach().requires_grad_(true);
    const torch::Tensor objective =
        model.forwardEmbedded(input, attentionMask, rates).select(1, target).sum();
    return torch::autograd::grad({objective}, {input})[0];
}

torch::Tensor integratedGradients(TextClassifierImpl& model, const torch::Tensor& embeddings,
                                  const torch::Tensor& attentionMask, const std::vector<double>& rates,
                                  int target, int steps, int stepsPerBatch) {
    torch::Tensor gradientSum = torch::zeros_like(embeddings[0]);
    const std::int64_t length = embeddings.size(1);
    for (int first = 0; first < steps; first += stepsPerBatch) {
        const int count = std::min(stepsPerBatch, steps - first);
        // Midpoints α_k = (k + ½) / N; with b = 0 the path point b + α(e − b) is α·e.
        const torch::Tensor alphas =
            ((torch::arange(first, first + count, torch::TensorOptions().dtype(torch::kFloat64)) + 0.5) /
             steps)
                .to(embeddings.options())
                .view({count, 1, 1});
        const torch::Tensor path = alphas * embeddings;
        gradientSum +=
            targetGradient(model, path, attentionMask.expand({count, length}), rates, target).sum(0);
    }
    return embeddings[0] * gradientSum / steps;
}

}  // namespace

TokenAttribution attributeTokens(TextClassifierImpl& model, const TextEncoder& encoder,
                                 const std::vector<std::int64_t>& ids,
                                 const TokenAttributionOptions& options) {
    if (ids.empty()) throw Error("token attribution needs at least one token");
    if (options.method == AttributionMethod::IntegratedGradients &&
        (options.steps < 1 || options.stepsPerBatch < 1))
        throw Error("integrated gradients need at least one step, got " + std::to_string(options.steps));
    const torch::Device device = deviceOf(model);
    EvalModeGuard evalMode(model);
    const std::vector<double> rates = model.defaultDropoutRates();  // no effect in eval mode
    const torch::Tensor inputIds =
        torch::tensor(ids, torch::TensorOptions().dtype(torch::kInt64)).unsqueeze(0).to(device);
    const torch::Tensor attentionMask = inputIds.ne(encoder.padId());

    torch::Tensor embeddings, logits, baselineLogits;
    {
        const torch::NoGradGuard noGrad;
        embeddings = model.embed(inputIds);
        logits = model.forwardEmbedded(embeddings, attentionMask, rates)[0];
        baselineLogits = model.forwardEmbedded(torch::zeros_like(embeddings), attentionMask, rates)[0];
    }
    TokenAttribution result;
    result.probabilities = toDoubles(torch::softmax(logits.to(torch::kFloat64), 0));
    result.predicted = static_cast<int>(logits.argmax().item<std::int64_t>());
    const auto classes = static_cast<int>(logits.size(0));
    result.target = options.target < 0 ? result.predicted : options.target;
    if (result.target >= classes)
        throw Error("target class " + std::to_string(result.target) + " out of range (" +
                    std::to_string(classes) + " classes)");
    result.targetLogit = logits[result.target].item<double>();
    result.baselineLogit = baselineLogits[result.target].item<double>();

    const torch::Tensor perDimension =
        options.method == AttributionMethod::GradientTimesInput
            ? embeddings[0] * targetGradient(model, embeddings, attentionMask, rates, result.target)[0]
            : integratedGradients(model, embeddings, attentionMask, rates, result.target, options.steps,
                                  options.stepsPerBatch);
    result.scores = toDoubles(perDimension.sum(-1) * attentionMask[0].to(perDimension.dtype()));
    result.tokens.reserve(ids.size());
    for (const std::int64_t id : ids) result.tokens.push_back(encoder.tokenOf(id));
    return result;
}

}  // namespace uegr
