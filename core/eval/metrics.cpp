#include "eval/metrics.h"

#include <cmath>
#include <string>

#include "util/error.h"

namespace uegr {

ConfusionMatrix ConfusionMatrix::fromLabels(const std::vector<int>& truth, const std::vector<int>& predicted,
                                            int numClasses) {
    if (truth.size() != predicted.size())
        throw Error("confusion matrix: " + std::to_string(truth.size()) + " true labels but " +
                    std::to_string(predicted.size()) + " predictions");
    if (numClasses < 1) throw Error("confusion matrix: need at least one class");
    ConfusionMatrix matrix;
    matrix.counts.assign(static_cast<std::size_t>(numClasses),
                         std::vector<std::int64_t>(static_cast<std::size_t>(numClasses), 0));
    for (std::size_t i = 0; i < truth.size(); ++i) {
        for (int label : {truth[i], predicted[i]})
            if (label < 0 || label >= numClasses)
                throw Error("confusion matrix: label " + std::to_string(label) + " outside [0, " +
                            std::to_string(numClasses) + ")");
        ++matrix.counts[static_cast<std::size_t>(truth[i])][static_cast<std::size_t>(predicted[i])];
    }
    return matrix;
}

std::int64_t ConfusionMatrix::total() const {
    std::int64_t sum = 0;
    for (const auto& row : counts)
        for (std::int64_t count : row) sum += count;
    return sum;
}

double accuracy(const ConfusionMatrix& matrix) {
    const std::int64_t total = matrix.total();
    if (total == 0) return 0.0;
    std::int64_t correct = 0;
    for (std::size_t k = 0; k < matrix.counts.size(); ++k) correct += matrix.counts[k][k];
    return static_cast<double>(correct) / static_cast<double>(total);
}

double macroF1(const ConfusionMatrix& matrix) {
    const std::size_t classes = matrix.counts.size();
    double sum = 0.0;
    int counted = 0;
    for (std::size_t k = 0; k < classes; ++k) {
        std::int64_t truePositives = matrix.counts[k][k], actual = 0, predicted = 0;
        for (std::size_t j = 0; j < classes; ++j) {
            actual += matrix.counts[k][j];
            predicted += matrix.counts[j][k];
        }
        if (actual == 0 && predicted == 0) continue;
        ++counted;
        // F1 = 2 TP / (2 TP + FP + FN) = 2 TP / (actual + predicted); 0 when TP = 0.
        sum += 2.0 * static_cast<double>(truePositives) / static_cast<double>(actual + predicted);
    }
    return counted == 0 ? 0.0 : sum / counted;
}

double matthewsCorrelation(const ConfusionMatrix& matrix) {
    const std::size_t classes = matrix.counts.size();
    // Doubles: s² overflows int64 beyond ~3e9 examples, and precision is ample for metrics.
    double correct = 0.0, total = 0.0, predictedTrue = 0.0, predictedSquared = 0.0, trueSquared = 0.0;
    for (std::size_t k = 0; k < classes; ++k) {
        double actual = 0.0, predicted = 0.0;
        for (std::size_t j = 0; j < classes; ++j) {
            actual += static_cast<double>(matrix.counts[k][j]);
            predicted += static_cast<double>(matrix.counts[j][k]);
        }
        correct += static_cast<double>(matrix.counts[k][k]);
        total += actual;
        predictedTrue += predicted * actual;
        predictedSquared += predicted * predicted;
        trueSquared += actual * actual;
    }
    const double denominator = std::sqrt((total * total - predictedSquared) * (total * total - trueSquared));
    if (denominator == 0.0) return 0.0;
    return (correct * total - predictedTrue) / denominator;
}

std::vector<ClassScores> perClassScores(const ConfusionMatrix& matrix) {
    const std::size_t classes = matrix.counts.size();
    std::vector<ClassScores> scores(classes);
    const auto ratio = [](std::int64_t part, std::int64_t whole) {
        return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
    };
    for (std::size_t k = 0; k < classes; ++k) {
        std::int64_t predicted = 0;
        ClassScores& score = scores[k];
        for (std::size_t j = 0; j < classes; ++j) {
            score.support += matrix.counts[k][j];
            predicted += matrix.counts[j][k];
        }
        const std::int64_t truePositives = matrix.counts[k][k];
        score.precision = ratio(truePositives, predicted);
        score.recall = ratio(truePositives, score.support);
        score.f1 = ratio(2 * truePositives, score.support + predicted);
    }
    return scores;
}

}  // namespace uegr
