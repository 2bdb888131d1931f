#pragma once
#include "data/dataset.h"

#include <filesystem>
#include <string>
#include <vector>

namespace pacd {

/// An IDX array (LeCun's MNIST format) as read from disk: uint8 (type 0x08) or float32 (type 0x0D).
struct IdxArray {
    std::vector<std::int64_t> dims;
    torch::Tensor data; ///< shape = dims; dtype uint8 or float32
};

/// Reads an IDX file, raw or gzip-compressed (detected from content). Throws pacd::Error naming the file and
/// the problem: bad magic number, unsupported type, truncated data, trailing bytes.
IdxArray readIdx(const std::filesystem::path& path);

/// Writes a uint8 or float32 tensor as IDX (gzip-compressed when `gzip`), atomically. Float32 keeps poisoned
/// images exact; uint8 is what other tools read.
void writeIdx(const std::filesystem::path& path, const torch::Tensor& data, bool gzip = false);

/// Loads an image/label IDX pair: images [N, H, W] (or [N, C, H, W]) uint8 scaled to [0, 1], or float32 as is.
Dataset loadIdxDataset(const std::filesystem::path& images, const std::filesystem::path& labels, const std::string& name,
                       const std::vector<std::string>& classNames);

} // namespace pacd
