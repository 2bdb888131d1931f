#include "test_helpers.h"

#include "defense/detection.h"
#include "defense/detectors.h"
#include "defense/roc.h"

using namespace pacd;

namespace {

std::vector<double> values(const torch::Tensor& t) {
    const auto d = t.to(torch::kDouble).contiguous();
    return {d.data_ptr<double>(), d.data_ptr<double>() + d.numel()};
}

} // namespace

class TestDetectors : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void spectralScoresAreSquaredCentredProjections();
    void spectralSignaturesFindAPlantedDirection();
    void activationClusteringSeparatesTwoClusters();
    void activationClusteringOnNoisyBlobs();
    void deepKnnFlagsDuplicatedMislabeledPoints();
    void rocAucAndTprAgainstHandComputedValues();
    void rocRefusesOneClass();
    void filterTakesTheTopScoredPoints();
    void scoreTargetClassScoresOnlyTheTargetRows();
};

void TestDetectors::spectralScoresAreSquaredCentredProjections() {
    // Rows a_i u + b on one line: the top singular vector is ±u, so the score is (a_i − mean a)²; a = 1, 2, 3, 10 has
    // mean 4: scores 9, 4, 1, 36 whatever the offset b.
    const auto u = torch::tensor({0.5, -0.5, 0.5, 0.5}, torch::kDouble);
    const auto b = torch::tensor({3.0, 1.0, -2.0, 0.25}, torch::kDouble);
    const auto a = torch::tensor({1.0, 2.0, 3.0, 10.0}, torch::kDouble);
    const auto features = a.unsqueeze(1) * u.unsqueeze(0) + b;
    const auto scores = values(spectralSignatureScores(features));
    const std::vector<double> expected{9, 4, 1, 36};
    for (std::size_t i = 0; i < expected.size(); ++i)
        QVERIFY2(std::abs(scores[i] - expected[i]) < 1e-9, std::to_string(scores[i]).c_str());
}

void TestDetectors::spectralSignaturesFindAPlantedDirection() {
    // 200 clean points of isotropic noise (s.d. 0.1, 20 dims) and 20 poisons moved 1.0 along a planted direction: the
    // 20 top scores are the poisons (AUC 1).
    torch::manual_seed(1);
    auto features = 0.1 * torch::randn({220, 20}, torch::kDouble);
    auto direction = torch::randn({20}, torch::kDouble);
    direction /= direction.norm();
    features.slice(0, 200) += direction;
    const auto scores = values(spectralSignatureScores(features));
    std::vector<bool> poisoned(220, false);
    std::fill(poisoned.begin() + 200, poisoned.end(), true);
    QCOMPARE(rocAuc(scores, poisoned), 1.0);
    QCOMPARE(tprAtFpr(scores, poisoned, 0.05), 1.0);
}

void TestDetectors::activationClusteringSeparatesTwoClusters() {
    // 30 copies of one point and 10 of another, 12 dims: the smaller cluster is the 10, each point sits on its centre
    // (a = 0) and the other is at distance d (b = d): silhouette exactly 1, scores +d (smaller) and −d (larger).
    auto features = torch::zeros({40, 12}, torch::kDouble);
    features.slice(0, 30, 40).fill_(5.0);
    const auto d = std::sqrt(12.0) * 5.0;
    for (const std::uint64_t seed : {0ULL, 3ULL, 11ULL}) {
        const auto result = activationClustering(features, 10, seed);
        QCOMPARE(result.smallerSize, std::int64_t{10});
        QVERIFY(torch::equal(result.inSmaller, torch::arange(40).ge(30)));
        QVERIFY(std::abs(result.silhouette - 1.0) < 1e-12);
        const auto scores = values(result.scores);
        QVERIFY(std::abs(scores[35] - d) < 1e-9 && std::abs(scores[0] + d) < 1e-9);
    }
}

