#pragma once
#include "support/progress.h"

#include <filesystem>
#include <string>

namespace pacd::cli {

/// True when pacd-cli was built with libcurl.
bool downloadSupported();

/// Downloads `url` to `target` (via target + ".part", renamed when complete), reporting bytes as progress
/// (stage "download"). Throws pacd::Error with curl's reason when offline or the server refuses.
void downloadFile(const std::string& url, const std::filesystem::path& target, const ProgressSink& progress);

} // namespace pacd::cli
