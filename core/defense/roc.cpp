#include "defense/roc.h"

#include "support/error.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace pacd {
namespace {

void requireBothClasses(const std::vector<double>& scores, const std::vector<bool>& positive) {
    require(scores.size() == positive.size(), "ROC: ", scores.size(), " scores for ", positive.size(), " labels");
    const auto positives = std::count(positive.begin(), positive.end(), true);
    require(positives > 0 && positives < static_cast<std::ptrdiff_t>(positive.size()),
            "ROC: needs both poisons and clean points (", positives, " poisons of ", positive.size(), ")");
}

} // namespace

double rocAuc(const std::vector<double>& scores, const std::vector<bool>& positive) {
    requireBothClasses(scores, positive);
    // Rank sum with average ranks for ties: AUC = (R+ − n+(n+ + 1)/2) / (n+ n−).
    std::vector<std::size_t> order(scores.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return scores[a] < scores[b]; });
    double rankSum = 0;
    double positives = 0;
    for (std::size_t i = 0; i < order.size();) {
        std::size_t j = i;
        while (j < order.size() && scores[order[j]] == scores[order[i]])
            ++j;
        const double averageRank = 0.5 * static_cast<double>(i + 1 + j); // ranks i+1 .. j
        for (std::size_t r = i; r < j; ++r)
            if (positive[order[r]]) {
                rankSum += averageRank;
                positives += 1;
            }
        i = j;
    }
    const double negatives = static_cast<double>(scores.size()) - positives;
    return (rankSum - positives * (positives + 1) / 2) / (positives * negatives);
}

double tprAtFpr(const std::vector<double>& scores, const std::vector<bool>& positive, double fpr) {
    requireBothClasses(scores, positive);
    require(fpr >= 0 && fpr <= 1, "ROC: false-positive rate ", fpr, " is outside [0, 1]");
    std::vector<double> negatives, positives;
    for (std::size_t i = 0; i < scores.size(); ++i)
        (positive[i] ? positives : negatives).push_back(scores[i]);
    std::sort(negatives.begin(), negatives.end(), std::greater<>());
    const auto allowed = static_cast<std::size_t>(std::floor(fpr * static_cast<double>(negatives.size()) + 1e-9));
    if (allowed >= negatives.size()) return 1.0;
    const double threshold = negatives[allowed];
    const auto flagged = std::count_if(positives.begin(), positives.end(), [&](double s) { return s > threshold; });
    return static_cast<double>(flagged) / static_cast<double>(positives.size());
}

std::vector<RocPoint> rocCurve(const std::vector<double>& scores, const std::vector<bool>& positive) {
    requireBothClasses(scores, positive);
    std::vector<std::size_t> order(scores.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return scores[a] > scores[b]; });
    const double positives = static_cast<double>(std::count(positive.begin(), positive.end(), true));
    const double negatives = static_cast<double>(scores.size()) - positives;
    std::vector<RocPoint> curve{{0.0, 0.0}};
    double tp = 0, fp = 0;
    for (std::size_t i = 0; i < order.size();) {
        std::size_t j = i;
        while (j < order.size() && scores[order[j]] == scores[order[i]]) {
            (positive[order[j]] ? tp : fp) += 1;
            ++j;
        }
        curve.push_back({fp / negatives, tp / positives});
        i = j;
    }
    return curve;
}

} // namespace pacd
