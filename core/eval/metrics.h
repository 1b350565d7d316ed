#pragma once
// Clean classification metrics over label indices: accuracy, macro-F1, the multi-class
// Matthews correlation coefficient and per-class scores, all computed from one confusion matrix.
#include <cstdint>
#include <vector>

namespace uegr {

// counts[t][p]: examples of true class t predicted as p. Labels outside [0, numClasses) throw
// uegr::Error.
struct ConfusionMatrix {
    std::vector<std::vector<std::int64_t>> counts;

    static ConfusionMatrix fromLabels(const std::vector<int>& truth, const std::vector<int>& predicted,
                                      int numClasses);
    std::int64_t total() const;
};

double accuracy(const ConfusionMatrix& matrix);  // 0 for an empty matrix

// Mean over classes of per-class F1; a class with neither true nor predicted examples is left
// out (as scikit-learn does), and a class with zero precision and recall has F1 = 0.
double macroF1(const ConfusionMatrix& matrix);

// Gorodkin's R_K: (c·s − Σ p_k t_k) / sqrt((s² − Σ p_k²)(s² − Σ t_k²)) with c correct, s total,
// p_k predicted and t_k true counts of class k; 0 when the denominator is 0. Equals the
// binary MCC for two classes.
double matthewsCorrelation(const ConfusionMatrix& matrix);

// One class's row of the per-class report. As scikit-learn with zero_division=0: precision is 0
// for a class never predicted, recall 0 for a class without true examples, F1 0 when both are 0.
struct ClassScores {
    double precision = 0.0, recall = 0.0, f1 = 0.0;
    std::int64_t support = 0;  // true examples of the class (its row sum)
};

// One entry per class, in index order.
std::vector<ClassScores> perClassScores(const ConfusionMatrix& matrix);

}  // namespace uegr
