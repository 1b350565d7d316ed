#pragma once
// The allowed range of every numeric run-config key, in one table: validate() checks values
// against it and the studio's editors take their limits from it, so the two cannot drift apart.
// Cross-key limits (test_ratio < 1 - dev_ratio, dropout_max >= dropout_min) are validate()'s.
#include <string>
#include <vector>

namespace uegr {

struct NumericRange {
    std::string key;  // dotted JSON path, e.g. "data.dev_ratio"
    double low;
    bool lowInclusive;
    double high;  // infinity: no upper limit
    bool highInclusive;
};

const std::vector<NumericRange>& numericRanges();
// The range of a numeric key; throws std::out_of_range for a key that is not in the table.
const NumericRange& numericRange(const std::string& key);

}  // namespace uegr
