#pragma once
#include <filesystem>
#include <string>

namespace pacd {

/// Where datasets live: an explicit override if non-empty, else $PACD_DATA_DIR, else
/// $XDG_DATA_HOME/pacd-studio/datasets, else ~/.local/share/pacd-studio/datasets.
std::filesystem::path resolveDataDir(const std::string& override = {});

/// Where pacd-studio keeps its own state (results store, sessions): the parent of the default data dir.
std::filesystem::path stateDir();

} // namespace pacd
