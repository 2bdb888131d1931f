#pragma once
#include "data/dataset.h"

#include <filesystem>
#include <string>
#include <vector>

namespace pacd {

/// CIFAR-10's ten class names, in label order.
const std::vector<std::string>& cifar10ClassNames();

/// Reads one CIFAR-10 binary batch (records of 1 label byte + 3072 pixel bytes, R, G and B planes of 32x32).
/// Throws pacd::Error naming the file when its length is not a whole number of records or a label is not 0-9.
Dataset readCifar10Batch(const std::filesystem::path& path);

/// Writes images [N, 3, 32, 32] in [0, 1] (rounded to uint8) as a CIFAR-10 binary batch, atomically.
void writeCifar10Batch(const std::filesystem::path& path, const Dataset& dataset);

/// Loads the "train" (data_batch_1..5.bin) or "test" (test_batch.bin) split from cifar-10-batches-bin/.
Dataset loadCifar10(const std::filesystem::path& batchesDir, const std::string& split);

} // namespace pacd
