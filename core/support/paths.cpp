#include "support/paths.h"

#include "support/error.h"

#include <cstdlib>

namespace fs = std::filesystem;

namespace pacd {
namespace {

std::string env(const char* name) {
    const char* value = std::getenv(name);
    return value ? std::string(value) : std::string();
}

} // namespace

fs::path stateDir() {
    if (const auto xdg = env("XDG_DATA_HOME"); !xdg.empty()) return fs::path(xdg) / "pacd-studio";
    const auto home = env("HOME");
    require(!home.empty(), "neither XDG_DATA_HOME nor HOME is set: pass --data-dir or set PACD_DATA_DIR");
    return fs::path(home) / ".local" / "share" / "pacd-studio";
}

fs::path resolveDataDir(const std::string& override) {
    if (!override.empty()) return fs::path(override);
    if (const auto fromEnv = env("PACD_DATA_DIR"); !fromEnv.empty()) return fs::path(fromEnv);
    return stateDir() / "datasets";
}

} // namespace pacd
