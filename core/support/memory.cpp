#include "support/memory.h"

#include "support/error.h"

#include <dlfcn.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace pacd {
namespace {

std::optional<std::int64_t> meminfoAvailable() {
    std::ifstream in("/proc/meminfo");
    std::string key, unit;
    std::int64_t value = 0;
    while (in >> key >> value) {
        std::getline(in, unit);
        if (key == "MemAvailable:") return value * 1024; // the kernel reports kB
    }
    return std::nullopt;
}

std::optional<std::int64_t> readNumber(const char* path) {
    std::ifstream in(path);
    std::string text;
    if (!(in >> text) || text == "max") return std::nullopt;
    try {
        return std::stoll(text);
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

// A container's limit is not visible in /proc/meminfo (which shows the host); cgroup v2 says it.
std::optional<std::int64_t> cgroupAvailable() {
    const auto limit = readNumber("/sys/fs/cgroup/memory.max");
    const auto used = readNumber("/sys/fs/cgroup/memory.current");
    if (!limit || !used) return std::nullopt;
    return std::max<std::int64_t>(0, *limit - *used);
}

// LibTorch has no portable C++ call for free device memory, and the CPU-only Debian build has no CUDA headers;
// the CUDA runtime that a CUDA LibTorch has loaded is found by name instead (nothing is loaded on a CPU build).
std::optional<std::int64_t> cudaAvailable(const torch::Device& device) {
    using GetDevice = int (*)(int*);
    using SetDevice = int (*)(int);
    using MemGetInfo = int (*)(std::size_t*, std::size_t*);
    auto getDevice = reinterpret_cast<GetDevice>(dlsym(RTLD_DEFAULT, "cudaGetDevice"));
    auto setDevice = reinterpret_cast<SetDevice>(dlsym(RTLD_DEFAULT, "cudaSetDevice"));
    auto memGetInfo = reinterpret_cast<MemGetInfo>(dlsym(RTLD_DEFAULT, "cudaMemGetInfo"));
    if (!getDevice || !setDevice || !memGetInfo) return std::nullopt;
    int previous = 0;
    if (getDevice(&previous) != 0) return std::nullopt;
    const int index = device.has_index() ? device.index() : previous;
    std::size_t freeBytes = 0, totalBytes = 0;
    const bool ok = setDevice(index) == 0 && memGetInfo(&freeBytes, &totalBytes) == 0;
    setDevice(previous);
    if (!ok) return std::nullopt;
    return static_cast<std::int64_t>(freeBytes);
}

} // namespace

std::optional<std::int64_t> availableMemory(const torch::Device& device) {
    std::optional<std::int64_t> available;
    if (device.is_cuda()) {
        available = cudaAvailable(device);
    } else if (device.is_cpu()) {
        available = meminfoAvailable();
        if (const auto cgroup = cgroupAvailable()) available = available ? std::min(*available, *cgroup) : *cgroup;
    }
    if (const char* cap = std::getenv("PACD_MEMORY_LIMIT_MB"); cap && *cap) {
        char* end = nullptr;
        const long long mb = std::strtoll(cap, &end, 10);
        require(end && *end == '\0' && mb >= 0, "PACD_MEMORY_LIMIT_MB must be a whole number of MiB, got '", cap, "'");
        const std::int64_t capped = mb * 1024 * 1024;
        available = available ? std::min(*available, capped) : capped;
    }
    return available;
}

std::string formatBytes(std::int64_t bytes) {
    const char* units[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    double value = static_cast<double>(bytes);
    int unit = 0;
    while (value >= 1024.0 && unit < 6) {
        value /= 1024.0;
        ++unit;
    }
    char text[32];
    std::snprintf(text, sizeof text, unit == 0 ? "%.0f %s" : "%.1f %s", value, units[unit]);
    return text;
}

void requireMemory(const torch::Device& device, const MemoryNeed& need) {
    const auto available = availableMemory(device);
    if (!available) return;
    require(need.bytes <= *available, need.what, " needs about ", formatBytes(need.bytes), " on ", device.str(), " but only ",
            formatBytes(*available), " is available; lower ", need.setting);
}

} // namespace pacd
