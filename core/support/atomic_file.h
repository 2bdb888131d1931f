#pragma once
#include <filesystem>
#include <functional>
#include <string>

namespace pacd {

/// Writes a file so that readers see either the old content or the complete new one, never a torn file:
/// the writer fills a temporary file beside the target, which is flushed, fsync'ed and renamed over it.
/// If the writer throws, the temporary file is removed and the target is untouched.
void writeFileAtomically(const std::filesystem::path& target,
                         const std::function<void(const std::filesystem::path& tempPath)>& writer);

/// Atomically replaces `target` with `content`.
void writeTextAtomically(const std::filesystem::path& target, const std::string& content);

/// Reads a whole file; throws pacd::Error naming the file when it cannot be read.
std::string readFile(const std::filesystem::path& path);

} // namespace pacd
