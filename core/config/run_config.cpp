#include "config/run_config.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>
#include <set>
#include <sstream>

#include "config/numeric_ranges.h"
#include "util/atomic_file.h"
#include "util/error.h"
#include "util/join.h"
#include "util/json_text.h"
#include "util/message_text.h"

namespace uegr {
namespace {

using nlohmann::json;

// Below the range of every integer key, so validation rejects a key the reader could not read.
constexpr int kNotAnInteger = std::numeric_limits<int>::min();

// Reads one section ("data", "model", ...). Each read removes the key from the pending set, so
// finish() can report every key nobody asked for, which catches typos like "lamda_js".
//
// An integer key holding something else (1e12, 2.5, "32") is not rejected on the spot: its text
// goes to `notIntegers` and the field gets a value below every integer range, so validation
// names the key with its range and that text.
class SectionReader {
public:
    SectionReader(const json& document, std::string section, std::map<std::string, std::string>& notIntegers)
        : section_(std::move(section)), notIntegers_(notIntegers) {
        if (!document.contains(section_)) return;
        const json& value = document.at(section_);
        if (!value.is_object()) throw ConfigError(section_, "\"" + section_ + "\" must be an object");
        object_ = &value;
        for (const auto& item : value.items()) pending_.insert(item.key());
    }

    void boolean(const char* key, bool& out) {
        if (const json* value = take(key)) {
            if (!value->is_boolean()) throw typeError(key, "true or false");
            out = value->get<bool>();
        }
    }
    void number(const char* key, double& out) {
        if (const json* value = take(key)) {
            if (!value->is_number()) throw typeError(key, "a number");
            out = value->get<double>();
        }
    }
    void integer(const char* key, int& out) {
        if (const json* value = take(key)) {
            const bool fits = value->is_number_unsigned()
                                  ? value->get<std::uint64_t>() <= std::numeric_limits<int>::max()
                                  : value->is_number_integer() &&
                                        value->get<std::int64_t>() >= std::numeric_limits<int>::min() &&
                                        value->get<std::int64_t>() <= std::numeric_limits<int>::max();
            if (fits) {
                out = value->get<int>();
            } else {
                notIntegers_[path(key)] = value->dump();
                out = kNotAnInteger;
            }
        }
    }
    void seed(const char* key, std::uint64_t& out) {
        if (const json* value = take(key)) {
            const bool nonNegative = value->is_number_unsigned() ||
                                     (value->is_number_integer() && value->get<std::int64_t>() >= 0);
            if (!nonNegative) throw typeError(key, "a non-negative integer");
            out = value->get<std::uint64_t>();
        }
    }
    void string(const char* key, std::string& out) {
        if (const json* value = take(key)) {
            if (!value->is_string()) throw typeError(key, "a string");
            out = value->get<std::string>();
        }
    }
    void strings(const char* key, std::vector<std::string>& out) {
        if (const json* value = take(key)) {
            if (!value->is_array()) throw typeError(key, "an array of strings");
            out.clear();
            for (const auto& item : *value) {
                if (!item.is_string()) throw typeError(key, "an array of strings");
                out.push_back(item.get<std::string>());
            }
        }
    }
    void integers(const char* key, std::vector<int>& out) {
        if (const json* value = take(key)) {
            if (!value->is_array()) throw typeError(key, "an array of integers");
            out.clear();
            for (const auto& item : *value) {
                if (!item.is_number_integer()) throw typeError(key, "an array of integers");
                out.push_back(item.get<int>());
            }
        }
    }
    // A column is a header name (string) or a zero-based index (integer); "" or null: none.
    void column(const char* key, ColumnRef& out) {
        if (const json* value = take(key)) {
            if (value->is_null()) {
                out = {};
            } else if (value->is_string()) {
                out = {value->get<std::string>(), -1};
            } else if (value->is_number_integer() && value->get<std::int64_t>() >= 0 &&
                       value->get<std::int64_t>() <= std::numeric_limits<int>::max()) {
                out = {"", value->get<int>()};
            } else {
                throw typeError(key, "a column name (string) or a zero-based column index");
            }
        }
    }

