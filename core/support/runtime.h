#pragma once
#include <torch/types.h>

#include <string>

namespace pacd {

/// Sets LibTorch's intra-op thread count; 0 means one per hardware thread. Returns the count in force.
/// (LibTorch starts with 1 thread on some machines, which wastes every other core.)
int configureThreads(int threads = 0);

/// Parses "auto" (CUDA when available, else CPU), "cpu", "cuda" or "cuda:N"; throws naming the setting.
torch::Device parseDevice(const std::string& spec);

/// One line for people: "CPU (2 threads)" or "CUDA:0 NVIDIA H100 ...".
std::string describeDevice(const torch::Device& device);

/// LibTorch's version as "major.minor.patch".
std::string torchVersion();

} // namespace pacd
