#pragma once
// The defender's detection step, shared by the experiment's detect stage and `pacd-cli detect`: score the target
// class's training points with every detector on a model's features, and judge the scores against the known poisons.
#include "defense/defense_config.h"

#include <torch/types.h>

#include <cstdint>
#include <utility>
#include <vector>

namespace pacd {

/// Every detector's scores of one training set's target-class points.
struct ScoredTargetClass {
    std::vector<std::int64_t> positions; ///< training-file positions of the target-class points, in row order
    std::vector<bool> poisoned;          ///< whether each is a poison (all false for clean data)
    std::vector<std::pair<Detector, std::vector<double>>> scores; ///< per detector, one score per point
    double silhouette = 0.0;                                      ///< activation clustering's 2-clustering silhouette
    std::int64_t smallerCluster = 0;                              ///< its smaller cluster's size

    const std::vector<double>& scoresOf(Detector detector) const;
    std::int64_t poisonCount() const;
};

/// Scores the rows labelled `target` of a training set: features [N, D] of every row (deep k-NN's neighbours come
/// from every class), labels [N], positions (training-file position per row), poisons (positions of the poisoned
/// rows). Deep k-NN's k is clamped to N − 1.
ScoredTargetClass scoreTargetClass(const torch::Tensor& features, const torch::Tensor& labels,
                                   const std::vector<std::int64_t>& positions, const std::vector<std::int64_t>& poisons,
                                   std::int64_t target, const DetectorConfig& config);

/// The `count` positions with the highest scores (ties: the earlier row first), sorted by position: what a filter
/// removes.
std::vector<std::int64_t> topScored(const std::vector<std::int64_t>& positions, const std::vector<double>& scores,
                                    std::int64_t count);

/// How one detector did: ROC AUC and TPR at 5 % FPR (-1 unless both poisons and clean points were scored) and the
/// poisons among the `budget` top-scored points.
struct DetectorVerdict {
    Detector detector = Detector::None;
    double auc = -1.0;
    double tprAt5 = -1.0;
    std::int64_t removedPoisons = 0;
};
DetectorVerdict judge(const ScoredTargetClass& scored, Detector detector, std::int64_t budget);

/// 1.5 × the poison count a class of `targetPoints` gets at `poisonFraction` (the attack's seeded count), at most the
/// class: the points a filter removes.
std::int64_t filterBudget(double poisonFraction, std::int64_t targetPoints);

} // namespace pacd