    void finish() const {
        if (pending_.empty()) return;
        const std::string key = *pending_.begin();
        throw ConfigError(path(key.c_str()), "unknown key \"" + path(key.c_str()) + "\" (known keys in \"" + section_ + "\": " + joinWithCommas(known_) + ")");
    }

private:
    const json* take(const char* key) {
        known_.emplace_back(key);
        if (!object_ || !object_->contains(key)) return nullptr;
        pending_.erase(key);
        return &object_->at(key);
    }
    std::string path(const char* key) const { return section_ + "." + key; }
    ConfigError typeError(const char* key, const std::string& expected) const {
        return ConfigError(path(key), path(key) + " must be " + expected);
    }

    std::string section_;
    std::map<std::string, std::string>& notIntegers_;
    const json* object_ = nullptr;
    std::set<std::string> pending_;
    std::vector<std::string> known_;
};

json columnToJson(const ColumnRef& column) {
    if (column.index >= 0) return column.index;
    return column.name;
}

// Range checks, each naming the key and the allowed range in interval notation. An integer key
// the reader could not read (see SectionReader) is reported with the JSON text it held.
class RangeCheck {
public:
    explicit RangeCheck(const std::map<std::string, std::string>& notIntegers) : notIntegers_(notIntegers) {}

    void operator()(const std::string& key, double value, double low, bool lowInclusive, double high,
                    bool highInclusive, const std::string& lowName = {},
                    const std::string& highName = {}) const {
        const bool aboveLow = lowInclusive ? value >= low : value > low;
        const bool belowHigh = highInclusive ? value <= high : value < high;
        const auto notInteger = notIntegers_.find(key);
        if (std::isfinite(value) && aboveLow && belowHigh && notInteger == notIntegers_.end()) return;
        std::ostringstream message;
        const auto bound = [](double v, const std::string& name) {
            if (!name.empty()) return name;
            if (std::isinf(v)) return std::string(v > 0 ? "inf" : "-inf");
            std::ostringstream out;
            out << v;
            return out.str();
        };
        message << key << (notInteger == notIntegers_.end() ? " must be in " : " must be an integer in ")
                << (lowInclusive ? "[" : "(") << bound(low, lowName) << ", " << bound(high, highName)
                << (highInclusive && !std::isinf(high) ? "]" : ")") << " (got ";
        if (notInteger == notIntegers_.end())
            message << value << ")";
        else
            message << excerpt(notInteger->second, 40) << ")";
        throw ConfigError(key, message.str());
    }

