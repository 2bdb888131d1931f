#pragma once
// pacd-cli's smoothing subcommands: certify, predict, pgd-distortion.
#include "cli_context.h"

namespace pacd::cli {

/// Registers `certify`, `predict` and `pgd-distortion` (randomized smoothing of a checkpoint on a data split).
void addCertifyCommands(CLI::App& app, GlobalOptions& options);

} // namespace pacd::cli
