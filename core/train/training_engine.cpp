#include "train/training_engine.h"

#include <cmath>
#include <map>

#include "train/flat_views.h"
#include "train/learning_rate.h"
#include "train/parameter_mask.h"
#include "train/precision_scope.h"
#include "train/saliency_snapshot.h"
#include "util/error.h"

namespace uegr {
namespace {

std::vector<torch::Tensor> tensorsOf(const std::vector<EngineParameter>& parameters) {
    std::vector<torch::Tensor> tensors;
    for (const auto& parameter : parameters) tensors.push_back(parameter.tensor);
    return tensors;
}

std::vector<EngineParameter> collectParameters(TextClassifierImpl& model,
                                               const std::vector<ParameterLayer>& layers,
                                               const std::vector<std::string>& exemptWords) {
    std::map<std::string, std::size_t> layerOf;
    for (std::size_t l = 0; l < layers.size(); ++l)
        for (const auto& name : layers[l].parameterNames) layerOf[name] = l;
    std::vector<EngineParameter> parameters;
    for (const auto& item : model.named_parameters(/*recurse=*/true)) {
        const auto layer = layerOf.find(item.key());
        if (layer == layerOf.end())
            throw Error("model parameter " + item.key() + " belongs to no parameter layer");
        const bool exempt = isMaskExempt(item.key(), layers[layer->second].name, exemptWords);
        parameters.push_back({item.key(), item.value(), layer->second, !exempt && item.value().numel() > 0});
    }
    return parameters;
}

std::vector<std::string> siteNamesOf(const std::vector<DropoutSite>& sites) {
    std::vector<std::string> names;
    for (const auto& site : sites) names.push_back(site.name);
    return names;
}

std::uint64_t dropoutSeed(std::uint64_t seed) {
    return seed * 0x9E3779B97F4A7C15ULL + 1;
}

}  // namespace

torch::Tensor crossEntropy(const torch::Tensor& logits, const torch::Tensor& labels) {
    return torch::nn::functional::cross_entropy(fullPrecision(logits), labels);
}

TrainingEngine::TrainingEngine(TextClassifier model, const RunConfig& config, std::int64_t totalSteps,
                               const std::string& dropoutRule)
    : model_(std::move(model)),
      config_(config),
      totalSteps_(totalSteps),
      parameters_(collectParameters(*model_, model_->parameterLayers(), config.uegr.maskExempt)),
      layers_(model_->parameterLayers()),
      optimizer_(tensorsOf(parameters_),
                 AdamWOptions{config.training.lr, 0.9, 0.999, 1e-8, config.training.weightDecay}),
      dropout_(
          siteNamesOf(model_->dropoutSites()),
          [&] {
              AdaptiveDropoutOptions options = AdaptiveDropoutOptions::fromConfig(config.uegr);
              options.rule = dropoutRule;
              return options;
          }(),
          dropoutSeed(config.training.seed)),
      saliencyKind_(parseSaliencyKind(config.uegr.saliency)),
      saliencySums_(parameters_.size(), 0.0) {
    for (const auto& site : model_->dropoutSites()) {
        std::size_t index = 0;
        while (index < layers_.size() && layers_[index].name != site.layer) ++index;
        if (index == layers_.size())
            throw Error("dropout site " + site.name + " refers to unknown layer " + site.layer);
        siteLayers_.push_back(index);
    }
    std::vector<std::int64_t> ends;
    for (std::size_t i = 0; i < parameters_.size(); ++i) {
        if (!parameters_[i].eligible) continue;
        eligible_.push_back(i);
        eligibleElements_ += parameters_[i].tensor.numel();
        ends.push_back(eligibleElements_ - 1);
    }
    const torch::Device device =
        parameters_.empty() ? torch::Device(torch::kCPU) : parameters_.front().tensor.device();
    eligibleEnds_ = torch::tensor(ends, torch::kInt64).to(device);
}

std::int64_t TrainingEngine::maskWarmupSteps() const {
    return static_cast<std::int64_t>(
        std::floor(config_.uegr.maskWarmupRatio * static_cast<double>(totalSteps_)));
}

NamedValues TrainingEngine::siteRates(const std::vector<std::vector<double>>& passRates) const {
    NamedValues rates;
    const auto& names = dropout_.siteNames();
    for (std::size_t site = 0; site < names.size(); ++site) {
        double sum = 0;
        for (const auto& pass : passRates) sum += pass[site];
        rates.emplace_back(names[site],
                           passRates.empty() ? 0.0 : sum / static_cast<double>(passRates.size()));
    }
    return rates;
}

void TrainingEngine::beginStep(std::int64_t step) {
    optimizer_.setLearningRate(
        scheduledLearningRate(config_.training.lr, step, totalSteps_, config_.training.warmupRatio));
    for (auto& parameter : parameters_)
        if (parameter.tensor.grad().defined()) parameter.tensor.mutable_grad().zero_();
}

torch::Tensor TrainingEngine::updateSaliency(bool needTensors, bool needLayerMeans,
                                             std::vector<std::size_t>& summed) {
    const torch::NoGradGuard noGrad;
    hasSaliency_ = true;
    torch::Tensor current;  // this step's saliency of the eligible parameters, flat
    if (needTensors && eligibleElements_ > 0) {
        current = flatSaliency(saliencyKind_, eligibleTensors());
        const double beta = config_.uegr.saliencyEma;
        if (beta > 0 && eligibleSaliency_.defined())
            eligibleSaliency_.mul_(beta).add_(current, 1 - beta);
        else
            eligibleSaliency_ = current;
    }
    if (!needLayerMeans) return {};
    // Σ of this step's saliency (not the EMA) for the dropout sites' layers: taken from the
    // flat tensor where it exists, computed without saliency tensors for the others. The EMA
    // of Σ is applied on the host.
    std::vector<bool> siteLayer(layers_.size(), false);
    for (std::size_t layer : siteLayers_) siteLayer[layer] = true;
    std::vector<torch::Tensor> fromFlat, others;
    std::vector<std::size_t> otherIndex;
    if (current.defined()) {
        const std::vector<torch::Tensor> views = flatViews(current, eligibleTensors());
        for (std::size_t j = 0; j < eligible_.size(); ++j)
            if (siteLayer[parameters_[eligible_[j]].layer]) {
                summed.push_back(eligible_[j]);
                fromFlat.push_back(views[j]);
            }
    }
    for (std::size_t i = 0; i < parameters_.size(); ++i)
        if (siteLayer[parameters_[i].layer] && !(current.defined() && parameters_[i].eligible)) {
            otherIndex.push_back(i);
            others.push_back(parameters_[i].tensor);
        }
    summed.insert(summed.end(), otherIndex.begin(), otherIndex.end());
    std::vector<torch::Tensor> sums;
    if (!fromFlat.empty())
        sums.push_back(torch::stack(at::_foreach_norm(fromFlat, 1)));  // Σ of non-negatives
    if (!others.empty()) sums.push_back(saliencySums(saliencyKind_, others));
    return sums.empty() ? torch::Tensor() : torch::cat(sums);
}

torch::Tensor TrainingEngine::recomputeMask() {
    const torch::NoGradGuard noGrad;
    masks_.assign(parameters_.size(), torch::Tensor());
    keptCounts_.assign(parameters_.size(), 0.0);
    if (eligible_.empty()) return {};
    const torch::Tensor saliency =
        eligibleSaliency_.defined() ? eligibleSaliency_
                                    : torch::zeros({eligibleElements_}, parameters_.front().tensor.options());
    const std::vector<torch::Tensor> tensors = eligibleTensors();
    const torch::Tensor kept =
        keepTopShare(saliency, tensors, config_.uegr.keepRatio, config_.uegr.maskRank == "global");
    const std::vector<torch::Tensor> views = flatViews(kept, tensors);
    for (std::size_t j = 0; j < eligible_.size(); ++j) masks_[eligible_[j]] = views[j];
    // Kept elements per parameter, from the running count at each parameter's last element;
    // read on the host with the step's other values.
    return kept.cumsum(0).index_select(0, eligibleEnds_);
}

std::vector<torch::Tensor> TrainingEngine::eligibleTensors() const {
    std::vector<torch::Tensor> tensors;
    for (std::size_t i : eligible_) tensors.push_back(parameters_[i].tensor);
    return tensors;
}

void TrainingEngine::countKeptElements() {
    keptCounts_.assign(parameters_.size(), 0.0);
    std::vector<torch::Tensor> counts;
    std::vector<std::size_t> index;
    for (std::size_t i = 0; i < masks_.size(); ++i)
        if (masks_[i].defined()) {
            counts.push_back(masks_[i].sum());
            index.push_back(i);
        }
    if (counts.empty()) return;
    const torch::Tensor values = torch::stack(counts).to(torch::kDouble).cpu();
    for (std::size_t j = 0; j < index.size(); ++j)
        keptCounts_[index[j]] = values[static_cast<std::int64_t>(j)].item<double>();
}

void TrainingEngine::setFixedMasks(std::vector<torch::Tensor> masks) {
    if (masks.size() != parameters_.size()) throw Error("setFixedMasks: one mask per parameter expected");
    masks_ = std::move(masks);
    countKeptElements();
}

UpdateResult TrainingEngine::applyUpdate(const UpdatePlan& plan, std::int64_t step) {
    const torch::NoGradGuard noGrad;
    UpdateResult result;

    std::vector<torch::Tensor> gradients;
    for (const auto& parameter : parameters_)
        if (parameter.tensor.grad().defined()) gradients.push_back(parameter.tensor.grad());
    result.gradNorm =
        gradients.empty() ? 0.0 : torch::stack(at::_foreach_norm(gradients, 2)).norm().item<double>();

    const bool scheduled = plan.mask == UpdatePlan::Mask::Scheduled;
    const bool maskActive = scheduled && step > maskWarmupSteps();
    const std::int64_t every = std::max(config_.uegr.maskEvery, 1);
    const bool recompute = maskActive && (masks_.empty() || (step - maskWarmupSteps() - 1) % every == 0);
    const bool needTensors = scheduled && (recompute || config_.uegr.saliencyEma > 0);
    const bool smoothSums = config_.uegr.saliencyEma > 0 && hasSaliency_;
    std::vector<std::size_t> summed;
    torch::Tensor sums;
    if (needTensors || plan.feedImportance) sums = updateSaliency(needTensors, plan.feedImportance, summed);
    torch::Tensor keptCounts;
    if (recompute) keptCounts = recomputeMask();
    if (scheduled && !maskActive) masks_.clear();
    if (plan.snapshot) result.snapshot = makeSnapshot(step);

    const double maxNorm = config_.uegr.maxGradNorm;
    const double scale = maxNorm > 0 && result.gradNorm > maxNorm ? maxNorm / (result.gradNorm + 1e-6) : 1.0;
    static const std::vector<torch::Tensor> kNoMasks;
    optimizer_.step(plan.mask == UpdatePlan::Mask::None ? kNoMasks : masks_, plan.mode, scale);

    // The host reads this step's saliency sums and kept counts in one transfer, after the
    // update is queued, instead of waiting for the device in the middle of the step.
    std::vector<torch::Tensor> pending;
    if (sums.defined()) pending.push_back(sums.to(torch::kDouble));
    if (keptCounts.defined()) pending.push_back(keptCounts.to(torch::kDouble));
    const torch::Tensor host = pending.empty() ? torch::Tensor() : torch::cat(pending).cpu().contiguous();
    const double* values = host.defined() ? host.data_ptr<double>() : nullptr;
    if (sums.defined()) {
        const double beta = config_.uegr.saliencyEma;
        for (std::size_t i : summed) {
            double& sum = saliencySums_[i];
            sum = smoothSums ? beta * sum + (1 - beta) * *values : *values;
            ++values;
        }
    }
    if (keptCounts.defined()) {
        double previousEnd = 0;
        for (std::size_t i : eligible_) {
            keptCounts_[i] = *values - previousEnd;
            previousEnd = *values++;
        }
    }
    if (plan.feedImportance) {
        std::vector<double> siteMeans;
        for (std::size_t layer : siteLayers_) {
            double sum = 0, count = 0;
            for (std::size_t i = 0; i < parameters_.size(); ++i)
                if (parameters_[i].layer == layer) {
                    sum += saliencySums_[i];
                    count += static_cast<double>(parameters_[i].tensor.numel());
                }
            siteMeans.push_back(count > 0 ? sum / count : 0.0);
        }
        dropout_.observeSaliency(siteMeans);
    }
    fillDensities(result, plan.mask != UpdatePlan::Mask::None && !masks_.empty());
    return result;
}

void TrainingEngine::fillDensities(UpdateResult& result, bool masked) const {
    std::vector<double> eligible(layers_.size(), 0.0), kept(layers_.size(), 0.0);
    for (std::size_t i : eligible_) {
        const auto size = static_cast<double>(parameters_[i].tensor.numel());
        eligible[parameters_[i].layer] += size;
        kept[parameters_[i].layer] += masked && masks_[i].defined() ? keptCounts_[i] : size;
    }
    double keptTotal = 0, eligibleTotal = 0;
    result.maskDensity.clear();
    for (std::size_t l = 0; l < layers_.size(); ++l) {
        if (eligible[l] == 0) continue;
        result.maskDensity.emplace_back(layers_[l].name, kept[l] / eligible[l]);
        keptTotal += kept[l];
        eligibleTotal += eligible[l];
    }
    result.maskDensityGlobal = eligibleTotal > 0 ? keptTotal / eligibleTotal : 1.0;
}

SaliencySnapshot TrainingEngine::makeSnapshot(std::int64_t step) const {
    SaliencySnapshot snapshot;
    snapshot.step = step;
    for (std::size_t i = 0; i < parameters_.size(); ++i) {
        const auto& parameter = parameters_[i];
        const torch::Tensor& gradient = parameter.tensor.grad();
        const torch::Tensor saliency = gradient.defined()
                                           ? elementSaliency(SaliencyKind::Taylor, parameter.tensor, gradient)
                                           : torch::zeros_like(parameter.tensor);
        const torch::Tensor mask = masks_.empty() ? torch::Tensor() : masks_[i];
        snapshot.tensors.push_back(
            downsampleSaliency(layers_[parameter.layer].name, parameter.name, saliency, mask));
    }
    return snapshot;
}

namespace {

torch::Tensor textToTensor(const std::string& text) {
    return torch::from_blob(const_cast<char*>(text.data()), {static_cast<std::int64_t>(text.size())},
                            torch::kUInt8)
        .clone();
}

std::string tensorToText(const torch::Tensor& tensor) {
    const torch::Tensor bytes = tensor.to(torch::kUInt8).cpu().contiguous();
    return std::string(reinterpret_cast<const char*>(bytes.data_ptr<std::uint8_t>()),
                       static_cast<std::size_t>(bytes.numel()));
}

// Compact CPU copies: views (masks cut from one concatenated tensor) and CUDA tensors do not
// round-trip through torch::save reliably, and CPU state resumes on any device.
torch::Tensor portable(const torch::Tensor& tensor) {
    return tensor.detach().cpu().clone(torch::MemoryFormat::Contiguous);
}

}  // namespace

void TrainingEngine::save(torch::serialize::OutputArchive& archive) const {
    torch::serialize::OutputArchive optimizerArchive;
    optimizer_.save(optimizerArchive);
    archive.write("optimizer", optimizerArchive);
    archive.write("dropout", textToTensor(dropout_.saveState()));
    archive.write("has_saliency", torch::tensor(static_cast<std::int64_t>(hasSaliency_)));
    archive.write("saliency_sums", torch::tensor(saliencySums_, torch::kDouble));
    archive.write("has_masks", torch::tensor(static_cast<std::int64_t>(!masks_.empty())));
    if (eligibleSaliency_.defined()) {
        const std::vector<torch::Tensor> saliency = flatViews(eligibleSaliency_, eligibleTensors());
        for (std::size_t j = 0; j < eligible_.size(); ++j)
            archive.write("saliency." + std::to_string(eligible_[j]), portable(saliency[j]));
    }
    for (std::size_t i = 0; i < masks_.size(); ++i)
        if (masks_[i].defined()) archive.write("mask." + std::to_string(i), portable(masks_[i]));
}

void TrainingEngine::load(torch::serialize::InputArchive& archive) {
    const torch::NoGradGuard noGrad;
    torch::serialize::InputArchive optimizerArchive;
    archive.read("optimizer", optimizerArchive);
    optimizer_.load(optimizerArchive);
    // Every read gets a fresh tensor: InputArchive::read calls set_() on a defined tensor of the
    // same device, which with a different dtype corrupts it (seen as "setStorage ... out of
    // bounds" when resuming under LibTorch 2.x).
    const auto read = [&archive](const std::string& key) {
        torch::Tensor value;
        archive.read(key, value);
        return value;
    };
    dropout_.loadState(tensorToText(read("dropout")));
    hasSaliency_ = read("has_saliency").item<std::int64_t>() != 0;
    const torch::Tensor sums = read("saliency_sums");
    if (sums.numel() != static_cast<std::int64_t>(parameters_.size()))
        throw Error("saliency state does not match the model");
    for (std::size_t i = 0; i < parameters_.size(); ++i)
        saliencySums_[i] = sums[static_cast<std::int64_t>(i)].item<double>();
    const bool hasMasks = read("has_masks").item<std::int64_t>() != 0;
    const torch::Device device =
        parameters_.empty() ? torch::Device(torch::kCPU) : parameters_.front().tensor.device();
    masks_.assign(hasMasks ? parameters_.size() : 0, torch::Tensor());
    std::vector<torch::Tensor> eligibleSaliency;
    bool anySaliency = false;
    for (std::size_t i = 0; i < parameters_.size(); ++i) {
        torch::Tensor saliency, mask;
        const bool stored = archive.try_read("saliency." + std::to_string(i), saliency);
        if (stored && !saliency.sizes().equals(parameters_[i].tensor.sizes()))
            throw Error("saliency state does not match the model");
        if (parameters_[i].eligible) {
            anySaliency = anySaliency || stored;
            eligibleSaliency.push_back(
                stored ? saliency.to(device).reshape(-1)
                       : torch::zeros({parameters_[i].tensor.numel()}, parameters_[i].tensor.options()));
        }
        if (hasMasks && archive.try_read("mask." + std::to_string(i), mask)) masks_[i] = mask.to(device);
    }
    eligibleSaliency_ = anySaliency ? torch::cat(eligibleSaliency) : torch::Tensor();
    countKeptElements();
}

}  // namespace uegr
