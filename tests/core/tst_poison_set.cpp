#include "test_helpers.h"

#include "data/idx.h"
#include "data/poison_set.h"

#include <nlohmann/json.hpp>

using namespace pacd;

namespace {

// A training file of 12 points, 3 classes, 1×4×4 images whose pixels encode their index.
Dataset trainingFile() {
    Dataset data;
    data.name = "tiny/train";
    data.images = (torch::arange(12, torch::kFloat) / 12.0).view({12, 1, 1, 1}).expand({12, 1, 4, 4}).contiguous();
    data.labels = torch::tensor({0, 1, 2, 1, 0, 1, 2, 2, 1, 0, 1, 2}, torch::kLong);
    data.classNames = {"a", "b", "c"};
    return data;
}

PoisonSet samplePoison() {
    PoisonSet poison;
    poison.dataset = "tiny";
    poison.targetClass = 1;
    poison.indices = {3, 1, 8}; // class-1 points, deliberately unsorted
    poison.images = torch::rand({3, 1, 4, 4}) * 0.5 + 0.25;
    poison.images[0][0][0][0] = 1.0f / 3.0f; // not representable in uint8: must survive exactly
    poison.seed = 42;
    poison.configJson = R"({"epsilon":0.1,"method":"ga"})";
    return poison;
}

} // namespace

class TestPoisonSet : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase() { torch::manual_seed(1); }
    void roundTripIsExact();
    void tornPairIsRefused();
    void badFilesNameTheProblem();
    void replacedViewSwapsOnlyTargetClass();
    void replacedViewChecksLabels();
};

void TestPoisonSet::roundTripIsExact() {
    QTemporaryDir dir;
    const auto path = test::tempPath(dir, "poison.json");
    const auto poison = samplePoison();
    writePoisonSet(path, poison);
    QVERIFY(std::filesystem::exists(poisonImagesPath(path)));
    QCOMPARE(poisonImagesPath(path).filename().string(), std::string("poison.images.idx"));
    const auto back = readPoisonSet(path);
    QCOMPARE(back.dataset, poison.dataset);
    QCOMPARE(back.targetClass, poison.targetClass);
    QCOMPARE(back.indices, poison.indices);
    QCOMPARE(back.seed, poison.seed);
    QVERIFY(torch::equal(back.images, poison.images));
    QCOMPARE(nlohmann::json::parse(back.configJson), nlohmann::json::parse(poison.configJson));
    QCOMPARE(back.contentHash(), poison.contentHash());
    // Nothing else was left in the folder (atomic writes leave no temporaries).
    QCOMPARE(std::distance(std::filesystem::directory_iterator(dir.path().toStdString()), {}), std::ptrdiff_t(2));
}

void TestPoisonSet::tornPairIsRefused() {
    QTemporaryDir dir;
    const auto path = test::tempPath(dir, "p.json");
    auto poison = samplePoison();
    writePoisonSet(path, poison);
    // Other images of the right shape under the manifest: the hash catches it.
    writeIdx(poisonImagesPath(path), torch::rand({3, 1, 4, 4}));
    PACD_EXPECT_ERROR(readPoisonSet(path), "p.json", "hash");
    writeIdx(poisonImagesPath(path), torch::rand({2, 1, 4, 4}));
    PACD_EXPECT_ERROR(readPoisonSet(path), "p.images.idx", "shape");
}

void TestPoisonSet::badFilesNameTheProblem() {
    QTemporaryDir dir;
    const auto path = test::tempPath(dir, "bad.json");
    PACD_EXPECT_ERROR(readPoisonSet(path), "bad.json", "does not exist");
    { std::ofstream(path) << "{\"format\": \"something-else\"}"; }
    PACD_EXPECT_ERROR(readPoisonSet(path), "bad.json", "not a pacd poison set");
    { std::ofstream(path) << "{\"format\": \"pacd-poison-set\", \"version\": 7}"; }
    PACD_EXPECT_ERROR(readPoisonSet(path), "version 7");
    { std::ofstream(path) << "{\"format\": \"pacd-poison-set\", \"version\": 1}"; }
    PACD_EXPECT_ERROR(readPoisonSet(path), "incomplete");

    auto poison = samplePoison();
    poison.indices = {3, 3, 8};
    PACD_EXPECT_ERROR(writePoisonSet(path, poison), "appears twice");
    poison = samplePoison();
    poison.images = poison.images * 3.0;
    PACD_EXPECT_ERROR(writePoisonSet(path, poison), "[0, 1]");
    poison = samplePoison();
    poison.configJson = "[1, 2]";
    PACD_EXPECT_ERROR(writePoisonSet(path, poison), "config");
}

void TestPoisonSet::replacedViewSwapsOnlyTargetClass() {
    const auto file = trainingFile();
    const auto poison = samplePoison(); // replaces class-1 points 3, 1, 8
    // The view: every point but 10 (class 1, not in the poison set: dropped, the poison set is the whole class).
    const std::vector<std::int64_t> viewIndices{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11};
    const auto view = poisonedView(file, viewIndices, poison);
    // Class 1 is exactly the poison set; the other classes are untouched.
    const std::vector<std::int64_t> expectedIndices{0, 1, 2, 3, 4, 6, 7, 8, 9, 11};
    QCOMPARE(view.size(), std::int64_t(expectedIndices.size()));
    QCOMPARE(view.name, std::string("tiny/train+poison"));
    for (std::size_t row = 0; row < expectedIndices.size(); ++row) {
        const auto index = expectedIndices[row];
        QCOMPARE(view.labels[row].item<std::int64_t>(), file.labels[index].item<std::int64_t>()); // labels unchanged
        const auto found = std::find(poison.indices.begin(), poison.indices.end(), index);
        const auto expected = found == poison.indices.end() ? file.images[index] : poison.images[found - poison.indices.begin()];
        QVERIFY2(torch::equal(view.images[row], expected), qPrintable(QString("row %1 (index %2)").arg(row).arg(index)));
    }
    QCOMPARE(view.classCounts(), (std::vector<std::int64_t>{3, 3, 4}));
    // The clean file is not modified.
    QVERIFY(torch::equal(file.images, trainingFile().images));
}

void TestPoisonSet::replacedViewChecksLabels() {
    const auto file = trainingFile();
    auto poison = samplePoison();
    poison.indices = {3, 2, 8}; // 2 is class 2
    PACD_EXPECT_ERROR(poisonedView(file, {0, 1, 2}, poison), "poison index 2", "labelled 2", "target class 1");
    poison = samplePoison();
    poison.indices = {3, 1, 80};
    PACD_EXPECT_ERROR(poisonedView(file, {0, 1, 2}, poison), "poison index 80", "outside");
    poison = samplePoison();
    poison.images = torch::rand({3, 1, 5, 5});
    PACD_EXPECT_ERROR(poisonedView(file, {0, 1, 2}, poison), "do not fit");
}

QTEST_GUILESS_MAIN(TestPoisonSet)
#include "tst_poison_set.moc"
