#include "test_helpers.h"

#include "data/image_folder.h"
#include "data/image_header.h"

#include <opencv2/imgcodecs.hpp>

#include <fstream>

using namespace pacd;
using pacd::test::tempPath;
namespace fs = std::filesystem;

class TestImageFolder : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void readsPngsWrittenByOpenCv();
    void writeThenReadRoundTrips();
    void missingDirectory();
    void emptyClassFolder();
    void sizeMismatch();
    void corruptImage();
    void headerDeclaringAHugeWidthIsOurError();
    void headerSizesOfEncodedImages_data();
    void headerSizesOfEncodedImages();
    void headerOfUnknownFormatIsRefused();
    void headerDeclaringTooManyPixelsIsRefusedBeforeDecoding();
    void fuzzOutOfMemoryRegression();
};

namespace {
void writePng(const fs::path& path, int rows, int cols, cv::Scalar bgr) {
    fs::create_directories(path.parent_path());
    cv::Mat mat(rows, cols, CV_8UC3, bgr);
    QVERIFY(cv::imwrite(path.string(), mat));
}
} // namespace

void TestImageFolder::readsPngsWrittenByOpenCv() {
    QTemporaryDir dir;
    writePng(tempPath(dir, "cat/a.png"), 4, 6, cv::Scalar(0, 0, 255)); // pure red in BGR
    writePng(tempPath(dir, "cat/b.png"), 4, 6, cv::Scalar(255, 0, 0)); // pure blue
    writePng(tempPath(dir, "dog/c.png"), 4, 6, cv::Scalar(0, 51, 0));
    const auto data = loadImageFolder(dir.path().toStdString());
    QCOMPARE(data.size(), 3);
    QCOMPARE(data.classNames, (std::vector<std::string>{"cat", "dog"}));
    QCOMPARE(data.images.sizes().vec(), (std::vector<std::int64_t>{3, 3, 4, 6}));
    QCOMPARE(data.classCounts(), (std::vector<std::int64_t>{2, 1}));
    // Channels come out in RGB order.
    QCOMPARE(data.images[0][0][0][0].item<float>(), 1.0f);
    QCOMPARE(data.images[0][2][0][0].item<float>(), 0.0f);
    QCOMPARE(data.images[1][2][3][5].item<float>(), 1.0f);
    QCOMPARE(data.images[2][1][2][2].item<float>(), 0.2f);
}

void TestImageFolder::writeThenReadRoundTrips() {
    QTemporaryDir dir;
    Dataset original{"g",
                     torch::randint(0, 256, {6, 1, 5, 5}).to(torch::kFloat) / 255.0,
                     torch::tensor({0, 1, 1, 0, 1, 1}, torch::kLong),
                     {"class0", "class1"}};
    writeImageFolder(dir.path().toStdString(), original);
    const auto back = loadImageFolder(dir.path().toStdString());
    QCOMPARE(back.size(), 6);
    QCOMPARE(back.images.size(1), 1);
    QCOMPARE(back.classCounts(), (std::vector<std::int64_t>{2, 4}));
    // Files sort by name within a class ("0.png" < "3.png"), so class "class0" holds originals 0 and 3 in order.
    QVERIFY(torch::allclose(back.images[0], original.images[0], 0, 1e-6));
    QVERIFY(torch::allclose(back.images[1], original.images[3], 0, 1e-6));
}

void TestImageFolder::missingDirectory() {
    PACD_EXPECT_ERROR(loadImageFolder("/no/such/folder"), "/no/such/folder", "does not exist");
    QTemporaryDir dir;
    PACD_EXPECT_ERROR(loadImageFolder(dir.path().toStdString()), "no class sub-folders");
}

void TestImageFolder::emptyClassFolder() {
    QTemporaryDir dir;
    writePng(tempPath(dir, "a/x.png"), 3, 3, cv::Scalar(1, 2, 3));
    fs::create_directories(tempPath(dir, "b"));
    PACD_EXPECT_ERROR(loadImageFolder(dir.path().toStdString()), "class folder", "/b", "is empty");
}

void TestImageFolder::sizeMismatch() {
    QTemporaryDir dir;
    writePng(tempPath(dir, "a/x.png"), 3, 3, cv::Scalar(1, 2, 3));
    writePng(tempPath(dir, "a/y.png"), 4, 3, cv::Scalar(1, 2, 3));
    PACD_EXPECT_ERROR(loadImageFolder(dir.path().toStdString()), "y.png", "3x4", "3x3");
}

void TestImageFolder::corruptImage() {
    QTemporaryDir dir;
    fs::create_directories(tempPath(dir, "a"));
    std::ofstream(tempPath(dir, "a/broken.png")) << "not a png";
    PACD_EXPECT_ERROR(loadImageFolder(dir.path().toStdString()), "broken.png", "cannot read image");
}

// Found by fuzz_image_folder: a BMP header declaring a width of 3,080,000 pixels made cv::imread throw OpenCV's
// own exception (its size check sits outside its error handling), which escaped loadImageFolder's contract.
void TestImageFolder::headerDeclaringAHugeWidthIsOurError() {
    QTemporaryDir dir;
    fs::create_directories(tempPath(dir, "a"));
    auto le32 = [](std::uint32_t v) { return std::string{char(v), char(v >> 8), char(v >> 16), char(v >> 24)}; };
    const std::string header = std::string("BM") + le32(102) + le32(0) + le32(54) + // file header
                               le32(40) + le32(3080000) + le32(4) + std::string("\x01\x00\x18\x00", 4) + le32(0) + le32(48) +
                               le32(2835) + le32(2835) + le32(0) + le32(0); // info header: 24-bit
    std::ofstream(tempPath(dir, "a/wide.bmp"), std::ios::binary) << header << std::string(48, '\x7f');
    PACD_EXPECT_ERROR(loadImageFolder(dir.path().toStdString()), "wide.bmp", "declares 3080000x4 pixels");
}

