#pragma once
// pacd-bench's subcommands; each prints one JSON document on stdout.
#include <CLI/CLI.hpp>

#include <chrono>
#include <string>

namespace pacd::bench {

struct BenchOptions {
    int threads = 0;             ///< LibTorch intra-op threads; 0 = one per core
    std::string device = "auto"; ///< auto, cpu, cuda, cuda:N
    std::string dataDir;         ///< data directory (real MNIST points when present)
};

using Clock = std::chrono::steady_clock;
inline double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

void addModelsBench(CLI::App& app, BenchOptions& options);
void addCertifyBench(CLI::App& app, BenchOptions& options);
void addAttackBench(CLI::App& app, BenchOptions& options);
void addTrainBench(CLI::App& app, BenchOptions& options);
void addExperimentBench(CLI::App& app, BenchOptions& options);
void addStageRatesBench(CLI::App& app, BenchOptions& options);

} // namespace pacd::bench
