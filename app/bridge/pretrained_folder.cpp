#include "pretrained_folder.h"

#include <QStringList>

#include "model/hf_classifier.h"
#include "model/step_cost.h"
#include "text/subword_tokenizer.h"
#include "util/error.h"

namespace uegr::studio {

PretrainedFolderSummary describePretrainedFolder(const QString& folder, const RunConfig& config) {
    PretrainedFolderSummary summary;
    summary.folder = folder;
    try {
        const std::string path = folder.toStdString();
        if (!isHfModelFolder(path))
            throw Error(path + " is not a Hugging Face model folder (config.json with a model_type)");
        const HfModelInfo info = readHfModelInfo(path);
        const std::unique_ptr<SubwordTokenizer> tokenizer = loadSubwordTokenizer(path);
        summary.architecture = QString::fromStdString(info.modelType);
        summary.layers = static_cast<int>(info.numLayers);
        summary.hiddenSize = static_cast<int>(info.hiddenSize);
        summary.heads = static_cast<int>(info.numHeads);
        summary.maxPositions = static_cast<int>(info.maxPositions);
        summary.parameters = info.parameterCount;
        summary.tokenizer = QString::fromStdString(tokenizer->kind());
        summary.vocabSize = tokenizer->vocabSize();
        summary.hasWeights = info.hasWeights;
        for (const std::string& label : info.labels) summary.labels << QString::fromStdString(label);
        // Measured once per process: the panel re-describes on every edit of a key the estimate uses.
        static const double cpuFlopsPerSecond = measureCpuFlopsPerSecond();
        summary.estimatedCpuStepSeconds = estimateStepSeconds(info, config, cpuFlopsPerSecond);
        summary.slowOnCpu = summary.estimatedCpuStepSeconds > kSlowCpuStepSeconds;
    } catch (const std::exception& error) {
        summary = PretrainedFolderSummary{};
        summary.folder = folder;
        summary.error = QString::fromStdString(error.what());
    }
    return summary;
}

}  // namespace uegr::studio