namespace {
std::vector<std::uint8_t> encode(const std::string& extension, int rows, int cols, int type) {
    std::vector<std::uint8_t> bytes;
    const bool ok = cv::imencode(extension, cv::Mat(rows, cols, type, cv::Scalar::all(90)), bytes);
    if (!ok) bytes.clear();
    return bytes;
}
std::string be32(std::uint32_t v) {
    return std::string{char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
}
} // namespace

void TestImageFolder::headerSizesOfEncodedImages_data() {
    QTest::addColumn<QString>("extension");
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("format");
    QTest::newRow("png gray") << ".png" << CV_8UC1 << "png";
    QTest::newRow("png colour") << ".png" << CV_8UC3 << "png";
    QTest::newRow("jpeg") << ".jpg" << CV_8UC3 << "jpeg";
    QTest::newRow("bmp") << ".bmp" << CV_8UC3 << "bmp";
}

// The header reader must agree with the decoder on every format it admits: a width/height swap would let a
// tall image through the side bound, and a wrong offset would bound nothing.
void TestImageFolder::headerSizesOfEncodedImages() {
    QFETCH(QString, extension);
    QFETCH(int, type);
    QFETCH(QString, format);
    const auto bytes = encode(extension.toStdString(), 37, 61, type);
    QVERIFY(!bytes.empty());
    const auto header = readImageHeader(bytes.data(), bytes.size(), "x");
    QCOMPARE(QString::fromStdString(header.format), format);
    QCOMPARE(header.width, std::int64_t{61});
    QCOMPARE(header.height, std::int64_t{37});
    // Every prefix shorter than the header is refused with our error, never read past its end.
    for (std::size_t cut = 0; cut < 24; ++cut) {
        const std::vector<std::uint8_t> prefix(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(cut));
        bool threw = false;
        try {
            readImageHeader(prefix.data(), prefix.size(), "cut");
        } catch (const Error& e) {
            threw = std::string(e.what()).find("cannot read image cut") != std::string::npos;
        }
        QVERIFY2(threw, qPrintable(QStringLiteral("prefix of %1 bytes").arg(cut)));
    }
}

void TestImageFolder::headerOfUnknownFormatIsRefused() {
    const std::string ppm = "P6\n4 4\n255\n" + std::string(48, '\x10'); // OpenCV decodes PPM; we do not admit it
    PACD_EXPECT_ERROR(readImageHeader(reinterpret_cast<const std::uint8_t*>(ppm.data()), ppm.size(), "a.png"), "a.png",
                      "not a PNG, JPEG or BMP");
}

void TestImageFolder::headerDeclaringTooManyPixelsIsRefusedBeforeDecoding() {
    QTemporaryDir dir;
    fs::create_directories(tempPath(dir, "a"));
    // A 33-byte PNG that declares 5000 x 5000 pixels: over the pixel bound, under the side bound.
    const std::string png = std::string("\x89PNG\r\n\x1a\n", 8) + be32(13) + "IHDR" + be32(5000) + be32(5000) +
                            std::string("\x08\x02\x00\x00\x00", 5) + be32(0);
    std::ofstream(tempPath(dir, "a/big.png"), std::ios::binary) << png;
    PACD_EXPECT_ERROR(loadImageFolder(dir.path().toStdString()), "big.png", "declares 5000x5000 pixels", "16777216");
    // 4096 x 4096 is the largest square admitted.
    QVERIFY((requireImageWithinBounds({"png", 4096, 4096}, "ok"), true));
    PACD_EXPECT_ERROR(requireImageWithinBounds({"png", 65537, 1}, "thin"), "thin", "per side");
}

// Found by fuzz_image_folder in CI: a 180-byte BMP whose header declared 851,968 x 262,144 pixels; OpenCV
// allocated the frame before reading a pixel and the fuzzer stopped on out-of-memory.
void TestImageFolder::fuzzOutOfMemoryRegression() {
    const QByteArray input = QByteArray::fromBase64(
        "j0JNZgAAAAAAAAA2AAAAKAAAAAANAAAAAAQAAQAYAAAAAAAwAAAIEwsAABMLAAAAAAAAAAAAAAAyZJbI+ixekML0JgAyZJbI+ixekML0Oi8vZJY5BdOhkML0"
        "JgAyZJbI+ixekML0JolQTkcNChoKAAAADUkAAAAAADJklsj6LF6QwvQmADJklsj6LF6QwvQmADJkljkF06GQwvQmADJklsj6LF6QwvQmiVBORw0KGgoAAAAN"
        "SWCC");
    // The fuzz target's layout: the first byte splits the rest into a/0.png and b/0.png.
    const auto rest = static_cast<std::size_t>(input.size() - 1);
    const std::size_t split = rest * static_cast<std::uint8_t>(input[0]) / 255;
    QTemporaryDir dir;
    fs::create_directories(tempPath(dir, "a"));
    fs::create_directories(tempPath(dir, "b"));
    std::ofstream(tempPath(dir, "a/0.png"), std::ios::binary).write(input.constData() + 1, static_cast<std::streamsize>(split));
    std::ofstream(tempPath(dir, "b/0.png"), std::ios::binary)
        .write(input.constData() + 1 + split, static_cast<std::streamsize>(rest - split));
    PACD_EXPECT_ERROR(loadImageFolder(dir.path().toStdString()), "0.png", "declares");
}

QTEST_GUILESS_MAIN(TestImageFolder)
#include "tst_image_folder.moc"
