#pragma once
#include <torch/types.h>

#include <cstdint>
#include <optional>
#include <string>

namespace pacd {

/// Bytes `device` can still hand out: on CUDA the driver's free memory (cudaMemGetInfo, when the CUDA runtime
/// is loaded), on the CPU /proc/meminfo's MemAvailable, lowered to the cgroup's limit minus its usage when the
/// process runs in a memory-limited cgroup (a container). nullopt when it cannot be told.
/// $PACD_MEMORY_LIMIT_MB, when set, caps the figure (to try the refusals, or to keep a shared machine usable).
std::optional<std::int64_t> availableMemory(const torch::Device& device);

/// "1.5 GiB", "512 MiB", "900 B".
std::string formatBytes(std::int64_t bytes);

/// What a run is about to ask of a device, for refusing it up front instead of dying mid-way.
struct MemoryNeed {
    std::int64_t bytes = 0; ///< the estimate
    std::string what;       ///< the work, with the numbers it came from: "certify: batches of 1000 noisy 1x28x28 samples"
    std::string setting;    ///< the setting to lower: "batch (pacd-cli --batch)"
};

/// Throws pacd::Error when need.bytes exceeds availableMemory(device), naming the work, both figures and the
/// setting to lower. Does nothing when the available memory is unknown.
void requireMemory(const torch::Device& device, const MemoryNeed& need);

} // namespace pacd
