#include "test_helpers.h"

#include "data/cifar10.h"
#include "support/atomic_file.h"

using namespace pacd;
using pacd::test::tempPath;

class TestCifar10 : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void readsPlanesInRgbOrder();
    void writeThenReadRoundTrips();
    void loadsTrainAndTestSplits();
    void wrongLengthNamesFile();
    void badLabelNamesFile();
    void missingDirectory();
};

namespace {
// One record by hand: label, then 1024 R, 1024 G, 1024 B bytes.
std::string record(unsigned char label, unsigned char r, unsigned char g, unsigned char b) {
    std::string bytes(1, static_cast<char>(label));
    bytes += std::string(1024, static_cast<char>(r)) + std::string(1024, static_cast<char>(g)) +
             std::string(1024, static_cast<char>(b));
    return bytes;
}
} // namespace

void TestCifar10::readsPlanesInRgbOrder() {
    QTemporaryDir dir;
    auto bytes = record(8, 255, 0, 51) + record(3, 0, 102, 0);
    bytes[1 + 33] = static_cast<char>(0); // R plane, row 1, column 1
    writeTextAtomically(tempPath(dir, "b.bin"), bytes);
    const auto batch = readCifar10Batch(tempPath(dir, "b.bin"));
    QCOMPARE(batch.size(), 2);
    QCOMPARE(batch.images.sizes().vec(), (std::vector<std::int64_t>{2, 3, 32, 32}));
    QCOMPARE(batch.labels[0].item<std::int64_t>(), 8);
    QCOMPARE(batch.labels[1].item<std::int64_t>(), 3);
    QCOMPARE(batch.images[0][0][0][0].item<float>(), 1.0f);
    QCOMPARE(batch.images[0][0][1][1].item<float>(), 0.0f);
    QCOMPARE(batch.images[0][2][5][7].item<float>(), 0.2f);
    QCOMPARE(batch.images[1][1][31][31].item<float>(), 0.4f);
    QCOMPARE(batch.classNames.at(8), std::string("ship"));
}

void TestCifar10::writeThenReadRoundTrips() {
    QTemporaryDir dir;
    Dataset original{"x", torch::randint(0, 256, {5, 3, 32, 32}).to(torch::kFloat) / 255.0,
                     torch::tensor({0, 9, 4, 4, 1}, torch::kLong), cifar10ClassNames()};
    writeCifar10Batch(tempPath(dir, "rt.bin"), original);
    QCOMPARE(static_cast<std::int64_t>(std::filesystem::file_size(tempPath(dir, "rt.bin"))), 5 * 3073);
    const auto back = readCifar10Batch(tempPath(dir, "rt.bin"));
    QVERIFY(torch::equal(back.labels, original.labels));
    QVERIFY(torch::allclose(back.images, original.images, 0, 1e-6));
}

void TestCifar10::loadsTrainAndTestSplits() {
    QTemporaryDir dir;
    std::string batch;
    for (int i = 0; i < 3; ++i)
        batch += record(static_cast<unsigned char>(i), 1, 2, 3);
    for (int i = 1; i <= 5; ++i)
        writeTextAtomically(tempPath(dir, "data_batch_" + std::to_string(i) + ".bin"), batch);
    writeTextAtomically(tempPath(dir, "test_batch.bin"), record(9, 0, 0, 0));
    const auto train = loadCifar10(dir.path().toStdString(), "train");
    QCOMPARE(train.size(), 15);
    QCOMPARE(train.classCounts()[0], 5);
    QCOMPARE(loadCifar10(dir.path().toStdString(), "test").size(), 1);
    std::filesystem::remove(tempPath(dir, "data_batch_4.bin"));
    PACD_EXPECT_ERROR(loadCifar10(dir.path().toStdString(), "train"), "data_batch_4.bin", "does not exist");
}

void TestCifar10::wrongLengthNamesFile() {
    QTemporaryDir dir;
    writeTextAtomically(tempPath(dir, "short.bin"), record(1, 0, 0, 0) + "abc");
    PACD_EXPECT_ERROR(readCifar10Batch(tempPath(dir, "short.bin")), "short.bin", "length 3076", "3073 bytes each");
}

void TestCifar10::badLabelNamesFile() {
    QTemporaryDir dir;
    writeTextAtomically(tempPath(dir, "label.bin"), record(12, 0, 0, 0));
    PACD_EXPECT_ERROR(readCifar10Batch(tempPath(dir, "label.bin")), "label.bin", "label 12");
}

void TestCifar10::missingDirectory() {
    PACD_EXPECT_ERROR(loadCifar10("/no/such/cifar-10-batches-bin", "train"), "/no/such/cifar-10-batches-bin", "does not exist",
                      "fetch cifar10");
}

QTEST_GUILESS_MAIN(TestCifar10)
#include "tst_cifar10.moc"
