#include "test_helpers.h"

#include "linear_test_model.h"

#include "models/classifier.h"
#include "smoothing/pgd_distortion.h"

#include <cmath>

using namespace pacd;

namespace {

using LinearImpl = pacd::test::FixedLinearImpl;

PgdDistortionConfig smallConfig() {
    PgdDistortionConfig c;
    c.sigma = 0.25;
    c.samples = 8;
    c.steps = 10;
    c.iterations = 12;
    c.evalSamples = 1000;
    c.clipToUnitBox = false;
    c.seed = 3;
    return c;
}

} // namespace

class TestPgdDistortion : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void distortionApproachesDistanceToBoundary();
    void clippingKeepsTheAttackInTheUnitBox();
    void badSettingsNameTheSetting();
};

void TestPgdDistortion::distortionApproachesDistanceToBoundary() {
    // w = (3, 4), b = −5: the boundary 3x + 4y = 5; points along its normal through (0.6, 0.8).
    auto model = std::make_shared<LinearImpl>(std::vector<float>{3, 4}, -5);
    const std::vector<double> distances{0.3, 0.8, 1.5, -0.5, 25.0};
    std::vector<torch::Tensor> points;
    std::vector<std::int64_t> labels;
    for (double d : distances) {
        points.push_back(torch::tensor({float(0.6 + 0.6 * d), float(0.8 + 0.8 * d)}));
        labels.push_back(d > 0 ? 1 : 0);
    }
    CancelToken cancel;
    std::vector<ProgressEvent> events;
    const auto results = pgdDistortion(*model, torch::stack(points), torch::tensor(labels), smallConfig(), cancel,
                                       [&](const ProgressEvent& e) { events.push_back(e); });
    QCOMPARE(results.size(), distances.size());
    // Tolerance: the gradient of any loss of w·x points along w, so PGD at radius ε lands ε − d beyond the
    // boundary; the 1000-sample vote there is for the other class with probability Φ((ε − d)/σ), and a majority
    // flips reliably once (ε − d)/σ > ~0.1, i.e. 0.025 past the boundary; below it, symmetric. 12 log-scale
    // bisection rounds resolve ε to 0.2 %. 0.05 covers both with room; an attack that ignored the ball (or a
    // search that reported the interval's top) would be off by far more.
    for (std::size_t i = 0; i + 1 < distances.size(); ++i) {
        const double d = std::abs(distances[i]);
        QVERIFY2(results[i].found, qPrintable(QStringLiteral("d=%1: no attack found").arg(d)));
        QVERIFY2(std::abs(results[i].distortion - d) < 0.05,
                 qPrintable(QStringLiteral("d=%1: distortion %2").arg(d).arg(results[i].distortion)));
        QCOMPARE(results[i].cleanPrediction, labels[i]);
    }
    // 25 is beyond the search interval (0.01, 10).
    QVERIFY(!results.back().found);
    QVERIFY(std::isinf(results.back().distortion));
    const double expectedMean = (0.3 + 0.8 + 1.5 + 0.5) / 4.0;
    QVERIFY(std::abs(meanDistortion(results) - expectedMean) < 0.05);
    QVERIFY(!events.empty());
    QCOMPARE(events.back().stage, std::string("pgd-distortion"));
    QCOMPARE(events.back().step, std::int64_t(distances.size()));
}

void TestPgdDistortion::clippingKeepsTheAttackInTheUnitBox() {
    // Boundary x = −0.5 lies outside [0, 1]²: a point at x = 0.2 is 0.7 from it, reachable only when the attack
    // may leave the image box.
    auto model = std::make_shared<LinearImpl>(std::vector<float>{1, 0}, 0.5f);
    const auto x = torch::tensor({{0.2f, 0.5f}});
    const auto y = torch::tensor({std::int64_t(1)});
    CancelToken cancel;
    auto config = smallConfig();
    config.clipToUnitBox = false;
    const auto free = pgdDistortion(*model, x, y, config, cancel, silentProgress());
    QVERIFY(free[0].found && std::abs(free[0].distortion - 0.7) < 0.05);
    config.clipToUnitBox = true;
    const auto clipped = pgdDistortion(*model, x, y, config, cancel, silentProgress());
    QVERIFY(!clipped[0].found);
}

void TestPgdDistortion::badSettingsNameTheSetting() {
    auto model = std::make_shared<LinearImpl>(std::vector<float>{1, 0}, 0.5f);
    const auto x = torch::tensor({{0.2f, 0.5f}});
    const auto y = torch::tensor({std::int64_t(1)});
    CancelToken cancel;
    auto config = smallConfig();
    config.sigma = 0;
    PACD_EXPECT_ERROR(pgdDistortion(*model, x, y, config, cancel, silentProgress()), "'sigma'");
    config = smallConfig();
    config.steps = 0;
    PACD_EXPECT_ERROR(pgdDistortion(*model, x, y, config, cancel, silentProgress()), "'steps'");
    config = smallConfig();
    config.maxEpsilon = 0.005;
    PACD_EXPECT_ERROR(pgdDistortion(*model, x, y, config, cancel, silentProgress()), "'maxEpsilon'");
    config = smallConfig();
    config.samples = 0;
    PACD_EXPECT_ERROR(pgdDistortion(*model, x, y, config, cancel, silentProgress()), "'samples'");
}

QTEST_GUILESS_MAIN(TestPgdDistortion)
#include "tst_pgd_distortion.moc"
