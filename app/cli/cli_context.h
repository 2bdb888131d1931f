#pragma once
// Shared plumbing of pacd-cli's subcommands: global options, JSON output, progress on stderr.
#include "support/progress.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

namespace pacd::cli {

/// Options every subcommand sees (given before or after the subcommand name).
struct GlobalOptions {
    std::string dataDir;         ///< --data-dir; empty = PACD_DATA_DIR or the XDG default
    int threads = 0;             ///< --threads; 0 = one per core
    std::string device = "auto"; ///< --device auto|cpu|cuda|cuda:N
    bool events = false;         ///< --events: JSON-lines progress events on stderr instead of a bar

    std::filesystem::path resolvedDataDir() const;
    /// Applies --threads (call at the start of every command that computes).
    void applyThreads() const;
};

/// Prints one JSON document on stdout (the only thing a command writes there).
void printJson(const nlohmann::ordered_json& value);

/// A progress sink drawing a bar with ETA on stderr when it is a terminal, JSON lines with --events,
/// and nothing otherwise (logs in CI stay clean).
ProgressSink terminalProgress(const GlobalOptions& options);

/// Each subcommand file registers itself through one of these.
void addDatasetCommands(CLI::App& app, GlobalOptions& options); // datasets, dataset-info
void addFetchCommand(CLI::App& app, GlobalOptions& options);    // fetch
void addDemoCommand(CLI::App& app, GlobalOptions& options);     // demo
void addModelCommands(CLI::App& app, GlobalOptions& options);   // models
void addToyCommand(CLI::App& app, GlobalOptions& options);      // toy
void addPoisonCommands(CLI::App& app, GlobalOptions& options);  // poison, baseline, export
void addSpecCommand(CLI::App& app, GlobalOptions& options);     // spec
void addRunCommands(CLI::App& app, GlobalOptions& options);     // run, presets
void addSweepCommand(CLI::App& app, GlobalOptions& options);    // sweep, sweep status
void addResultsCommands(CLI::App& app, GlobalOptions& options); // results list/show/export/merge/delete
void addDetectCommand(CLI::App& app, GlobalOptions& options);   // detect

} // namespace pacd::cli
