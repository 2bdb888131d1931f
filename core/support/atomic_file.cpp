#include "support/atomic_file.h"

#include "support/error.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <random>
#include <signal.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace pacd {
namespace {

constexpr const char* kTempTag = ".tmp-";

fs::path temporarySibling(const fs::path& target) {
    std::random_device rd;
    const auto tag = std::to_string(::getpid()) + "-" + std::to_string(rd());
    return target.parent_path() / ("." + target.filename().string() + kTempTag + tag);
}

// rename() is only atomic once the data has reached the disk; without fsync a crash can leave an empty file.
void syncPath(const fs::path& path, bool directory) {
    const int fd = ::open(path.c_str(), directory ? O_RDONLY | O_DIRECTORY : O_RDONLY);
    if (fd < 0) return; // best effort: some file systems refuse opening directories
    ::fsync(fd);
    ::close(fd);
}

// A process killed while writing (SIGKILL, power loss) leaves its hidden ".<name>.tmp-<pid>-<n>" behind. The next
// write of the same target removes those whose writer is gone, so that resumed runs end with no stray files.
void removeStaleTemporaries(const fs::path& dir, const fs::path& target) {
    const auto prefix = "." + target.filename().string() + kTempTag;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const auto name = it->path().filename().string();
        if (name.compare(0, prefix.size(), prefix) != 0) continue;
        const auto digits = name.substr(prefix.size(), name.find('-', prefix.size()) - prefix.size());
        if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos) continue;
        const auto pid = static_cast<pid_t>(std::stoll(digits));
        if (pid == ::getpid() || ::kill(pid, 0) == 0 || errno != ESRCH) continue; // its writer may still be at work
        std::error_code removeError;
        fs::remove(it->path(), removeError);
    }
}

} // namespace

void writeFileAtomically(const fs::path& target, const std::function<void(const fs::path&)>& writer) {
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::error_code ec;
    fs::create_directories(dir, ec);
    require(!ec, "cannot create directory ", dir, ": ", ec.message());
    removeStaleTemporaries(dir, target);
    const fs::path temp = temporarySibling(target.has_parent_path() ? target : fs::path(".") / target);
    try {
        writer(temp);
        require(fs::exists(temp), "writer produced no file for ", target);
        syncPath(temp, false);
    } catch (...) {
        fs::remove(temp, ec);
        throw;
    }
    fs::rename(temp, target, ec);
    if (ec) {
        fs::remove(temp);
        fail("cannot replace ", target, ": ", ec.message());
    }
    syncPath(dir, true);
}

void writeTextAtomically(const fs::path& target, const std::string& content) {
    writeFileAtomically(target, [&](const fs::path& temp) {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        require(out.good(), "cannot write ", temp, ": ", std::strerror(errno));
        out.write(content.data(), static_cast<std::streamsize>(content.size()));
        out.flush();
        require(out.good(), "write failed for ", temp, ": ", std::strerror(errno));
    });
}

std::string readFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    require(in.good(), "cannot open ", path, ": ", std::strerror(errno));
    std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    require(!in.bad(), "read failed for ", path);
    return content;
}

} // namespace pacd
