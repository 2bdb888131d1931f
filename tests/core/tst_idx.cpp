#include "test_helpers.h"

#include "data/catalog.h"
#include "data/idx.h"
#include "support/atomic_file.h"

#include <fstream>
#include <sys/resource.h>
#include <zlib.h>

using namespace pacd;
using pacd::test::tempPath;

class TestIdx : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void realMnistCountsAndClasses();
    void gzipAndRawReadTheSame();
    void floatRoundTripIsExact();
    void wrongMagicNumber();
    void truncatedImageFile();
    void hugeHeaderOnATinyFileAllocatesNothing_data();
    void hugeHeaderOnATinyFileAllocatesNothing();
    void trailingBytes();
    void labelImageCountMismatch();
    void missingFile();
    void missingDatasetSaysHowToGetIt();
};

void TestIdx::realMnistCountsAndClasses() {
    const auto status = datasetStatus("mnist", test::dataDir());
    QVERIFY2(status.present, ("MNIST is not provisioned in " + status.dir.string() + ": run scripts/bootstrap.sh").c_str());
    const auto train = loadDatasetFile("mnist", "train", test::dataDir());
    const auto testSet = loadDatasetFile("mnist", "test", test::dataDir());
    QCOMPARE(train.size(), 60000);
    QCOMPARE(testSet.size(), 10000);
    QCOMPARE(train.images.sizes().vec(), (std::vector<std::int64_t>{60000, 1, 28, 28}));
    const std::vector<std::int64_t> official{5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949};
    QCOMPARE(train.classCounts(), official);
    QCOMPARE(testSet.classCounts(), (std::vector<std::int64_t>{980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009}));
    QVERIFY(train.images.min().item<float>() >= 0.0f);
    QCOMPARE(train.images.max().item<float>(), 1.0f);
    // The first training image is a 5; its pixel (row 14, col 14) is a known ink value.
    QCOMPARE(train.labels[0].item<std::int64_t>(), 5);
    QCOMPARE(train.labels[1].item<std::int64_t>(), 0);
}

void TestIdx::gzipAndRawReadTheSame() {
    QTemporaryDir dir;
    const auto data = torch::randint(0, 256, {7, 5, 3}, torch::kUInt8);
    writeIdx(tempPath(dir, "a-idx3-ubyte"), data, false);
    writeIdx(tempPath(dir, "a-idx3-ubyte.gz"), data, true);
    const auto raw = readIdx(tempPath(dir, "a-idx3-ubyte"));
    const auto gz = readIdx(tempPath(dir, "a-idx3-ubyte.gz"));
    QCOMPARE(raw.dims, (std::vector<std::int64_t>{7, 5, 3}));
    QVERIFY(torch::equal(raw.data, data));
    QVERIFY(torch::equal(gz.data, data));
    QVERIFY(std::filesystem::file_size(tempPath(dir, "a-idx3-ubyte")) == 16 + 105);
}

void TestIdx::floatRoundTripIsExact() {
    QTemporaryDir dir;
    const auto data = torch::rand({4, 1, 6, 6});
    writeIdx(tempPath(dir, "f"), data);
    const auto back = readIdx(tempPath(dir, "f"));
    QVERIFY(back.data.scalar_type() == torch::kFloat);
    QVERIFY(torch::equal(back.data, data));
    // Big-endian on disk: 1.0f is 3F 80 00 00.
    writeIdx(tempPath(dir, "one"), torch::ones({1}));
    const auto bytes = readFile(tempPath(dir, "one"));
    QCOMPARE(static_cast<unsigned char>(bytes[8]), static_cast<unsigned char>(0x3F));
    QCOMPARE(static_cast<unsigned char>(bytes[9]), static_cast<unsigned char>(0x80));
}

void TestIdx::wrongMagicNumber() {
    QTemporaryDir dir;
    writeTextAtomically(tempPath(dir, "bad"), std::string("\x01\x02\x08\x01\x00\x00\x00\x01\x07", 9));
    PACD_EXPECT_ERROR(readIdx(tempPath(dir, "bad")), "bad", "wrong magic number");
    writeTextAtomically(tempPath(dir, "type"), std::string("\x00\x00\x0B\x01\x00\x00\x00\x01\x07", 9));
    PACD_EXPECT_ERROR(readIdx(tempPath(dir, "type")), "type", "unsupported IDX element type");
}

void TestIdx::truncatedImageFile() {
    QTemporaryDir dir;
    writeIdx(tempPath(dir, "imgs"), torch::zeros({10, 28, 28}, torch::kUInt8));
    auto bytes = readFile(tempPath(dir, "imgs"));
    bytes.resize(bytes.size() - 100);
    writeTextAtomically(tempPath(dir, "imgs"), bytes);
    PACD_EXPECT_ERROR(readIdx(tempPath(dir, "imgs")), "imgs", "truncated data", "expected 7840 bytes, found 7740");
    writeTextAtomically(tempPath(dir, "hdr"), std::string("\x00\x00\x08\x03\x00\x00", 6));
    PACD_EXPECT_ERROR(readIdx(tempPath(dir, "hdr")), "hdr", "truncated header");
}

