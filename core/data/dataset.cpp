#include "data/dataset.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "data/permutation.h"
#include "data/table_reader.h"
#include "util/error.h"
#include "util/install_paths.h"

namespace uegr {
namespace {

// "-12" and "7" are integer-like; "+3", "1.0", "" are not.
bool isIntegerLike(const std::string& text) {
    const std::size_t digitsStart = !text.empty() && text[0] == '-' ? 1 : 0;
    if (digitsStart == text.size()) return false;
    return std::all_of(text.begin() + static_cast<std::ptrdiff_t>(digitsStart), text.end(),
                       [](char c) { return c >= '0' && c <= '9'; });
}

// Numeric order of two integer-like strings of any length; 0 when equal in value.
int compareIntegers(const std::string& a, const std::string& b) {
    const bool negativeA = a[0] == '-';
    const bool negativeB = b[0] == '-';
    const auto magnitude = [](const std::string& text, bool negative) {
        std::size_t start = negative ? 1 : 0;
        while (start + 1 < text.size() && text[start] == '0') ++start;
        return text.substr(start);
    };
    const std::string magnitudeA = magnitude(a, negativeA);
    const std::string magnitudeB = magnitude(b, negativeB);
    const bool zeroA = magnitudeA == "0";
    const bool zeroB = magnitudeB == "0";
    const int signA = zeroA ? 0 : (negativeA ? -1 : 1);
    const int signB = zeroB ? 0 : (negativeB ? -1 : 1);
    if (signA != signB) return signA < signB ? -1 : 1;
    int order = 0;
    if (magnitudeA.size() != magnitudeB.size()) {
        order = magnitudeA.size() < magnitudeB.size() ? -1 : 1;
    } else {
        order = magnitudeA.compare(magnitudeB);
        order = order < 0 ? -1 : (order > 0 ? 1 : 0);
    }
    return signA < 0 ? -order : order;
}

bool labelLess(const std::string& a, const std::string& b) {
    const bool integerA = isIntegerLike(a);
    const bool integerB = isIntegerLike(b);
    if (integerA && integerB) {
        const int order = compareIntegers(a, b);
        if (order != 0) return order < 0;
        return a < b;  // "007" and "7": distinct labels of equal value
    }
    if (integerA != integerB) return integerA;
    return a < b;
}

struct SourceFiles {
    std::string train, dev, test, format;
    ColumnMapping mapping;
};

SourceFiles sourceFiles(const DataConfig& config) {
    if (!config.train.empty()) {
        return {config.train,
                config.dev,
                config.test,
                config.format,
                {config.textColumn, config.pairColumn, config.labelColumn}};
    }
    const std::string directory = demoDataDirectory();
    return {directory + "/train.csv",
            directory + "/dev.csv",
            directory + "/test.csv",
            "csv",
            {ColumnRef{"text", -1}, ColumnRef{}, ColumnRef{"label", -1}}};
}

LabelledRows loadRows(const std::string& path, const SourceFiles& files, bool skipBadRows) {
    LabelledRows rows = mapColumns(readTable(path, files.format, skipBadRows), files.mapping, skipBadRows);
    if (rows.texts.empty()) throw InputError(path, 0, "no usable rows");
    return rows;
}

void appendSkipped(DatasetSplits& splits, const std::vector<SkippedRow>& skipped) {
    splits.skipped.insert(splits.skipped.end(), skipped.begin(), skipped.end());
}

// Rows whose label the training data never had are rejected (or skipped).
Dataset toDataset(const LabelledRows& rows, const LabelSet& labels, bool skipBadRows,
                  std::vector<SkippedRow>& skipped) {
    Dataset dataset;
    dataset.source = rows.file;
    dataset.examples.reserve(rows.texts.size());
    for (std::size_t i = 0; i < rows.texts.size(); ++i) {
        const int label = labels.indexOf(rows.labels[i]);
        if (label < 0) {
            const std::string reason = "label '" + rows.labels[i] + "' does not occur in the training data";
            if (!skipBadRows) throw InputError(rows.file, rows.lines[i], reason);
            skipped.push_back({rows.file, rows.lines[i], reason});
            continue;
        }
        dataset.examples.push_back(
            {rows.texts[i], rows.pairs.empty() ? std::string() : rows.pairs[i], label, rows.lines[i]});
    }
    if (dataset.examples.empty()) throw InputError(rows.file, 0, "no usable rows");
    return dataset;
}

std::size_t splitCount(double ratio, std::size_t rows) {
    if (ratio <= 0) return 0;
    return std::max<std::size_t>(1,
                                 static_cast<std::size_t>(std::llround(ratio * static_cast<double>(rows))));
}

Dataset pick(const Dataset& all, std::vector<std::size_t> indices) {
    std::sort(indices.begin(), indices.end());  // keep file order inside every part
    Dataset part;
    part.source = all.source;
    part.examples.reserve(indices.size());
    for (const std::size_t index : indices) part.examples.push_back(all.examples[index]);
    return part;
}

}  // namespace

int LabelSet::indexOf(const std::string& label) const {
    const auto found = std::find(names_.begin(), names_.end(), label);
    return found == names_.end() ? -1 : static_cast<int>(found - names_.begin());
}

int LabelSet::add(const std::string& label) {
    const int existing = indexOf(label);
    if (existing >= 0) return existing;
    names_.push_back(label);
    return size() - 1;
}

const std::string& LabelSet::name(int index) const {
    if (index < 0 || index >= size()) {
        throw Error("label index " + std::to_string(index) + " out of range (" + std::to_string(size()) +
                    " labels)");
    }
    return names_[static_cast<std::size_t>(index)];
}

LabelSet LabelSet::fromNames(std::vector<std::string> names) {
    std::sort(names.begin(), names.end(), labelLess);
    names.erase(std::unique(names.begin(), names.end()), names.end());
    LabelSet set;
    set.names_ = std::move(names);
    return set;
}

DatasetSplits loadDatasetSplits(const DataConfig& config) {
    const SourceFiles files = sourceFiles(config);
    const bool skipBadRows = config.skipBadRows;
    DatasetSplits splits;

    const LabelledRows trainRows = loadRows(files.train, files, skipBadRows);
    appendSkipped(splits, trainRows.skipped);
    splits.labels = LabelSet::fromNames(trainRows.labels);
    Dataset train = toDataset(trainRows, splits.labels, skipBadRows, splits.skipped);

    const bool devFromTrain = files.dev.empty();
    const bool testFromTrain = files.test.empty();
    if (devFromTrain || testFromTrain) {
        const double devRatio = devFromTrain ? config.devRatio : 0.0;
        const double testRatio = testFromTrain ? config.testRatio : 0.0;
        if (devRatio < 0 || testRatio < 0 || devRatio + testRatio >= 1) {
            throw ConfigError("data.dev_ratio",
                              "dev_ratio and test_ratio must be >= 0 and sum to less than 1");
        }
        const std::size_t total = train.examples.size();
        const std::size_t devCount = splitCount(devRatio, total);
        const std::size_t testCount = splitCount(testRatio, total);
        if (devCount + testCount >= total) {
            throw InputError(files.train, 0,
                             "only " + std::to_string(total) + " usable rows: too few to split off " +
                                 std::to_string(devCount) + " dev and " + std::to_string(testCount) +
                                 " test rows");
        }
        const std::vector<std::size_t> order = seededPermutation(total, config.splitSeed);
        const auto slice = [&order](std::size_t begin, std::size_t end) {
            return std::vector<std::size_t>(order.begin() + static_cast<std::ptrdiff_t>(begin),
                                            order.begin() + static_cast<std::ptrdiff_t>(end));
        };
        if (devFromTrain) splits.dev = pick(train, slice(0, devCount));
        if (testFromTrain) splits.test = pick(train, slice(devCount, devCount + testCount));
        train = pick(train, slice(devCount + testCount, total));
    }
    splits.train = std::move(train);

    if (!devFromTrain) {
        const LabelledRows devRows = loadRows(files.dev, files, skipBadRows);
        appendSkipped(splits, devRows.skipped);
        splits.dev = toDataset(devRows, splits.labels, skipBadRows, splits.skipped);
    }
    if (!testFromTrain) {
        const LabelledRows testRows = loadRows(files.test, files, skipBadRows);
        appendSkipped(splits, testRows.skipped);
        splits.test = toDataset(testRows, splits.labels, skipBadRows, splits.skipped);
    }
    return splits;
}

}  // namespace uegr
