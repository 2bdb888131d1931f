#pragma once
#include "data/dataset.h"
#include "data/poison_set.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace pacd {

/// How a poisoned training set is written for other tools (`pacd-cli export` and the GUI's export dialog).
enum class ExportFormat {
    Idx,      ///< train-images-idx3-ubyte + train-labels-idx1-ubyte: uint8, pixels rounded (what other tools read)
    IdxFloat, ///< train-images-idx3-float (float32, exact) + train-labels-idx1-ubyte
    Png,      ///< <class name>/<index>.png folders (uint8, rounded)
};

/// "idx", "idx-float" or "png"; throws pacd::Error naming the setting and the allowed values otherwise.
ExportFormat parseExportFormat(const std::string& name);
/// The name parseExportFormat() accepts for `format`.
std::string exportFormatName(ExportFormat format);

/// What to export besides the format. Defaults: the whole paper train part, split seed 0.
struct PoisonExportConfig {
    ExportFormat format = ExportFormat::Idx;
    std::int64_t subset = 0;     ///< the stratified subset the poisons were made on; 0 = the whole train part
    std::uint64_t splitSeed = 0; ///< seed of the split and the subset (the attack's --split-seed)
    bool poisonsOnly = false;    ///< only the poisoned images (labelled with the target class), not the training set
};

/// What an export wrote.
struct PoisonExportSummary {
    std::int64_t points = 0;               ///< images written
    std::int64_t poisons = 0;              ///< poisoned images among them
    std::int64_t target = 0;               ///< the poisoned class
    std::vector<std::int64_t> classCounts; ///< images per class
};

/// The training set a victim of `poison` trains on (the train part, or its subset, with the target class's points
/// replaced by the poisons), or only the poisons when config.poisonsOnly. Loads the data set from `dataDir`.
Dataset poisonedTrainingSet(const PoisonSet& poison, const PoisonExportConfig& config, const std::filesystem::path& dataDir);

/// Writes `data` into the directory `dir` (created) in `format`; every file is written atomically, and PNG
/// folders replace nothing already there. Throws pacd::Error naming the file on failure.
void writeExport(const Dataset& data, const std::filesystem::path& dir, ExportFormat format);

/// readPoisonSet(manifest) → poisonedTrainingSet → writeExport: what `pacd-cli export` and the GUI's export do.
PoisonExportSummary exportPoisonedTrainingSet(const std::filesystem::path& manifest, const std::filesystem::path& outDir,
                                              const PoisonExportConfig& config, const std::filesystem::path& dataDir);

} // namespace pacd