void TestIdx::hugeHeaderOnATinyFileAllocatesNothing_data() {
    QTest::addColumn<bool>("gzip");
    QTest::newRow("raw") << false;
    QTest::newRow("gzip") << true;
}

// Found by fuzz_idx: a 20-byte file whose header declares 2^34 float32 values made readIdx allocate 64 GB before
// it noticed that the data were missing (libFuzzer: out-of-memory, malloc(68719476736)); on a machine without
// that much memory the allocation failed with LibTorch's error instead of ours. The address space is capped here
// so that the old behaviour fails on any machine (not under ASan, which reserves terabytes of shadow memory).
void TestIdx::hugeHeaderOnATinyFileAllocatesNothing() {
    QFETCH(bool, gzip);
    QTemporaryDir dir;
    const auto path = tempPath(dir, gzip ? "huge.gz" : "huge");
    const std::string content("\x00\x00\x0D\x02\x00\x02\x00\x00\x00\x02\x00\x00"
                              "12345678",
                              20); // [131072, 131072] float32
    if (gzip) {
        gzFile out = gzopen(path.c_str(), "wb");
        QVERIFY(out != nullptr);
        QCOMPARE(gzwrite(out, content.data(), static_cast<unsigned>(content.size())), static_cast<int>(content.size()));
        QCOMPARE(gzclose(out), Z_OK);
    } else {
        writeTextAtomically(path, content);
    }
#if defined(__SANITIZE_ADDRESS__)
    const bool capped = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
    const bool capped = false;
#else
    const bool capped = true;
#endif
#else
    const bool capped = true;
#endif
    rlimit saved{};
    QCOMPARE(getrlimit(RLIMIT_AS, &saved), 0);
    if (capped) {
        rlimit cap = saved;
        cap.rlim_cur = std::min<rlim_t>(saved.rlim_max, rlim_t(32) << 30); // far below 64 GB, far above what the suite uses
        QCOMPARE(setrlimit(RLIMIT_AS, &cap), 0);
    }
    const auto message = test::errorOf([&] { readIdx(path); });
    if (capped) setrlimit(RLIMIT_AS, &saved);
    QVERIFY2(message.find("truncated data (expected 68719476736 bytes, found 8)") != std::string::npos, message.c_str());
}

void TestIdx::trailingBytes() {
    QTemporaryDir dir;
    writeIdx(tempPath(dir, "t"), torch::zeros({3}, torch::kUInt8));
    writeTextAtomically(tempPath(dir, "t"), readFile(tempPath(dir, "t")) + "x");
    PACD_EXPECT_ERROR(readIdx(tempPath(dir, "t")), "trailing bytes");
}

void TestIdx::labelImageCountMismatch() {
    QTemporaryDir dir;
    writeIdx(tempPath(dir, "images"), torch::zeros({5, 4, 4}, torch::kUInt8));
    writeIdx(tempPath(dir, "labels"), torch::zeros({6}, torch::kUInt8));
    PACD_EXPECT_ERROR(loadIdxDataset(tempPath(dir, "images"), tempPath(dir, "labels"), "x", {"a", "b"}),
                      "label/image count mismatch", "images", "5 images", "6 labels");
    writeIdx(tempPath(dir, "labels"), torch::full({5}, 7, torch::kUInt8));
    PACD_EXPECT_ERROR(loadIdxDataset(tempPath(dir, "images"), tempPath(dir, "labels"), "x", {"a", "b"}), "label 7");
}

void TestIdx::missingFile() {
    PACD_EXPECT_ERROR(readIdx("/nonexistent/dir/train-images-idx3-ubyte"), "/nonexistent/dir/train-images-idx3-ubyte",
                      "does not exist");
}

void TestIdx::missingDatasetSaysHowToGetIt() {
    QTemporaryDir dir;
    PACD_EXPECT_ERROR(loadDatasetFile("fashion-mnist", "train", dir.path().toStdString()), "fashion-mnist", "is not in",
                      "missing:", "bootstrap");
    PACD_EXPECT_ERROR(loadDatasetFile("cifar10", "test", dir.path().toStdString()), "cifar10", "pacd-cli fetch cifar10");
    PACD_EXPECT_ERROR(findDataset("imagenet"), "unknown dataset 'imagenet'", "mnist");
}

QTEST_GUILESS_MAIN(TestIdx)
#include "tst_idx.moc"
