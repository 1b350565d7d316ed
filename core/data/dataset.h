#pragma once
// Labelled text examples as the trainer consumes them. Labels are indices into a LabelSet
// built from the training file (string labels keep their spelling; integer labels are kept
// as their decimal string).
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "config/run_config.h"

namespace uegr {

struct Example {
    std::string text;
    std::string pair;  // second text for sentence-pair tasks; empty otherwise
    int label = -1;    // index into LabelSet
    std::size_t line = 0;  // first line of the row in its source file (1-based)
};

class LabelSet {
public:
    int indexOf(const std::string& label) const;  // -1 when unknown
    int add(const std::string& label);            // existing index or a new one
    const std::string& name(int index) const;
    const std::vector<std::string>& names() const { return names_; }
    int size() const { return static_cast<int>(names_.size()); }
    // Integer-looking labels sort numerically, others lexicographically, so indices do not
    // depend on row order.
    static LabelSet fromNames(std::vector<std::string> names);

private:
    std::vector<std::string> names_;
};

struct Dataset {
    std::string source;  // file the rows came from (or "<train split>")
    std::vector<Example> examples;
};

struct SkippedRow {
    std::string file;
    std::size_t line = 0;
    std::string reason;
};

struct DatasetSplits {
    LabelSet labels;
    Dataset train, dev, test;
    std::vector<SkippedRow> skipped;  // only with data.skip_bad_rows
};

// Loads train/dev/test as data.* describes (separate files or a seeded split of train).
// Throws InputError "FILE:LINE: ..." on malformed input unless data.skip_bad_rows is set.
DatasetSplits loadDatasetSplits(const DataConfig& config);

}  // namespace uegr
