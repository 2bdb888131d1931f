#pragma once
// How well a score separates poisons from clean points: the area under the ROC curve and the true-positive rate at
// a fixed false-positive rate, as the poisoning-detection literature reports them. Torch-free.
#include <vector>

namespace pacd {

/// One point of an ROC curve.
struct RocPoint {
    double falsePositiveRate = 0.0;
    double truePositiveRate = 0.0;
};

/// Area under the ROC curve of `scores` (higher = more suspicious) for the labels `positive`: the probability that a
/// random positive scores above a random negative, ties counting one half (Mann-Whitney). Throws pacd::Error when
/// the lengths differ or either class is empty.
double rocAuc(const std::vector<double>& scores, const std::vector<bool>& positive);

/// The true-positive rate of the strictest threshold that flags at most `fpr` of the negatives: with k = floor(fpr
/// × negatives), the threshold is the (k + 1)-th highest negative score and a point is flagged when it scores
/// strictly above it (ties with that negative are not flagged). Throws as rocAuc.
double tprAtFpr(const std::vector<double>& scores, const std::vector<bool>& positive, double fpr);

/// The ROC curve from (0, 0) to (1, 1), one point per distinct score (descending thresholds), for plots.
std::vector<RocPoint> rocCurve(const std::vector<double>& scores, const std::vector<bool>& positive);

} // namespace pacd
