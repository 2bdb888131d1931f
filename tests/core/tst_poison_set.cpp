#include "test_helpers.h"

#include "data/attack_data.h"
#include "data/idx.h"
#include "data/poison_set.h"
#include "data/training_views.h"
#include "experiment/poison_export.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>

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
    void unboundedSetRoundTripsAndDoesNotFitImages();
    void badFilesNameTheProblem();
    void replacedViewSwapsOnlyTargetClass();
    void replacedViewChecksLabels();
    void exportWritesTheVictimsTrainingSet();
    void exportFormatNames();
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

void TestPoisonSet::unboundedSetRoundTripsAndDoesNotFitImages() {
    QTemporaryDir dir;
    const auto path = test::tempPath(dir, "toy.json");
    auto poison = samplePoison();
    poison.dataset = "toy-gaussians";
    poison.images = poison.images * 6.0 - 3.0;                              // features around the toy's means, far outside [0, 1]
    PACD_EXPECT_ERROR(writePoisonSet(path, poison), "[0, 1]", "unbounded"); // images are refused outside [0, 1]...
    poison.valueRange = ValueRange::Unbounded;                              // ...a feature set declares its range
    writePoisonSet(path, poison);
    QCOMPARE(nlohmann::json::parse(std::ifstream(path))["value_range"].get<std::string>(), std::string("unbounded"));
    const auto back = readPoisonSet(path);
    QCOMPARE(back.valueRange, ValueRange::Unbounded);
    QVERIFY(torch::equal(back.images, poison.images)); // exact, negative values included
    QVERIFY(back.images.min().item<float>() < -1.0f);
    // Not finite is refused whatever the range.
    auto broken = poison;
    broken.images = poison.images.clone();
    broken.images[0][0][0][0] = std::numeric_limits<float>::infinity();
    PACD_EXPECT_ERROR(writePoisonSet(path, broken), "infinite");
    // An unbounded set cannot stand in images; a manifest from before value_range reads as images.
    Dataset images{"mnist/train", torch::rand({10, 1, 4, 4}), torch::zeros({10}, torch::kLong), {"a"}};
    PACD_EXPECT_ERROR(requirePoisonFits(back, images), "unbounded", "[0, 1]");
    auto manifest = nlohmann::json::parse(std::ifstream(path));
    manifest.erase("value_range");
    std::ofstream(path) << manifest.dump();
    PACD_EXPECT_ERROR(readPoisonSet(path), "toy.json", "[0, 1]");
    manifest["value_range"] = "sometimes";
    std::ofstream(path) << manifest.dump();
    PACD_EXPECT_ERROR(readPoisonSet(path), "toy.json", "'value_range' must be one of unit-interval, unbounded");
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
    // fuzz_poison_set regression: a key of another type made json's own exception escape instead of a pacd::Error.
    { std::ofstream(path) << "{\"format\": 8, \"version\": 1}"; }
    PACD_EXPECT_ERROR(readPoisonSet(path), "bad.json", "not a pacd poison set");
    { std::ofstream(path) << "{\"format\": \"pacd-poison-set\", \"version\": \"1\"}"; }
    PACD_EXPECT_ERROR(readPoisonSet(path), "bad.json", "'version' must be a number");
    // A float far outside int64 where an integer belongs was undefined behaviour (the cast), now an error.
    {
        std::ofstream(path)
            << "{\"format\": \"pacd-poison-set\", \"version\": 1, \"dataset\": \"mnist\", \"target_class\": 1e80}";
    }
    PACD_EXPECT_ERROR(readPoisonSet(path), "bad.json: 'target_class'", "not a whole number in range");
    {
        std::ofstream(path) << "{\"format\": \"pacd-poison-set\", \"version\": 1, \"dataset\": \"mnist\", \"target_class\": 8, "
                               "\"indices\": [1, 2.5]}";
    }
    PACD_EXPECT_ERROR(readPoisonSet(path), "'indices'", "2.5 is not a whole number");

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
        QVERIFY2(torch::equal(view.images[row], expected), qPrintable(QStringLiteral("row %1 (index %2)").arg(row).arg(index)));
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

void TestPoisonSet::exportWritesTheVictimsTrainingSet() {
    // The generated toy needs no files. Poison three class-0 points of its train part and export the victim's
    // training set as exact float IDX: the other classes' points and the poisons (class 0's other points are
    // replaced, as in poisonedView), sorted by training-file index.
    QTemporaryDir dir;
    const auto split = loadAttackSplit("toy-gaussians", 0, 0, test::tempPath(dir, "data"));
    PoisonSet poison;
    poison.dataset = "toy-gaussians";
    poison.targetClass = 0;
    std::vector<std::int64_t> kept;
    for (const auto index : split.train) {
        const bool target = split.trainingFile.labels[index].item<std::int64_t>() == 0;
        if (target && poison.indices.size() < 3) poison.indices.push_back(index);
        if (!target || std::find(poison.indices.begin(), poison.indices.end(), index) != poison.indices.end())
            kept.push_back(index);
    }
    poison.images = split.trainingFile.images.index_select(0, torch::tensor(poison.indices)).clamp(0.1, 0.9) - 0.05f;
    const auto manifest = test::tempPath(dir, "poison.json");
    writePoisonSet(manifest, poison);

    PoisonExportConfig config;
    config.format = ExportFormat::IdxFloat;
    const auto out = test::tempPath(dir, "export");
    const auto summary = exportPoisonedTrainingSet(manifest, out, config, test::tempPath(dir, "data"));
    QCOMPARE(summary.points, static_cast<std::int64_t>(kept.size()));
    QCOMPARE(summary.poisons, std::int64_t(3));
    QCOMPARE(summary.classCounts.at(0), std::int64_t(3));
    const auto images = readIdx(out / "train-images-idx3-float").data;
    const auto labels = readIdx(out / "train-labels-idx1-ubyte").data;
    QCOMPARE(images.size(0), summary.points);
    QCOMPARE(labels.size(0), summary.points);
    for (std::size_t row = 0; row < kept.size(); ++row) {
        const auto r = static_cast<std::int64_t>(row);
        const auto p = std::find(poison.indices.begin(), poison.indices.end(), kept[row]);
        if (p != poison.indices.end()) {
            QVERIFY(torch::equal(images[r], poison.images[p - poison.indices.begin()]));
            QCOMPARE(labels[r].item<int>(), 0);
        } else {
            QVERIFY(torch::equal(images[r], split.trainingFile.images[kept[row]]));
            QCOMPARE(labels[r].item<std::int64_t>(), split.trainingFile.labels[kept[row]].item<std::int64_t>());
        }
    }

    // Poisons only, uint8: three images, rounded.
    config.format = ExportFormat::Idx;
    config.poisonsOnly = true;
    const auto only = exportPoisonedTrainingSet(manifest, test::tempPath(dir, "only"), config, test::tempPath(dir, "data"));
    QCOMPARE(only.points, std::int64_t(3));
    const auto bytes = readIdx(test::tempPath(dir, "only") / "train-images-idx3-ubyte").data;
    QCOMPARE(bytes.scalar_type(), torch::kUInt8);
    QCOMPARE(bytes[0][0].item<int>(), static_cast<int>(std::lround(poison.images[0][0].item<double>() * 255.0)));
}

void TestPoisonSet::exportFormatNames() {
    for (const auto format : {ExportFormat::Idx, ExportFormat::IdxFloat, ExportFormat::Png})
        QVERIFY(parseExportFormat(exportFormatName(format)) == format);
    PACD_EXPECT_ERROR(parseExportFormat("jpeg"), "'jpeg'", "idx, idx-float, png");
}

QTEST_GUILESS_MAIN(TestPoisonSet)
#include "tst_poison_set.moc"