    // Against the key's entry in the table of numeric ranges (config/numeric_ranges.h).
    void operator()(const std::string& key, double value) const {
        const NumericRange& range = numericRange(key);
        (*this)(key, value, range.low, range.lowInclusive, range.high, range.highInclusive);
    }

private:
    const std::map<std::string, std::string>& notIntegers_;
};

void requireChoice(const std::string& key, const std::string& value, const std::vector<std::string>& choices) {
    for (const auto& choice : choices)
        if (value == choice) return;
    throw ConfigError(key, key + " must be one of " + joinWithCommas(choices) + " (got \"" + value + "\")");
}

}  // namespace

const std::vector<std::string>& trainingMethods() {
    static const std::vector<std::string> methods{"uegr",        "vanilla",    "rdrop",      "freelb",
                                                  "childtuning_d", "uegr_no_mask", "uegr_no_js", "uegr_no_adv",
                                                  "uegr_uniform_dropout"};
    return methods;
}

namespace {

void validateWith(const RunConfig& c, const std::map<std::string, std::string>& notIntegers) {
    const RangeCheck requireRange(notIntegers);
    const DataConfig& d = c.data;
    requireChoice("data.format", d.format, {"auto", "csv", "tsv", "jsonl"});
    if (d.textColumn.empty()) throw ConfigError("data.text_column", "data.text_column must name a column");
    if (d.labelColumn.empty()) throw ConfigError("data.label_column", "data.label_column must name a column");
    requireRange("data.max_length", d.maxLength);
    requireRange("data.dev_ratio", d.devRatio);
    requireRange("data.test_ratio", d.testRatio, 0, true, 1 - d.devRatio, false, {}, "1 - data.dev_ratio");
    if (!d.train.empty() && d.dev.empty() && d.devRatio <= 0)
        throw ConfigError("data.dev_ratio", "data.dev_ratio must be in (0, 1) when data.dev names no file");
    requireRange("data.min_count", d.minCount);
    requireRange("data.max_vocab", d.maxVocab);

    const ModelConfig& m = c.model;
    requireChoice("model.type", m.type, {"textcnn", "bilstm", "transformer", "hf"});
    if (m.type == "hf" && m.path.empty())
        throw ConfigError("model.path", "model.path must name a Hugging Face model folder when model.type is \"hf\"");
    requireRange("model.embedding_dim", m.embeddingDim);
    requireRange("model.hidden_dim", m.hiddenDim);
    requireRange("model.num_layers", m.numLayers);
    requireRange("model.num_heads", m.numHeads);
    if (m.type == "transformer" && m.hiddenDim % m.numHeads != 0)
        throw ConfigError("model.num_heads", "model.hidden_dim (" + std::to_string(m.hiddenDim) +
                                                 ") must be divisible by model.num_heads (" +
                                                 std::to_string(m.numHeads) + ")");
    requireRange("model.ff_dim", m.ffDim);
    if (m.kernelSizes.empty()) throw ConfigError("model.kernel_sizes", "model.kernel_sizes must not be empty");
    for (int size : m.kernelSizes) requireRange("model.kernel_sizes", size);
    requireRange("model.num_filters", m.numFilters);
    requireRange("model.dropout", m.dropout);

    const TrainingConfig& t = c.training;
    requireChoice("training.method", t.method, trainingMethods());
    requireRange("training.epochs", t.epochs);
    requireRange("training.batch_size", t.batchSize);
    requireRange("training.lr", t.lr);
    requireRange("training.weight_decay", t.weightDecay);
    requireRange("training.warmup_ratio", t.warmupRatio);
    requireChoice("training.device", t.device, {"auto", "cpu", "cuda"});
    requireRange("training.threads", t.threads);
    requireRange("training.rdrop_alpha", t.rdropAlpha);
    requireRange("training.childtuning_batches", t.childtuningBatches);
    requireChoice("training.precision", t.precision, {"fp32", "bf16"});

    const UegrConfig& u = c.uegr;
    requireRange("uegr.adv_steps", u.advSteps);
    requireRange("uegr.adv_step_size", u.advStepSize);
    requireRange("uegr.adv_max_norm", u.advMaxNorm);
    requireChoice("uegr.adv_scale", u.advScale, {"relative", "absolute"});
    requireChoice("uegr.adv_init", u.advInit, {"zero", "uniform"});
    requireRange("uegr.adv_init_mag", u.advInitMag);
    requireRange("uegr.passes", u.passes);
    requireRange("uegr.dropout_min", u.dropoutMin);
    requireRange("uegr.dropout_max", u.dropoutMax, u.dropoutMin, true, 1, false, "uegr.dropout_min");
    requireRange("uegr.dropout_jitter", u.dropoutJitter);
    requireChoice("uegr.dropout_rule", u.dropoutRule, {"importance", "uniform", "fixed"});
    requireRange("uegr.importance_ema", u.importanceEma);
    requireRange("uegr.lambda_adv", u.lambdaAdv);
    requireRange("uegr.lambda_js", u.lambdaJs);
    requireRange("uegr.max_grad_norm", u.maxGradNorm);
    requireChoice("uegr.saliency", u.saliency, {"taylor", "fisher", "gradient"});
    requireRange("uegr.saliency_ema", u.saliencyEma);
    for (const auto& word : u.maskExempt)
        if (word.empty()) throw ConfigError("uegr.mask_exempt", "uegr.mask_exempt must not contain empty strings");
    requireRange("uegr.keep_ratio", u.keepRatio);
    requireChoice("uegr.mask_rank", u.maskRank, {"global", "per_tensor"});
    requireRange("uegr.mask_every", u.maskEvery);
    requireRange("uegr.mask_warmup_ratio", u.maskWarmupRatio);
    requireChoice("uegr.mask_mode", u.maskMode, {"hard", "soft"});

    const EvalConfig& e = c.eval;
    requireRange("eval.every_steps", e.everySteps);
    requireRange("eval.batch_size", e.batchSize);
    requireChoice("eval.select_by", e.selectBy, {"accuracy", "macro_f1", "mcc"});

    const OutputConfig& o = c.output;
    requireRange("output.checkpoint_every_steps", o.checkpointEverySteps);
    requireRange("output.keep_checkpoints", o.keepCheckpoints);
    requireRange("output.log_every_steps", o.logEverySteps);
    requireRange("output.saliency_every_steps", o.saliencyEverySteps);

    const RobustnessConfig& r = c.robustness;
    requireRange("robustness.every_epochs", r.everyEpochs);
    requireChoice("robustness.attack", r.attack, {"charswap", "wordnet", "pgd"});
    requireRange("robustness.examples", r.examples);
    requireRange("robustness.budget", r.budget);
    requireRange("robustness.pgd_epsilon", r.pgdEpsilon);
    if (!notIntegers.empty()) {
        const auto& [key, text] = *notIntegers.begin();
        throw ConfigError(key, key + " must be an integer (got " + excerpt(text, 40) + ")");
    }
}

}  // namespace

void validate(const RunConfig& c) {
    validateWith(c, {});
}

double defaultLearningRate(const std::string& modelType) {
    return modelType == "hf" ? kPretrainedLearningRate : kFromScratchLearningRate;
}

RunConfig parseRunConfig(const json& document, const std::string& source) {
    if (!document.is_object()) throw ConfigError("", source + ": a run config must be a JSON object");
    static const std::set<std::string> sections{"data", "model",  "training",  "uegr",
                                                "eval", "output", "robustness"};
    for (const auto& item : document.items())
        if (!sections.count(item.key()))
            throw ConfigError(item.key(),
                              "unknown section \"" + item.key() +
                                  "\" (known: data, model, training, uegr, eval, output, robustness)");

    RunConfig c;
    std::map<std::string, std::string> notIntegers;
    SectionReader data(document, "data", notIntegers);
    data.string("train", c.data.train);
    data.string("dev", c.data.dev);
    data.string("test", c.data.test);
    data.string("format", c.data.format);
    data.column("text_column", c.data.textColumn);
    data.column("pair_column", c.data.pairColumn);
    data.column("label_column", c.data.labelColumn);
    data.integer("max_length", c.data.maxLength);
    data.number("dev_ratio", c.data.devRatio);
    data.number("test_ratio", c.data.testRatio);
    data.seed("split_seed", c.data.splitSeed);
    data.boolean("skip_bad_rows", c.data.skipBadRows);
    data.boolean("lowercase", c.data.lowercase);
    data.integer("min_count", c.data.minCount);
    data.integer("max_vocab", c.data.maxVocab);
    data.finish();

    SectionReader model(document, "model", notIntegers);
    model.string("type", c.model.type);
    model.string("path", c.model.path);
    model.integer("embedding_dim", c.model.embeddingDim);
    model.integer("hidden_dim", c.model.hiddenDim);
    model.integer("num_layers", c.model.numLayers);
    model.integer("num_heads", c.model.numHeads);
    model.integer("ff_dim", c.model.ffDim);
    model.integers("kernel_sizes", c.model.kernelSizes);
    model.integer("num_filters", c.model.numFilters);
    model.number("dropout", c.model.dropout);
    model.boolean("allow_missing_weights", c.model.allowMissingWeights);
    model.finish();

    SectionReader training(document, "training", notIntegers);
    c.training.lr = defaultLearningRate(c.model.type);  // unless the document sets it
    training.string("method", c.training.method);
    training.integer("epochs", c.training.epochs);
    training.integer("batch_size", c.training.batchSize);
    training.number("lr", c.training.lr);
    training.number("weight_decay", c.training.weightDecay);
    training.number("warmup_ratio", c.training.warmupRatio);
    training.seed("seed", c.training.seed);
    training.string("device", c.training.device);
    training.integer("threads", c.training.threads);
    training.number("rdrop_alpha", c.training.rdropAlpha);
    training.integer("childtuning_batches", c.training.childtuningBatches);
    training.boolean("deterministic", c.training.deterministic);
    training.string("precision", c.training.precision);
    training.finish();

    SectionReader uegr(document, "uegr", notIntegers);
    uegr.boolean("use_clean_loss", c.uegr.useCleanLoss);
    uegr.integer("adv_steps", c.uegr.advSteps);
    uegr.number("adv_step_size", c.uegr.advStepSize);
    uegr.number("adv_max_norm", c.uegr.advMaxNorm);
    uegr.string("adv_scale", c.uegr.advScale);
    uegr.string("adv_init", c.uegr.advInit);
    uegr.number("adv_init_mag", c.uegr.advInitMag);
    uegr.integer("passes", c.uegr.passes);
    uegr.number("dropout_min", c.uegr.dropoutMin);
    uegr.number("dropout_max", c.uegr.dropoutMax);
    uegr.number("dropout_jitter", c.uegr.dropoutJitter);
    uegr.string("dropout_rule", c.uegr.dropoutRule);
    uegr.number("importance_ema", c.uegr.importanceEma);
    uegr.number("lambda_adv", c.uegr.lambdaAdv);
    uegr.number("lambda_js", c.uegr.lambdaJs);
    uegr.number("max_grad_norm", c.uegr.maxGradNorm);
    uegr.string("saliency", c.uegr.saliency);
    uegr.number("saliency_ema", c.uegr.saliencyEma);
    uegr.strings("mask_exempt", c.uegr.maskExempt);
    uegr.number("keep_ratio", c.uegr.keepRatio);
    uegr.string("mask_rank", c.uegr.maskRank);
    uegr.integer("mask_every", c.uegr.maskEvery);
    uegr.number("mask_warmup_ratio", c.uegr.maskWarmupRatio);
    uegr.string("mask_mode", c.uegr.maskMode);
    uegr.finish();

    SectionReader eval(document, "eval", notIntegers);
    eval.integer("every_steps", c.eval.everySteps);
    eval.integer("batch_size", c.eval.batchSize);
    eval.string("select_by", c.eval.selectBy);
    eval.finish();

    SectionReader output(document, "output", notIntegers);
    output.string("dir", c.output.dir);
    output.integer("checkpoint_every_steps", c.output.checkpointEverySteps);
    output.integer("keep_checkpoints", c.output.keepCheckpoints);
    output.integer("log_every_steps", c.output.logEverySteps);
    output.integer("saliency_every_steps", c.output.saliencyEverySteps);
    output.finish();

    SectionReader robustness(document, "robustness", notIntegers);
    robustness.integer("every_epochs", c.robustness.everyEpochs);
    robustness.string("attack", c.robustness.attack);
    robustness.integer("examples", c.robustness.examples);
    robustness.integer("budget", c.robustness.budget);
    robustness.number("pgd_epsilon", c.robustness.pgdEpsilon);
    robustness.finish();

    validateWith(c, notIntegers);
    return c;
}

json toJson(const RunConfig& c) {
    return {
        {"data",
         {{"train", c.data.train},
          {"dev", c.data.dev},
          {"test", c.data.test},
          {"format", c.data.format},
          {"text_column", columnToJson(c.data.textColumn)},
          {"pair_column", columnToJson(c.data.pairColumn)},
          {"label_column", columnToJson(c.data.labelColumn)},
          {"max_length", c.data.maxLength},
          {"dev_ratio", c.data.devRatio},
          {"test_ratio", c.data.testRatio},
          {"split_seed", c.data.splitSeed},
          {"skip_bad_rows", c.data.skipBadRows},
          {"lowercase", c.data.lowercase},
          {"min_count", c.data.minCount},
          {"max_vocab", c.data.maxVocab}}},
        {"model",
         {{"type", c.model.type},
          {"path", c.model.path},
          {"embedding_dim", c.model.embeddingDim},
          {"hidden_dim", c.model.hiddenDim},
          {"num_layers", c.model.numLayers},
          {"num_heads", c.model.numHeads},
          {"ff_dim", c.model.ffDim},
          {"kernel_sizes", c.model.kernelSizes},
          {"num_filters", c.model.numFilters},
          {"dropout", c.model.dropout},
          {"allow_missing_weights", c.model.allowMissingWeights}}},
        {"training",
         {{"method", c.training.method},
          {"epochs", c.training.epochs},
          {"batch_size", c.training.batchSize},
          {"lr", c.training.lr},
          {"weight_decay", c.training.weightDecay},
          {"warmup_ratio", c.training.warmupRatio},
          {"seed", c.training.seed},
          {"device", c.training.device},
          {"threads", c.training.threads},
          {"rdrop_alpha", c.training.rdropAlpha},
          {"childtuning_batches", c.training.childtuningBatches},
          {"deterministic", c.training.deterministic},
          {"precision", c.training.precision}}},
        {"uegr",
         {{"use_clean_loss", c.uegr.useCleanLoss},
          {"adv_steps", c.uegr.advSteps},
          {"adv_step_size", c.uegr.advStepSize},
          {"adv_max_norm", c.uegr.advMaxNorm},
          {"adv_scale", c.uegr.advScale},
          {"adv_init", c.uegr.advInit},
          {"adv_init_mag", c.uegr.advInitMag},
          {"passes", c.uegr.passes},
          {"dropout_min", c.uegr.dropoutMin},
          {"dropout_max", c.uegr.dropoutMax},
          {"dropout_jitter", c.uegr.dropoutJitter},
          {"dropout_rule", c.uegr.dropoutRule},
          {"importance_ema", c.uegr.importanceEma},
          {"lambda_adv", c.uegr.lambdaAdv},
          {"lambda_js", c.uegr.lambdaJs},
          {"max_grad_norm", c.uegr.maxGradNorm},
          {"saliency", c.uegr.saliency},
          {"saliency_ema", c.uegr.saliencyEma},
          {"mask_exempt", c.uegr.maskExempt},
          {"keep_ratio", c.uegr.keepRatio},
          {"mask_rank", c.uegr.maskRank},
          {"mask_every", c.uegr.maskEvery},
          {"mask_warmup_ratio", c.uegr.maskWarmupRatio},
          {"mask_mode", c.uegr.maskMode}}},
        {"eval", {{"every_steps", c.eval.everySteps}, {"batch_size", c.eval.batchSize}, {"select_by", c.eval.selectBy}}},
        {"output",
         {{"dir", c.output.dir},
          {"checkpoint_every_steps", c.output.checkpointEverySteps},
          {"keep_checkpoints", c.output.keepCheckpoints},
          {"log_every_steps", c.output.logEverySteps},
          {"saliency_every_steps", c.output.saliencyEverySteps}}},
        {"robustness",
         {{"every_epochs", c.robustness.everyEpochs},
          {"attack", c.robustness.attack},
          {"examples", c.robustness.examples},
          {"budget", c.robustness.budget},
          {"pgd_epsilon", c.robustness.pgdEpsilon}}},
    };
}

RunConfig loadRunConfig(const std::string& path) {
    const json document = parseJsonText(readFile(path), path);
    RunConfig config;
    try {
        config = parseRunConfig(document, path);
    } catch (const ConfigError& error) {
        throw ConfigError(error.key(), path + ": " + error.what());
    }
    // Data paths are relative to the config file, so a config and its data travel together.
    const std::filesystem::path base = std::filesystem::absolute(path).parent_path();
    for (std::string* file : {&config.data.train, &config.data.dev, &config.data.test, &config.model.path})
        if (!file->empty() && std::filesystem::path(*file).is_relative()) *file = (base / *file).lexically_normal().string();
    return config;
}

void saveRunConfig(const RunConfig& config, const std::string& path) {
    writeFileAtomically(path, toJson(config).dump(2) + "\n");
}

}  // namespace uegr
