#pragma once
#include "models/classifier.h"

#include <filesystem>
#include <optional>
#include <string>

namespace pacd {

/// What a checkpoint records besides the weights, so that it can never be used in the wrong setting.
struct CheckpointInfo {
    ModelSpec spec;
    double sigma = 0.0;              ///< noise level the model was trained for (0 = none)
    std::string method = "standard"; ///< standard | ga | macer | smoothadv
    std::string dataset;             ///< data set it was trained on, e.g. "mnist" or "mnist+poison:file"
    std::int64_t epoch = 0;          ///< epochs completed
    std::uint64_t seed = 0;
    std::string precision = "fp32"; ///< fp32 | bf16: the arithmetic it was trained in (files before it: fp32)
};

/// Writes weights and info to `path` atomically (temp file + rename), sealed with a hash of its content.
void saveCheckpoint(const std::filesystem::path& path, ClassifierImpl& model, const CheckpointInfo& info);

/// Seals a LibTorch archive in place (saveCheckpoint does this): the loaders refuse unsealed or damaged files
/// before LibTorch's reader, which crashes on some damaged archives, sees a byte of them.
void sealCheckpointFile(const std::filesystem::path& path);

/// What the caller needs; unset fields are not checked.
struct CheckpointExpectation {
    std::optional<std::string> arch;
    std::optional<std::string> dataset; ///< compared with the checkpoint's data set name before any '+'
    std::optional<double> sigma;
    bool allowSigmaOverride = false; ///< certify a model at a σ other than its training σ on purpose
};

struct LoadedCheckpoint {
    Classifier model; ///< in eval mode, on the requested device
    CheckpointInfo info;
};

/// Reads a checkpoint; throws pacd::Error naming the file when it is missing, unsealed or damaged, corrupt, of
/// another format version, describes an impossible model, or does not match `expect` (architecture, data set, σ).
LoadedCheckpoint loadCheckpoint(const std::filesystem::path& path, const CheckpointExpectation& expect = {},
                                const torch::Device& device = torch::kCPU);

/// Reads only the info (cheap: no model is built).
CheckpointInfo readCheckpointInfo(const std::filesystem::path& path);

} // namespace pacd
