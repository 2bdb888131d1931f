#include "test_helpers.h"

#include "data/catalog.h"
#include "data/splits.h"
#include "data/toy_gaussians.h"

#include <set>

using namespace pacd;

class TestSplits : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void paperSplitSizesOnRealMnist();
    void sameSeedSameSplitOtherSeedOther();
    void splitIsPortable();
    void stratifiedSubsampleKeepsProportions();
    void targetClassViews();
    void targetClassErrors();
    void toyGaussiansMatchThePaper();
};

void TestSplits::paperSplitSizesOnRealMnist() {
    const auto train = loadSplit("mnist", "paper-train", test::dataDir());
    const auto val = loadSplit("mnist", "val", test::dataDir());
    QCOMPARE(train.size(), 55000);
    QCOMPARE(val.size(), 5000);
    QCOMPARE(loadSplit("mnist", "all", test::dataDir()).size(), 70000);
    // A uniform split leaves roughly 10 % of each class in validation (the paper: "roughly 500" of the target class).
    const auto counts = val.classCounts();
    for (std::size_t c = 0; c < counts.size(); ++c)
        QVERIFY2(counts[c] > 400 && counts[c] < 650, std::to_string(counts[c]).c_str());
}

void TestSplits::sameSeedSameSplitOtherSeedOther() {
    const auto a = splitTrainValidation(60000, {5000, 7});
    const auto b = splitTrainValidation(60000, {5000, 7});
    const auto c = splitTrainValidation(60000, {5000, 8});
    QCOMPARE(a.validation, b.validation);
    QCOMPARE(a.train, b.train);
    QVERIFY(a.validation != c.validation);
    QCOMPARE(static_cast<std::int64_t>(a.train.size()), 55000);
    std::set<std::int64_t> all(a.train.begin(), a.train.end());
    all.insert(a.validation.begin(), a.validation.end());
    QCOMPARE(static_cast<std::int64_t>(all.size()), 60000);
    QCOMPARE(*all.rbegin(), 59999);
    PACD_EXPECT_ERROR(splitTrainValidation(100, {100, 0}), "validation count 100");
}

void TestSplits::splitIsPortable() {
    // Pinned values: the split must not change with the compiler, standard library or LibTorch version.
    // Recorded once; a change here means every split (and every published result) silently moved.
    QCOMPARE(splitTrainValidation(10, {3, 42}).validation, (std::vector<std::int64_t>{1, 7, 9}));
    const auto mnist = splitTrainValidation(60000, {5000, 0}).validation;
    QCOMPARE(std::vector<std::int64_t>(mnist.begin(), mnist.begin() + 5), (std::vector<std::int64_t>{3, 28, 45, 76, 91}));
    std::mt19937_64 reference(42);
    QCOMPARE(reference(), 13930160852258120406ULL); // the standard fixes mt19937_64's output sequence
}

void TestSplits::stratifiedSubsampleKeepsProportions() {
    // 600 of class 0, 300 of class 1, 100 of class 2.
    auto labels = torch::cat({torch::zeros({600}), torch::ones({300}), torch::full({100}, 2)}).to(torch::kLong);
    const auto picked = stratifiedSubsample(labels, 101, 3);
    QCOMPARE(static_cast<int>(picked.size()), 101);
    std::vector<int> perClass(3, 0);
    for (auto i : picked)
        ++perClass[labels[i].item<std::int64_t>()];
    // Exact shares are 60.6, 30.3, 10.1: the largest remainder (0.6) gets the extra point.
    QCOMPARE(perClass, (std::vector<int>{61, 30, 10}));
    QVERIFY(std::is_sorted(picked.begin(), picked.end()));
    QCOMPARE(stratifiedSubsample(labels, 101, 3), picked);
    QVERIFY(stratifiedSubsample(labels, 101, 4) != picked);
    PACD_EXPECT_ERROR(stratifiedSubsample(labels, 0, 1), "subset size 0");
    // The same choice expressed on file positions: every other point of the file, subsampled by its labels.
    std::vector<std::int64_t> odd;
    for (std::int64_t i = 1; i < 1000; i += 2)
        odd.push_back(i);
    const auto positions = stratifiedSubsetOf(odd, labels, 51, 3);
    const auto oddLabels = labels.index_select(0, torch::tensor(odd, torch::kLong));
    std::vector<std::int64_t> expected;
    for (const auto i : stratifiedSubsample(oddLabels, 51, 3))
        expected.push_back(odd[static_cast<std::size_t>(i)]);
    QCOMPARE(positions, expected);
}

void TestSplits::targetClassViews() {
    const auto trainLabels = torch::tensor({0, 1, 2, 1, 1, 0, 1, 2}, torch::kLong);
    const auto testLabels = torch::tensor({1, 1, 1, 0, 1, 2}, torch::kLong);
    TrainValidationSplit split{{0, 1, 2, 3, 5, 7}, {4, 6}};
    const auto views = makeTargetClassViews(trainLabels, split, testLabels, 1, 2, 5);
    QCOMPARE(views.poisonBase, (std::vector<std::int64_t>{1, 3}));
    QCOMPARE(views.validation, (std::vector<std::int64_t>{4, 6}));
    QCOMPARE(static_cast<int>(views.evaluation.size()), 2);
    for (auto i : views.evaluation)
        QCOMPARE(testLabels[i].item<std::int64_t>(), 1);
    QCOMPARE(makeTargetClassViews(trainLabels, split, testLabels, 1, 0, 5).evaluation, (std::vector<std::int64_t>{0, 1, 2, 4}));
}

void TestSplits::targetClassErrors() {
    const auto labels = torch::tensor({0, 1, 1}, torch::kLong);
    TrainValidationSplit split{{0, 1, 2}, {}};
    PACD_EXPECT_ERROR(makeTargetClassViews(labels, split, labels, 5), "target class 5", "outside");
    TrainValidationSplit noTarget{{1, 2}, {0}};
    PACD_EXPECT_ERROR(makeTargetClassViews(labels, noTarget, labels, 0), "target class 0 has no training points");
    PACD_EXPECT_ERROR(sampleClassPoints(labels, 2, 500, 0), "class 2 has no points");
    // The certify CLI's default evaluation points are exactly the views' evaluation set.
    const auto views = makeTargetClassViews(labels, split, labels, 1, 1, 9);
    QCOMPARE(sampleClassPoints(labels, 1, 1, 9), views.evaluation);
}

void TestSplits::toyGaussiansMatchThePaper() {
    ToyGaussiansConfig config;
    config.pointsPerClass = 20000;
    const auto toy = makeToyGaussians(config);
    QCOMPARE(toy.size(), 40000);
    const auto negative = toy.images.slice(0, 0, 20000), positive = toy.images.slice(0, 20000);
    // Standard error of a mean of 20,000 draws with s.d. 0.3 is 0.0021: 0.01 is ~5 standard errors.
    QVERIFY(std::abs(negative.mean().item<float>() - 0.2f) < 0.01f);
    QVERIFY(std::abs(positive.mean().item<float>() - 0.8f) < 0.01f);
    QVERIFY(std::abs(negative.std().item<float>() - 0.3f) < 0.01f);
    QCOMPARE(toy.labels[0].item<std::int64_t>(), 0);
    QCOMPARE(toy.labels[39999].item<std::int64_t>(), 1);
    QVERIFY(torch::equal(makeToyGaussians(config).images, toy.images));
}

QTEST_GUILESS_MAIN(TestSplits)
#include "tst_splits.moc"
