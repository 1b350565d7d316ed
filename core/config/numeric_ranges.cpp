#include "config/numeric_ranges.h"

#include <limits>
#include <stdexcept>

namespace uegr {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

NumericRange closed(const char* key, double low, double high) {
    return {key, low, true, high, true};
}
NumericRange halfOpen(const char* key, double low, double high) {  // [low, high)
    return {key, low, true, high, false};
}
NumericRange leftOpen(const char* key, double low, double high) {  // (low, high]
    return {key, low, false, high, true};
}

}  // namespace

const std::vector<NumericRange>& numericRanges() {
    static const std::vector<NumericRange> ranges{
        closed("data.max_length", 1, 100000),
        halfOpen("data.dev_ratio", 0, 1),
        halfOpen("data.test_ratio", 0, 1),
        closed("data.min_count", 1, 1e9),
        closed("data.max_vocab", 4, 1e8),
        closed("model.embedding_dim", 1, 65536),
        closed("model.hidden_dim", 1, 65536),
        closed("model.num_layers", 1, 64),
        closed("model.num_heads", 1, 256),
        closed("model.ff_dim", 1, 1 << 20),
        closed("model.kernel_sizes", 1, 64),
        closed("model.num_filters", 1, 100000),
        halfOpen("model.dropout", 0, 1),
        closed("training.epochs", 1, 1e6),
        closed("training.batch_size", 1, 65536),
        leftOpen("training.lr", 0, 10),
        closed("training.weight_decay", 0, 10),
        closed("training.warmup_ratio", 0, 1),
        closed("training.threads", 0, 1024),
        halfOpen("training.rdrop_alpha", 0, kInf),
        closed("training.childtuning_batches", 0, 1e9),
        closed("uegr.adv_steps", 0, 100),
        halfOpen("uegr.adv_step_size", 0, kInf),
        halfOpen("uegr.adv_max_norm", 0, kInf),
        halfOpen("uegr.adv_init_mag", 0, kInf),
        closed("uegr.passes", 1, 16),
        halfOpen("uegr.dropout_min", 0, 1),
        halfOpen("uegr.dropout_max", 0, 1),
        closed("uegr.dropout_jitter", 0, 1),
        halfOpen("uegr.importance_ema", 0, 1),
        halfOpen("uegr.lambda_adv", 0, kInf),
        halfOpen("uegr.lambda_js", 0, kInf),
        halfOpen("uegr.max_grad_norm", 0, kInf),
        halfOpen("uegr.saliency_ema", 0, 1),
        leftOpen("uegr.keep_ratio", 0, 1),
        closed("uegr.mask_every", 1, 1e9),
        closed("uegr.mask_warmup_ratio", 0, 1),
        closed("eval.every_steps", 0, 1e9),
        closed("eval.batch_size", 1, 65536),
        closed("output.checkpoint_every_steps", 0, 1e9),
        closed("output.keep_checkpoints", 1, 1000),
        closed("output.log_every_steps", 1, 1e9),
        closed("output.saliency_every_steps", 0, 1e9),
        closed("robustness.every_epochs", 0, 1e6),
        closed("robustness.examples", 1, 1e7),
        closed("robustness.budget", 1, 1e9),
        {"robustness.pgd_epsilon", 0, false, kInf, false},
    };
    return ranges;
}

const NumericRange& numericRange(const std::string& key) {
    for (const NumericRange& range : numericRanges())
        if (range.key == key) return range;
    throw std::out_of_range("no numeric range for config key " + key);
}

}  // namespace uegr
