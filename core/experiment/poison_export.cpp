#include "experiment/poison_export.h"

#include "data/attack_data.h"
#include "data/catalog.h"
#include "data/idx.h"
#include "data/image_folder.h"
#include "data/training_views.h"
#include "support/error.h"

#include <torch/torch.h>

namespace pacd {

ExportFormat parseExportFormat(const std::string& name) {
    if (name == "idx") return ExportFormat::Idx;
    if (name == "idx-float") return ExportFormat::IdxFloat;
    if (name == "png") return ExportFormat::Png;
    fail("export format '", name, "' is not one of idx, idx-float, png");
}

std::string exportFormatName(ExportFormat format) {
    switch (format) {
    case ExportFormat::Idx:
        return "idx";
    case ExportFormat::IdxFloat:
        return "idx-float";
    case ExportFormat::Png:
        return "png";
    }
    fail("unknown export format ", static_cast<int>(format));
}

Dataset poisonedTrainingSet(const PoisonSet& poison, const PoisonExportConfig& config, const std::filesystem::path& dataDir) {
    if (config.poisonsOnly) {
        const auto trainingFile = loadDatasetFile(poison.dataset, "train", dataDir);
        return Dataset{poison.dataset + "/poisons", poison.images, torch::full({poison.size()}, poison.targetClass, torch::kLong),
                       trainingFile.classNames, poison.valueRange};
    }
    const auto split = loadAttackSplit(poison.dataset, config.subset, config.splitSeed, dataDir);
    return poisonedView(split.trainingFile, split.train, poison);
}

void writeExport(const Dataset& data, const std::filesystem::path& dir, ExportFormat format) {
    std::filesystem::create_directories(dir);
    if (format == ExportFormat::Png) {
        writeImageFolder(dir, data);
        return;
    }
    const bool exact = format == ExportFormat::IdxFloat;
    // Single-channel images as [N, H, W], the shape MNIST's own files have.
    auto images = data.images.dim() == 4 && data.images.size(1) == 1 ? data.images.squeeze(1) : data.images;
    if (!exact) images = images.mul(255.0f).round_().clamp_(0, 255).to(torch::kUInt8);
    writeIdx(dir / (exact ? "train-images-idx3-float" : "train-images-idx3-ubyte"), images.contiguous());
    writeIdx(dir / "train-labels-idx1-ubyte", data.labels.to(torch::kUInt8));
}

PoisonExportSummary exportPoisonedTrainingSet(const std::filesystem::path& manifest, const std::filesystem::path& outDir,
                                              const PoisonExportConfig& config, const std::filesystem::path& dataDir) {
    const auto poison = readPoisonSet(manifest);
    const auto data = poisonedTrainingSet(poison, config, dataDir);
    writeExport(data, outDir, config.format);
    return PoisonExportSummary{data.size(), poison.size(), poison.targetClass, data.classCounts()};
}

} // namespace pacd
