#include "test_helpers.h"

#include "data/image_folder.h"

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
    Dataset original{"g", torch::randint(0, 256, {6, 1, 5, 5}).to(torch::kFloat) / 255.0, torch::tensor({0, 1, 1, 0, 1, 1}, torch::kLong),
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
                               le32(40) + le32(3080000) + le32(4) + std::string("\x01\x00\x18\x00", 4) + le32(0) +
                               le32(48) + le32(2835) + le32(2835) + le32(0) + le32(0); // info header: 24-bit
    std::ofstream(tempPath(dir, "a/wide.bmp"), std::ios::binary) << header << std::string(48, '\x7f');
    PACD_EXPECT_ERROR(loadImageFolder(dir.path().toStdString()), "wide.bmp", "cannot read image");
}

QTEST_GUILESS_MAIN(TestImageFolder)
#include "tst_image_folder.moc"
