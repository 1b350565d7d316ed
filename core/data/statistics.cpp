#include "data/statistics.h"

#include <algorithm>
#include <unordered_map>

#include "text/tokenizer.h"
#include "text/vocabulary.h"

namespace uegr {

// Token counts are text plus pair tokens (the <sep> that batching adds is not counted).
DatasetStatistics computeStatistics(const LabelledRows& rows, bool lowercase) {
    DatasetStatistics statistics;
    statistics.rows = rows.texts.size();
    statistics.skippedRows = rows.skipped.size();

    std::unordered_map<std::string, std::size_t> counts;
    for (const std::string& label : rows.labels) ++counts[label];
    std::vector<std::string> names;
    names.reserve(counts.size());
    for (const auto& entry : counts) names.push_back(entry.first);
    const LabelSet sorted = LabelSet::fromNames(std::move(names));
    for (const std::string& name : sorted.names()) {
        statistics.labelCounts.emplace_back(name, counts[name]);
    }

    std::vector<std::size_t> lengths;
    lengths.reserve(rows.texts.size());
    std::size_t totalTokens = 0;
    for (std::size_t i = 0; i < rows.texts.size(); ++i) {
        std::size_t length = tokenize(rows.texts[i], lowercase).size();
        if (!rows.pairs.empty()) length += tokenize(rows.pairs[i], lowercase).size();
        lengths.push_back(length);
        totalTokens += length;
        statistics.maxTokens = std::max(statistics.maxTokens, length);
    }
    if (!lengths.empty()) {
        statistics.avgTokens = static_cast<double>(totalTokens) / static_cast<double>(lengths.size());
        statistics.tokenHistogram.assign(statistics.maxTokens / statistics.histogramBucketWidth + 1, 0);
        for (const std::size_t length : lengths)
            ++statistics.tokenHistogram[length / statistics.histogramBucketWidth];
    }
    return statistics;
}

double oovRate(const Dataset& dev, const Vocabulary& vocabulary, bool lowercase) {
    std::size_t tokens = 0;
    std::size_t unknown = 0;
    const auto count = [&](const std::string& text) {
        for (const std::string& token : tokenize(text, lowercase)) {
            ++tokens;
            if (vocabulary.idOf(token) == Vocabulary::kUnk) ++unknown;
        }
    };
    for (const Example& example : dev.examples) {
        count(example.text);
        if (!example.pair.empty()) count(example.pair);
    }
    return tokens == 0 ? 0.0 : static_cast<double>(unknown) / static_cast<double>(tokens);
}

nlohmann::json toJson(const DatasetStatistics& statistics) {
    nlohmann::json labels = nlohmann::json::object();
    for (const auto& [label, count] : statistics.labelCounts) labels[label] = count;
    return {{"rows", statistics.rows},
            {"labels", labels},
            {"avg_tokens", statistics.avgTokens},
            {"max_tokens", statistics.maxTokens},
            {"token_histogram", statistics.tokenHistogram},
            {"histogram_bucket_width", statistics.histogramBucketWidth},
            {"skipped_rows", statistics.skippedRows}};
}

}  // namespace uegr
