#pragma once
#include "data/dataset.h"
#include "data/splits.h"

#include <filesystem>
#include <string>
#include <vector>

namespace pacd {

/// A data set the engine knows by name, and where its files live under the data directory.
struct DatasetEntry {
    std::string name; ///< "mnist", "fashion-mnist", "cifar10", "toy-gaussians"
    std::string description;
    std::string folder;             ///< sub-folder of the data directory ("" = generated, nothing on disk)
    std::vector<std::string> files; ///< files expected in that folder (IDX may also be .gz)
    std::string howToGet;           ///< what to run when it is missing
};

/// Every data set the engine knows, in display order.
const std::vector<DatasetEntry>& knownDatasets();

/// The entry called `name`; throws pacd::Error listing the known names otherwise.
const DatasetEntry& findDataset(const std::string& name);

/// Whether a data set's files are in the data directory.
struct DatasetStatus {
    DatasetEntry entry;
    std::filesystem::path dir;
    bool present = false;
    std::vector<std::string> missing; ///< expected files not found
};
DatasetStatus datasetStatus(const std::string& name, const std::filesystem::path& dataDir);

/// The split names loadSplit() accepts: "train" (the whole official training file), "paper-train" (its
/// train part after the validation split), "val", "test", "all" (training file + test file).
const std::vector<std::string>& splitNames();

/// Loads the official "train" or "test" file of a data set.
Dataset loadDatasetFile(const std::string& name, const std::string& file, const std::filesystem::path& dataDir);

/// Loads one split (see splitNames()); "paper-train" and "val" come from splitTrainValidation(config).
Dataset loadSplit(const std::string& name, const std::string& split, const std::filesystem::path& dataDir,
                  const SplitConfig& config = {});

} // namespace pacd
