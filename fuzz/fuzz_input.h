#pragma once
// Shared by the libFuzzer targets: the parsers under test read files, so each input is written to a private
// scratch directory first (in /dev/shm when there is one, so that the disk is not the bottleneck).
#include "support/error.h"

#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace pacd::fuzz {

inline const std::filesystem::path& scratchDir() {
    static const std::filesystem::path dir = [] {
        const std::filesystem::path base =
            std::filesystem::is_directory("/dev/shm") ? "/dev/shm" : std::filesystem::temp_directory_path();
        auto path = base / ("pacd-fuzz-" + std::to_string(::getpid()));
        std::filesystem::create_directories(path);
        // Removed at exit, also when libFuzzer ends the run with exit() after -max_total_time.
        std::atexit([] {
            std::error_code ec;
            std::filesystem::remove_all(scratchDir(), ec);
        });
        return path;
    }();
    return dir;
}

inline void writeBytes(const std::filesystem::path& path, const std::uint8_t* data, std::size_t size) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
}

/// Runs `parse`; the parsers' contract is that bad input throws pacd::Error and nothing else, so any other
/// exception escapes and libFuzzer reports it as a crash.
template <typename Parse> void expectOnlyPacdErrors(Parse&& parse) {
    try {
        parse();
    } catch (const pacd::Error&) {
    }
}

} // namespace pacd::fuzz