void TestDetectors::activationClusteringOnNoisyBlobs() {
    // Two Gaussian blobs 6 s.d. apart (300 and 60 points, 50 dims): 2-means on the 10 principal dims finds them.
    torch::manual_seed(2);
    auto features = torch::randn({360, 50}, torch::kDouble);
    features.slice(0, 300).select(1, 0) += 6.0;
    const auto result = activationClustering(features, 10, 0);
    QCOMPARE(result.smallerSize, std::int64_t{60});
    QVERIFY(torch::equal(result.inSmaller, torch::arange(360).lt(300).logical_not()));
    QVERIFY2(result.silhouette > 0.3 && result.silhouette < 1.0, std::to_string(result.silhouette).c_str());
    std::vector<bool> smaller(360, false);
    std::fill(smaller.begin() + 300, smaller.end(), true);
    QCOMPARE(rocAuc(values(result.scores), smaller), 1.0);
}

void TestDetectors::deepKnnFlagsDuplicatedMislabeledPoints() {
    // Class 0 at x = 0..9, class 1 at x = 100..109 (y = 0); two points labelled 1 duplicate class 0's x = 0 and x = 9.
    // k = 3: a duplicate's neighbours are three class-0 points (score 1, flagged); class 0's x = 0 has the duplicate
    // among its three (1/3, not flagged); x = 5 has only class 0 (0).
    std::vector<double> xs;
    std::vector<std::int64_t> labels;
    for (int i = 0; i < 10; ++i) {
        xs.push_back(i);
        labels.push_back(0);
    }
    for (int i = 0; i < 10; ++i) {
        xs.push_back(100 + i);
        labels.push_back(1);
    }
    xs.push_back(0); // row 20
    labels.push_back(1);
    xs.push_back(9); // row 21
    labels.push_back(1);
    const auto n = static_cast<std::int64_t>(xs.size());
    const auto features = torch::stack({torch::tensor(xs, torch::kDouble), torch::zeros({n}, torch::kDouble)}, 1);
    const auto y = torch::tensor(labels, torch::kLong);
    std::vector<std::int64_t> self(static_cast<std::size_t>(n));
    std::iota(self.begin(), self.end(), 0);
    const auto scores = values(deepKnnScores(features, y, features, y, 3, self));
    QCOMPARE(scores[20], 1.0);
    QCOMPARE(scores[21], 1.0);
    QVERIFY(std::abs(scores[0] - 1.0 / 3) < 1e-12);
    QCOMPARE(scores[5], 0.0);
    QCOMPARE(scores[15], 0.0);
    const auto flags = deepKnnFlags(features, y, features, y, 3, self);
    QCOMPARE(flags.sum().item<std::int64_t>(), std::int64_t{2});
    QVERIFY(flags[20].item<bool>() && flags[21].item<bool>());
    std::vector<bool> mislabeled(static_cast<std::size_t>(n), false);
    mislabeled[20] = mislabeled[21] = true;
    QCOMPARE(rocAuc(scores, mislabeled), 1.0);
    PACD_EXPECT_ERROR(deepKnnScores(features, y, features, y, n, self), "k = ");
}

void TestDetectors::rocAucAndTprAgainstHandComputedValues() {
    // Positives 0.9, 0.8, 0.6, 0.4 against negatives 0.7, 0.55, 0.5, 0.3, 0.2, 0.1: pairs won 6 + 6 + 5 + 3 = 20 of 24.
    const std::vector<double> scores{0.9, 0.8, 0.7, 0.6, 0.55, 0.5, 0.4, 0.3, 0.2, 0.1};
    const std::vector<bool> positive{true, true, false, true, false, false, true, false, false, false};
    QVERIFY(std::abs(rocAuc(scores, positive) - 20.0 / 24) < 1e-12);
    // 5 % of 6 negatives is 0 false positives: threshold 0.7, two of four positives above it.
    QCOMPARE(tprAtFpr(scores, positive, 0.05), 0.5);
    // 2 false positives allowed: threshold 0.5 (third negative), three positives above.
    QCOMPARE(tprAtFpr(scores, positive, 2.0 / 6), 0.75);
    QCOMPARE(tprAtFpr(scores, positive, 1.0), 1.0);
    // A tie between a positive and a negative counts one half: (0.5 + 1) / 2.
    QCOMPARE(rocAuc({1, 1, 0}, {true, false, false}), 0.75);
    // Tied with the threshold negative is not flagged.
    QCOMPARE(tprAtFpr({1, 1, 0}, {true, false, false}, 0.0), 0.0);
    const auto curve = rocCurve(scores, positive);
    QCOMPARE(curve.size(), std::size_t{11});
    QCOMPARE(curve.front().truePositiveRate, 0.0);
    QCOMPARE(curve.back().falsePositiveRate, 1.0);
    QCOMPARE(curve[2].truePositiveRate, 0.5); // after 0.9 and 0.8
    QVERIFY(std::abs(curve[3].falsePositiveRate - 1.0 / 6) < 1e-12);
}

