#include "saliency_source.h"

#include <torch/serialize.h>
#include <QDir>
#include <filesystem>
#include <mutex>

#include "data/dataset.h"
#include "explain/parameter_saliency.h"
#include "explain/token_saliency.h"
#include "model/model_bundle.h"
#include "text/batching.h"
#include "util/error.h"

namespace uegr::studio {
namespace {

namespace fs = std::filesystem;

bool isBundle(const fs::path& folder) {
    return fs::is_regular_file(folder / "model.safetensors");
}

// RUN/checkpoints/step-N with model.pt, in a run that has its model/ bundle.
bool isCheckpoint(const fs::path& folder) {
    return fs::is_regular_file(folder / "model.pt") && folder.parent_path().filename() == "checkpoints" &&
           isBundle(folder.parent_path().parent_path() / "model");
}

// The N of step-N; -1 when the folder is not named so.
qint64 checkpointStepOf(const fs::path& folder) {
    bool ok = false;
    const QString name = QString::fromStdString(folder.filename().string());
    const qint64 step = name.startsWith(QStringLiteral("step-")) ? name.mid(5).toLongLong(&ok) : -1;
    return ok ? step : -1;
}

void loadCheckpointWeights(TextClassifierImpl& model, const fs::path& checkpointDir) {
    const fs::path file = checkpointDir / "model.pt";
    try {
        torch::serialize::InputArchive archive;
        archive.load_from(file.string(), torch::Device(torch::kCPU));
        model.load(archive);
    } catch (const c10::Error& error) {
        throw Error("cannot read " + file.string() + ": " + error.what_without_backtrace());
    }
}

const Dataset& splitToExplain(const DatasetSplits& splits) {
    if (!splits.dev.examples.empty()) return splits.dev;
    if (!splits.test.examples.empty()) return splits.test;
    return splits.train;
}

TokenSaliencyResult toResult(const TokenAttribution& attribution) {
    TokenSaliencyResult result;
    for (const std::string& token : attribution.tokens) result.tokens << QString::fromStdString(token);
    result.scores = QVector<double>(attribution.scores.begin(), attribution.scores.end());
    result.probabilities =
        QVector<double>(attribution.probabilities.begin(), attribution.probabilities.end());
    result.predicted = attribution.predicted;
    result.target = attribution.target;
    result.targetLogit = attribution.targetLogit;
    result.baselineLogit = attribution.baselineLogit;
    return result;
}

}  // namespace

struct SaliencySource::Impl {
    mutable std::mutex modelMutex;  // one computation at a time on the model
    ModelBundle bundle;
    QString bundleFolder;
    QString checkpointFolder;
    qint64 checkpointStep = -1;
    Split split = Split::None;
    QString examplesOrigin;
    QString examplesError;
    QStringList labels;
    Dataset dataset;  // example labels are indices into bundle.labels (-1: unknown to the model)
    std::vector<SaliencyExample> examples;
    std::unique_ptr<EncodedDataset> encoded;

    // `text` and `pair` are what `ids` encode; the result shows their spelling of each token.
    TokenSaliencyResult explain(const std::string& text, const std::string& pair,
                                const std::vector<std::int64_t>& ids, TokenSaliencyMethod method, int steps,
                                int target) const {
        TokenAttributionOptions options;
        options.method = method == TokenSaliencyMethod::IntegratedGradients
                             ? AttributionMethod::IntegratedGradients
                             : AttributionMethod::GradientTimesInput;
        options.steps = steps;
        options.target = target;
        const std::lock_guard<std::mutex> lock(modelMutex);
        TokenAttribution attribution = attributeTokens(*bundle.model, bundle.encoder, ids, options);
        std::vector<std::string> spelled = bundle.encoder.spell(text, pair, bundle.maxLength);
        if (spelled.size() == attribution.tokens.size()) attribution.tokens = std::move(spelled);
        return toResult(attribution);
    }

