#pragma once
// What `run` and `sweep` share (run_command.cpp): their options, the specs they cover, running them in turn.
#include "cli_context.h"

#include "plan/spec.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace pacd::cli {

struct RunArgs {
    std::vector<std::string> specFiles;
    std::string preset, scale = "demo", workRoot, store, only, precision;
    bool fresh = false, noStore = false;
    std::int64_t certifyBatch = 1000;
};

/// --spec, --preset, --scale, --only, --work, --store, --no-store, --fresh, --certify-batch, --precision.
void addRunOptions(CLI::App* command, RunArgs& args);
/// The specs a run or a sweep covers: spec files in order, or a preset's rows (optionally one of them), each with
/// the preset it is a row of ("" for a file).
std::vector<std::pair<ExperimentSpec, std::string>> specsOf(const RunArgs& args);
/// Runs the specs one after another into the store; Ctrl-C stops the current one after a checkpoint.
void runAll(const RunArgs& args, const GlobalOptions& options);

} // namespace pacd::cli
