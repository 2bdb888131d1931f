#include "defense/detection.h"

#include "defense/detectors.h"
#include "defense/roc.h"
#include "support/error.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>

namespace pacd {

const std::vector<double>& ScoredTargetClass::scoresOf(Detector detector) const {
    for (const auto& [kind, values] : scores)
        if (kind == detector) return values;
    fail("no scores of detector ", nameOf(detector));
}

std::int64_t ScoredTargetClass::poisonCount() const {
    return static_cast<std::int64_t>(std::count(poisoned.begin(), poisoned.end(), true));
}

ScoredTargetClass scoreTargetClass(const torch::Tensor& features, const torch::Tensor& labels,
                                   const std::vector<std::int64_t>& positions, const std::vector<std::int64_t>& poisons,
                                   std::int64_t target, const DetectorConfig& config) {
    require(features.dim() == 2 && features.size(0) == labels.size(0) &&
                features.size(0) == static_cast<std::int64_t>(positions.size()),
            "detection: ", features.sizes(), " features, ", labels.sizes(), " labels and ", positions.size(), " positions");
    ScoredTargetClass out;
    const std::set<std::int64_t> poisonSet(poisons.begin(), poisons.end());
    const auto labelsLong = labels.to(torch::kLong).contiguous();
    const auto label = labelsLong.accessor<std::int64_t, 1>();
    std::vector<std::int64_t> rows;
    for (std::int64_t row = 0; row < labelsLong.size(0); ++row)
        if (label[row] == target) {
            rows.push_back(row);
            out.positions.push_back(positions[static_cast<std::size_t>(row)]);
            out.poisoned.push_back(poisonSet.count(positions[static_cast<std::size_t>(row)]) > 0);
        }
    require(rows.size() >= 2, "detection: class ", target, " has ", rows.size(), " training points (at least 2 needed)");
    const auto index = torch::tensor(rows, torch::kLong);
    const auto ofClass = features.index_select(0, index);
    const auto toVector = [](const torch::Tensor& t) {
        const auto d = t.to(torch::kDouble).contiguous();
        return std::vector<double>(d.data_ptr<double>(), d.data_ptr<double>() + d.numel());
    };
    out.scores.emplace_back(Detector::Spectral, toVector(spectralSignatureScores(ofClass)));
    const auto clustering = activationClustering(ofClass, config.clusteringDims, config.seed);
    out.scores.emplace_back(Detector::ActivationClustering, toVector(clustering.scores));
    out.silhouette = clustering.silhouette;
    out.smallerCluster = clustering.smallerSize;
    const auto k = std::min<std::int64_t>(config.neighbours, features.size(0) - 1);
    out.scores.emplace_back(Detector::DeepKnn,
                            toVector(deepKnnScores(ofClass, labelsLong.index_select(0, index), features, labelsLong, k, rows)));
    return out;
}

std::vector<std::int64_t> topScored(const std::vector<std::int64_t>& positions, const std::vector<double>& scores,
                                    std::int64_t count) {
    require(positions.size() == scores.size(), "filter: ", positions.size(), " positions for ", scores.size(), " scores");
    std::vector<std::size_t> order(positions.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return scores[a] > scores[b]; });
    std::vector<std::int64_t> out;
    for (std::size_t r = 0; r < order.size() && static_cast<std::int64_t>(r) < count; ++r)
        out.push_back(positions[order[r]]);
    std::sort(out.begin(), out.end());
    return out;
}

DetectorVerdict judge(const ScoredTargetClass& scored, Detector detector, std::int64_t budget) {
    DetectorVerdict verdict;
    verdict.detector = detector;
    const auto& scores = scored.scoresOf(detector);
    const auto poisons = scored.poisonCount();
    if (poisons > 0 && poisons < static_cast<std::int64_t>(scores.size())) {
        verdict.auc = rocAuc(scores, scored.poisoned);
        verdict.tprAt5 = tprAtFpr(scores, scored.poisoned, 0.05);
    }
    std::set<std::int64_t> poisonPositions;
    for (std::size_t i = 0; i < scored.positions.size(); ++i)
        if (scored.poisoned[i]) poisonPositions.insert(scored.positions[i]);
    for (const auto p : topScored(scored.positions, scores, budget))
        verdict.removedPoisons += poisonPositions.count(p);
    return verdict;
}

std::int64_t filterBudget(double poisonFraction, std::int64_t targetPoints) {
    const auto poisons =
        poisonFraction >= 1.0
            ? targetPoints
            : std::clamp<std::int64_t>(std::llround(poisonFraction * static_cast<double>(targetPoints)), 1, targetPoints);
    return std::min(targetPoints, static_cast<std::int64_t>(std::llround(kFilterBudget * static_cast<double>(poisons))));
}

} // namespace pacd
