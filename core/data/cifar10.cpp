#include "data/cifar10.h"

#include "support/atomic_file.h"
#include "support/error.h"

#include <torch/torch.h>

#include <cstring>

namespace fs = std::filesystem;

namespace pacd {
namespace {
constexpr std::int64_t kPixels = 3 * 32 * 32;
constexpr std::int64_t kRecord = 1 + kPixels;
} // namespace

const std::vector<std::string>& cifar10ClassNames() {
    static const std::vector<std::string> names{"airplane", "automobile", "bird",  "cat",  "deer",
                                                "dog",      "frog",       "horse", "ship", "truck"};
    return names;
}

Dataset readCifar10Batch(const fs::path& path) {
    require(fs::exists(path), "CIFAR-10 batch ", path, " does not exist");
    const auto bytes = readFile(path);
    const auto length = static_cast<std::int64_t>(bytes.size());
    require(length > 0 && length % kRecord == 0, path, ": length ", length, " is not a whole number of CIFAR-10 records (",
            kRecord, " bytes each)");
    const auto count = length / kRecord;
    auto raw = torch::from_blob(const_cast<char*>(bytes.data()), {count, kRecord}, torch::kUInt8);
    auto labels = raw.select(1, 0).to(torch::kLong);
    const auto maxLabel = labels.max().item<std::int64_t>();
    require(maxLabel < 10, path, ": label ", maxLabel, " is not a CIFAR-10 class (0-9); is this the binary version?");
    // from_blob borrows `bytes`; the float conversion below makes the owning copy.
    auto images = raw.slice(1, 1).reshape({count, 3, 32, 32}).to(torch::kFloat).div_(255.0f);
    return Dataset{"cifar10:" + path.filename().string(), images, labels, cifar10ClassNames()};
}

void writeCifar10Batch(const fs::path& path, const Dataset& dataset) {
    require(dataset.images.dim() == 4 && dataset.images.size(1) == 3 && dataset.images.size(2) == 32 &&
                dataset.images.size(3) == 32,
            "cannot write ", dataset.name, " as CIFAR-10: images must be [N, 3, 32, 32], got ", dataset.images.sizes());
    const auto count = dataset.size();
    auto pixels = dataset.images.mul(255.0f).round_().clamp_(0, 255).to(torch::kUInt8).reshape({count, kPixels});
    auto records = torch::cat({dataset.labels.to(torch::kUInt8).unsqueeze(1), pixels}, 1).contiguous();
    writeTextAtomically(path, std::string(static_cast<const char*>(records.data_ptr()), records.numel()));
}

Dataset loadCifar10(const fs::path& batchesDir, const std::string& split) {
    require(fs::is_directory(batchesDir), "CIFAR-10 directory ", batchesDir,
            " does not exist: run 'pacd-cli fetch cifar10' or place cifar-10-batches-bin/ there");
    std::vector<Dataset> parts;
    if (split == "train") {
        for (int i = 1; i <= 5; ++i)
            parts.push_back(readCifar10Batch(batchesDir / ("data_batch_" + std::to_string(i) + ".bin")));
    } else if (split == "test") {
        parts.push_back(readCifar10Batch(batchesDir / "test_batch.bin"));
    } else {
        fail("unknown CIFAR-10 split '", split, "' (expected train or test)");
    }
    return concatenate(parts, "cifar10/" + split);
}

} // namespace pacd
