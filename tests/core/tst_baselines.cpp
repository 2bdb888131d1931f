#include "test_helpers.h"

#include "attack/baselines.h"

using namespace pacd;

namespace {
constexpr auto kImages = ValueRange::UnitInterval;
} // namespace

class TestBaselines : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void watermarkBlendsThenClipsToBudget();
    void randomSignMovesEveryPixelByEpsilon();
    void unboundedFeaturesAreNotClipped();
    void badSettings();
};

void TestBaselines::watermarkBlendsThenClipsToBudget() {
    // Base 0.5 everywhere; the only other image is 0.6 at pixel 0 and 1.0 elsewhere. At γ = 0.1 the blend is
    // 0.51 (within ε = 0.03) and 0.55 (clipped to 0.53).
    auto base = torch::full({3, 1, 2, 2}, 0.5f);
    auto other = torch::ones({1, 1, 2, 2});
    other[0][0][0][0] = 0.6f;
    const auto poisons = watermarkPoisons(base, other, 0.1, 0.03, 7, kImages);
    QVERIFY(std::abs(poisons[1][0][0][0].item<float>() - 0.51f) < 1e-6);
    QVERIFY(std::abs(poisons[1][0][1][1].item<float>() - 0.53f) < 1e-6);
    QVERIFY((poisons - base).abs().max().item<float>() <= 0.03f + 1e-6f);
    QVERIFY(torch::equal(watermarkPoisons(base, other, 0.1, 0.03, 7, kImages), poisons));
    // Without a budget the blend is exact.
    const auto unclipped = watermarkPoisons(base, other, 0.1, 1.0, 7, kImages);
    QVERIFY(torch::allclose(unclipped[0], 0.1 * other[0] + 0.9 * base[0]));
}

void TestBaselines::randomSignMovesEveryPixelByEpsilon() {
    auto base = torch::full({50, 1, 4, 4}, 0.5f);
    base[0].fill_(0.0f); // at the edge: clipped at 0
    const auto poisons = randomSignPoisons(base, 0.1, 3, kImages);
    const auto delta = (poisons - base).slice(0, 1).abs();
    QVERIFY(torch::allclose(delta, torch::full_like(delta, 0.1f), 0, 1e-6));
    const double positive = (poisons - base).slice(0, 1).gt(0).to(torch::kFloat).mean().item<double>();
    QVERIFY(positive > 0.4 && positive < 0.6); // 784 fair signs: s.d. 0.018
    QVERIFY(poisons.min().item<float>() >= 0.0f);
}

void TestBaselines::unboundedFeaturesAreNotClipped() {
    // The toy's features (App. D.2) around −1 and 1.4: only the ε-ball applies, values below 0 and above 1 stay.
    const auto base = torch::tensor({-1.0f, 1.4f, -0.02f, 0.99f}).reshape({2, 2});
    const auto other = torch::tensor({5.0f, 5.0f}).reshape({1, 2});
    const auto marked = watermarkPoisons(base, other, 0.5, 0.1, 1, ValueRange::Unbounded);
    QVERIFY(torch::allclose(marked, base + 0.1, 0, 1e-6)); // the blend pulls up by far more than ε: clipped to +ε
    const auto clipped = watermarkPoisons(base, other, 0.5, 0.1, 1, kImages);
    QCOMPARE(clipped.min().item<float>(), 0.0f); // images: also into [0, 1]
    QCOMPARE(clipped.max().item<float>(), 1.0f);
    const auto noise = randomSignPoisons(base, 0.05, 2, ValueRange::Unbounded);
    QVERIFY(torch::allclose((noise - base).abs(), torch::full_like(base, 0.05f), 0, 1e-6)); // every value moved by ε
    QVERIFY(noise.min().item<float>() < -0.9f);
}

void TestBaselines::badSettings() {
    const auto base = torch::rand({2, 1, 3, 3});
    PACD_EXPECT_ERROR(watermarkPoisons(base, base, 1.5, 0.1, 0, kImages), "opacity");
    PACD_EXPECT_ERROR(watermarkPoisons(base, torch::rand({2, 1, 4, 4}), 0.1, 0.1, 0, kImages), "do not match");
    PACD_EXPECT_ERROR(randomSignPoisons(base, -0.1, 0, kImages), "epsilon");
}

QTEST_GUILESS_MAIN(TestBaselines)
#include "tst_baselines.moc"
