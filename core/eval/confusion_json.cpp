#include "eval/confusion_json.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>

#include "util/error.h"
#include "util/json_field.h"

namespace uegr {
namespace {

nlohmann::json perClassJson(const LabelledConfusion& confusion) {
    const std::vector<ClassScores> scores = perClassScores(confusion.matrix);
    nlohmann::json rows = nlohmann::json::array();
    for (std::size_t k = 0; k < scores.size(); ++k)
        rows.push_back({{"label", confusion.labels[k]},
                        {"precision", scores[k].precision},
                        {"recall", scores[k].recall},
                        {"f1", scores[k].f1},
                        {"support", scores[k].support}});
    return rows;
}

std::vector<std::int64_t> countsRow(const JsonField& row, std::size_t classes) {
    const std::vector<JsonField> cells = row.elements();
    if (cells.size() != classes) row.fail("must have " + std::to_string(classes) + " counts, one per label");
    std::vector<std::int64_t> counts;
    counts.reserve(classes);
    for (const JsonField& cell : cells) counts.push_back(cell.asCount());
    return counts;
}

}  // namespace

void addConfusionJson(nlohmann::json& object, const LabelledConfusion& confusion) {
    if (confusion.empty()) return;
    if (confusion.labels.size() != confusion.matrix.counts.size())
        throw Error("confusion matrix: " + std::to_string(confusion.matrix.counts.size()) + " classes but " +
                    std::to_string(confusion.labels.size()) + " label names");
    object["labels"] = confusion.labels;
    object["confusion"] = confusion.matrix.counts;
    object["per_class"] = perClassJson(confusion);
}

LabelledConfusion confusionFromJson(const JsonField& object) {
    const std::optional<JsonField> labels = object.find("labels");
    const std::optional<JsonField> matrix = object.find("confusion");
    if (!labels && !matrix) return {};
    if (!labels) object.fail("has \"confusion\" but no \"labels\"");
    if (!matrix) object.fail("has \"labels\" but no \"confusion\"");

    LabelledConfusion confusion;
    for (const JsonField& label : labels->elements()) confusion.labels.push_back(label.asString());
    if (confusion.labels.empty()) labels->fail("must name at least one label");
    const std::vector<JsonField> rows = matrix->elements();
    if (rows.size() != confusion.labels.size())
        matrix->fail("must have " + std::to_string(confusion.labels.size()) + " rows, one per label");
    for (const JsonField& row : rows)
        confusion.matrix.counts.push_back(countsRow(row, confusion.labels.size()));
    return confusion;
}

}  // namespace uegr
