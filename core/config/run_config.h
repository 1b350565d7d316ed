#pragma once
// The run configuration: one JSON document, shared by the CLI and the studio, documented key
// by key in docs/CONFIG.md. The `uegr` section follows docs/METHOD.md exactly.
#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "attack/query_budget.h"

namespace uegr {

// A column is chosen by header name or by zero-based index.
struct ColumnRef {
    std::string name;  // used when index < 0
    int index = -1;
    bool empty() const { return name.empty() && index < 0; }
    std::string describe() const { return index >= 0 ? "#" + std::to_string(index) : name; }
};

struct DataConfig {
    std::string train;          // empty: the bundled demo dataset
    std::string dev;            // empty: split off train (dev_ratio)
    std::string test;           // empty: split off train (test_ratio)
    std::string format = "auto";  // auto | csv | tsv | jsonl
    ColumnRef textColumn{"text", -1};
    ColumnRef pairColumn;       // optional second text
    ColumnRef labelColumn{"label", -1};
    int maxLength = 128;
    double devRatio = 0.1;
    double testRatio = 0.1;
    std::uint64_t splitSeed = 13;
    bool skipBadRows = false;
    bool lowercase = true;
    int minCount = 1;
    int maxVocab = 30000;
};

struct ModelConfig {
    std::string type = "textcnn";  // textcnn | bilstm | transformer | hf
    std::string path;              // hf: local Hugging Face model folder
    int embeddingDim = 128;
    int hiddenDim = 128;           // bilstm: per direction; transformer: model width
    int numLayers = 2;             // bilstm / transformer depth
    int numHeads = 4;              // transformer
    int ffDim = 256;               // transformer feed-forward width
    std::vector<int> kernelSizes{3, 4, 5};  // textcnn
    int numFilters = 100;          // textcnn, per kernel size
    double dropout = 0.1;          // the model's ordinary dropout (clean pass, vanilla)
    bool allowMissingWeights = false;  // hf: initialise weights model.path lacks instead of refusing
};

// The default peak learning rate depends on the model: from-scratch models (textcnn, bilstm,
// transformer) train at 1e-3, pretrained encoders (model.type "hf") are fine-tuned at 2e-5.
inline constexpr double kFromScratchLearningRate = 1e-3;
inline constexpr double kPretrainedLearningRate = 2e-5;
double defaultLearningRate(const std::string& modelType);

struct TrainingConfig {
    std::string method = "uegr";  // uegr | vanilla | rdrop | freelb | childtuning_d | uegr_no_mask | uegr_no_js | uegr_no_adv | uegr_uniform_dropout
    int epochs = 5;
    int batchSize = 32;
    double lr = kFromScratchLearningRate;  // see defaultLearningRate
    double weightDecay = 0.01;
    double warmupRatio = 0.1;
    std::uint64_t seed = 42;
    std::string device = "auto";  // auto | cpu | cuda
    int threads = 0;              // intra-op threads; 0 = all cores
    double rdropAlpha = 1.0;      // rdrop: weight of the symmetric KL term
    int childtuningBatches = 0;   // childtuning_d: batches for the Fisher estimate; 0 = one epoch
    bool deterministic = false;   // deterministic kernels (CUDA), for bit-reproducible resumes
    std::string precision = "fp32";  // fp32 | bf16 (autocast; weights, optimizer and saliency stay fp32)
};

// Keys and defaults exactly as docs/METHOD.md ("Options and defaults") names them.
struct UegrConfig {
    bool useCleanLoss = true;
    int advSteps = 1;
    double advStepSize = 0.05;
    double advMaxNorm = 0.0;
    std::string advScale = "relative";  // relative | absolute
    std::string advInit = "zero";       // zero | uniform
    double advInitMag = 0.0;
    int passes = 3;
    double dropoutMin = 0.05;
    double dropoutMax = 0.30;
    double dropoutJitter = 1.0;
    std::string dropoutRule = "importance";  // importance | uniform | fixed
    double importanceEma = 0.9;
    double lambdaAdv = 1.0;
    double lambdaJs = 1.0;
    double maxGradNorm = 1.0;
    std::string saliency = "taylor";  // taylor | fisher | gradient
    double saliencyEma = 0.0;
    std::vector<std::string> maskExempt{"embeddings", "bias", "norm", "head"};
    double keepRatio = 0.5;
    std::string maskRank = "global";  // global | per_tensor
    int maskEvery = 1;
    double maskWarmupRatio = 0.1;
    std::string maskMode = "hard";  // hard | soft
};

struct EvalConfig {
    int everySteps = 0;  // 0: after every epoch
    int batchSize = 64;
    std::string selectBy = "accuracy";  // accuracy | macro_f1 | mcc: which dev metric picks the best model
};

struct OutputConfig {
    std::string dir;  // empty: runs/<date>-<time>-<method>
    int checkpointEverySteps = 0;  // 0: at every evaluation
    int keepCheckpoints = 2;
    int logEverySteps = 10;       // CLI log lines when not on a terminal
    int saliencyEverySteps = 0;   // 0: saliency snapshots only on request
};

// Optional robustness checks during training (train/robustness_monitor.h): every N-th epoch an
// attack on the first `examples` dev examples runs on a copy of the weights, off the training
// thread. Budget and ε default to `uegr attack`'s defaults.
struct RobustnessConfig {
    int everyEpochs = 0;               // 0: no checks
    std::string attack = "charswap";   // charswap | wordnet | pgd
    int examples = 100;                // the first N examples of the dev split
    int budget = kDefaultQueryBudget;  // charswap, wordnet: model queries per example
    double pgdEpsilon = 0.01;          // pgd: L2 radius relative to each example's embedding norm
};

struct RunConfig {
    DataConfig data;
    ModelConfig model;
    TrainingConfig training;
    UegrConfig uegr;
    EvalConfig eval;
    OutputConfig output;
    RobustnessConfig robustness;
};

// Parses and validates a run config. Missing keys take defaults; unknown keys, wrong types
// and out-of-range values throw ConfigError naming the dotted key and the allowed range.
// `source` names the document in messages (usually its file name).
RunConfig parseRunConfig(const nlohmann::json& document, const std::string& source = "config");
RunConfig loadRunConfig(const std::string& path);  // relative data paths resolve against the file's folder
nlohmann::json toJson(const RunConfig& config);    // the fully resolved document
void saveRunConfig(const RunConfig& config, const std::string& path);  // atomic
void validate(const RunConfig& config);            // throws ConfigError

}  // namespace uegr

namespace uegr {
const std::vector<std::string>& trainingMethods();  // the values training.method accepts
}
