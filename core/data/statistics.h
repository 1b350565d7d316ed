#pragma once
// Dataset statistics for `uegr data inspect`, the studio's dataset page and the report.
#include <nlohmann/json.hpp>

#include "data/table_reader.h"

namespace uegr {

class Vocabulary;

struct DatasetStatistics {
    std::size_t rows = 0;
    std::vector<std::pair<std::string, std::size_t>> labelCounts;  // sorted by label
    double avgTokens = 0;
    std::size_t maxTokens = 0;
    std::vector<std::size_t> tokenHistogram;  // counts per bucket of histogramBucketWidth tokens
    std::size_t histogramBucketWidth = 8;
    std::size_t skippedRows = 0;
};

DatasetStatistics computeStatistics(const LabelledRows& rows, bool lowercase);
// Share of dev tokens that the vocabulary maps to <unk>.
double oovRate(const Dataset& dev, const Vocabulary& vocabulary, bool lowercase);
nlohmann::json toJson(const DatasetStatistics& statistics);  // rows, labels{}, avg_tokens, max_tokens, token_histogram, ...

}  // namespace uegr