    void loadExamples(const DataConfig& data) {
        const DatasetSplits splits = loadDatasetSplits(data);
        const Dataset& chosen = splitToExplain(splits);
        dataset.source = chosen.source;
        for (Example example : chosen.examples) {
            const std::string& name = splits.labels.name(example.label);
            examples.push_back({QString::fromStdString(example.text), QString::fromStdString(example.pair),
                                QString::fromStdString(name)});
            example.label = bundle.labels.indexOf(name);
            dataset.examples.push_back(std::move(example));
        }
        split = &chosen == &splits.dev ? Split::Dev : &chosen == &splits.test ? Split::Test : Split::Train;
        if (examples.empty()) split = Split::None;
    }
};

SaliencySource::SaliencySource() : impl_(std::make_unique<Impl>()) {}
SaliencySource::~SaliencySource() = default;

std::shared_ptr<SaliencySource> SaliencySource::open(const QString& folder, const DataConfig& fallbackData) {
    fs::path bundleDir = fs::path(QDir::cleanPath(folder).toStdString());
    fs::path runDir;
    fs::path checkpointDir;
    if (isCheckpoint(bundleDir)) {
        checkpointDir = bundleDir;
        runDir = checkpointDir.parent_path().parent_path();
        bundleDir = runDir / "model";
    } else if (isBundle(bundleDir / "model")) {
        runDir = bundleDir;
        bundleDir /= "model";
    } else if (isBundle(bundleDir)) {
        const fs::path parent = bundleDir.parent_path();
        if (bundleDir.filename() == "model" && fs::is_regular_file(parent / "config.json")) runDir = parent;
    } else {
        throw Error(folder.toStdString() +
                    " is neither a run folder, a run's checkpoint nor a model bundle (no model.safetensors, "
                    "no model.pt in RUN/checkpoints/step-N)");
    }

    std::shared_ptr<SaliencySource> source(new SaliencySource);
    Impl& impl = *source->impl_;
    impl.bundle = loadModelBundle(bundleDir.string());
    impl.bundleFolder = QString::fromStdString(bundleDir.string());
    if (!checkpointDir.empty()) {
        loadCheckpointWeights(*impl.bundle.model, checkpointDir);
        impl.checkpointFolder = QString::fromStdString(checkpointDir.string());
        impl.checkpointStep = checkpointStepOf(checkpointDir);
    }
    for (const std::string& name : impl.bundle.labels.names()) impl.labels << QString::fromStdString(name);
    try {
        if (!runDir.empty()) {
            const fs::path configPath = runDir / "config.json";
            impl.examplesOrigin = QString::fromStdString(configPath.string());
            impl.loadExamples(loadRunConfig(configPath.string()).data);
        } else {
            impl.loadExamples(fallbackData);
        }
    } catch (const Error& error) {
        impl.examples.clear();
        impl.dataset.examples.clear();
        impl.split = Split::None;
        impl.examplesError = QString::fromStdString(error.what());
    }
    impl.encoded = std::make_unique<EncodedDataset>(impl.dataset, impl.bundle.encoder, impl.bundle.maxLength);
    return source;
}

QString SaliencySource::bundleFolder() const {
    return impl_->bundleFolder;
}

QString SaliencySource::checkpointFolder() const {
    return impl_->checkpointFolder;
}

qint64 SaliencySource::checkpointStep() const {
    return impl_->checkpointStep;
}

SaliencySource::Split SaliencySource::examplesSplit() const {
    return impl_->split;
}

QString SaliencySource::examplesOrigin() const {
    return impl_->examplesOrigin;
}

QString SaliencySource::examplesError() const {
    return impl_->examplesError;
}

const QStringList& SaliencySource::labels() const {
    return impl_->labels;
}

const std::vector<SaliencyExample>& SaliencySource::examples() const {
    return impl_->examples;
}

TokenSaliencyResult SaliencySource::explainExample(int index, TokenSaliencyMethod method, int steps,
                                                   int target) const {
    if (index < 0 || static_cast<std::size_t>(index) >= impl_->examples.size())
        throw Error("example " + std::to_string(index) + " out of range");
    const Example& example = impl_->dataset.examples[static_cast<std::size_t>(index)];
    return impl_->explain(example.text, example.pair, impl_->encoded->ids(static_cast<std::size_t>(index)),
                          method, steps, target);
}

TokenSaliencyResult SaliencySource::explainText(const QString& text, TokenSaliencyMethod method, int steps,
                                                int target) const {
    Dataset single;
    single.source = "<text>";
    single.examples.push_back(Example{text.toStdString(), {}, -1, 0});
    const EncodedDataset encoded(single, impl_->bundle.encoder, impl_->bundle.maxLength);
    return impl_->explain(single.examples[0].text, {}, encoded.ids(0), method, steps, target);
}

SaliencySnapshot SaliencySource::parameterSnapshot(int exampleCount) const {
    std::vector<std::size_t> indices;
    for (std::size_t i = 0;
         i < impl_->dataset.examples.size() && static_cast<int>(indices.size()) < exampleCount; ++i)
        if (impl_->dataset.examples[i].label >= 0) indices.push_back(i);
    if (indices.empty()) throw Error("no example with a label the model knows to compute the loss on");
    const Batch batch = impl_->encoded->makeBatch(indices);
    const std::lock_guard<std::mutex> lock(impl_->modelMutex);
    return parameterSaliencySnapshot(*impl_->bundle.model, batch);
}

}  // namespace uegr::studio
