#pragma once
// pacd-cli's training subcommand.
#include "cli_context.h"

namespace pacd::cli {

/// Registers `train`: trains a victim model (standard, GA, MACER, SmoothAdv) on clean or poisoned data.
void addTrainCommand(CLI::App& app, GlobalOptions& options);

} // namespace pacd::cli