void TestDetectors::rocRefusesOneClass() {
    PACD_EXPECT_ERROR(rocAuc({0.1, 0.2}, {false, false}), "needs both poisons and clean points");
    PACD_EXPECT_ERROR(tprAtFpr({0.1}, {true, false}, 0.05), "1 scores for 2 labels");
}

void TestDetectors::filterTakesTheTopScoredPoints() {
    // Highest first, ties by row: 20 (0.9), then 10 (0.5, before 30); returned sorted by position.
    QCOMPARE(topScored({10, 20, 30, 40}, {0.5, 0.9, 0.5, 0.1}, 2), (std::vector<std::int64_t>{10, 20}));
    QCOMPARE(topScored({10, 20}, {0.5, 0.9}, 5), (std::vector<std::int64_t>{10, 20}));
    // 1.5 × the seeded poison count, at most the class: 1.5 × 300 of 600; 1.5 × 600 capped at 600; round(2.5) = 3
    // poisons of 5, 4.5 → 5 removed.
    QCOMPARE(filterBudget(0.5, 600), std::int64_t{450});
    QCOMPARE(filterBudget(1.0, 600), std::int64_t{600});
    QCOMPARE(filterBudget(0.5, 5), std::int64_t{5});
    QCOMPARE(filterBudget(0.1, 100), std::int64_t{15});
    ScoredTargetClass scored;
    scored.positions = {10, 20, 30, 40};
    scored.poisoned = {false, true, true, false};
    scored.scores = {{Detector::Spectral, {0.5, 0.9, 0.2, 0.1}}};
    const auto verdict = judge(scored, Detector::Spectral, 2);
    QCOMPARE(verdict.removedPoisons, std::int64_t{1}); // 20 and 10 removed: one poison
    QCOMPARE(verdict.auc, 0.75);                       // 0.9 beats both negatives, 0.2 beats 0.1: 3 of 4
    QCOMPARE(verdict.tprAt5, 0.5);
}

void TestDetectors::scoreTargetClassScoresOnlyTheTargetRows() {
    // Class 3's rows (positions 100..139) with features of noise, its poisons (positions 130..139) moved into class
    // 5's cluster (feature collision); class 5's rows elsewhere. Every detector ranks the poisons first.
    torch::manual_seed(4);
    const std::int64_t n = 80;
    auto features = 0.1 * torch::randn({n, 16}, torch::kDouble);
    auto labels = torch::full({n}, 3, torch::kLong);
    labels.slice(0, 0, 40).fill_(5);
    features.slice(0, 0, 40).select(1, 0) += 3.0;  // class 5
    features.slice(0, 70, 80).select(1, 0) += 3.0; // the poisons of class 3 look like class 5
    std::vector<std::int64_t> positions;
    for (std::int64_t i = 0; i < n; ++i)
        positions.push_back(60 + i);
    std::vector<std::int64_t> poisons;
    for (std::int64_t i = 70; i < 80; ++i)
        poisons.push_back(60 + i);
    DetectorConfig config;
    config.neighbours = 5;
    const auto scored = scoreTargetClass(features, labels, positions, poisons, 3, config);
    QCOMPARE(scored.positions.size(), std::size_t{40});
    QCOMPARE(scored.positions.front(), std::int64_t{100});
    QCOMPARE(scored.poisonCount(), std::int64_t{10});
    QCOMPARE(scored.smallerCluster, std::int64_t{10});
    for (const auto detector : {Detector::Spectral, Detector::ActivationClustering, Detector::DeepKnn}) {
        const auto verdict = judge(scored, detector, 15);
        QVERIFY2(verdict.auc == 1.0, nameOf(detector).c_str());
        QCOMPARE(verdict.removedPoisons, std::int64_t{10});
    }
    PACD_EXPECT_ERROR(scoreTargetClass(features, labels, positions, poisons, 7, config), "class 7 has 0 training points");
}

QTEST_GUILESS_MAIN(TestDetectors)
#include "tst_detectors.moc"
