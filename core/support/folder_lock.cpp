#include "support/folder_lock.h"

#include "support/error.h"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace pacd {

std::optional<FolderLock> FolderLock::tryAcquire(const std::filesystem::path& lockFile) {
    // O_CLOEXEC: a child process started while the lock is held (none today) must not keep it alive.
    const int fd = ::open(lockFile.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    require(fd >= 0, "lock file ", lockFile, ": cannot open (", std::strerror(errno),
            "); the work folder must be writable by every task");
    int rc;
    do
        rc = ::flock(fd, LOCK_EX | LOCK_NB);
    while (rc != 0 && errno == EINTR);
    if (rc == 0) return FolderLock(fd);
    const int error = errno;
    ::close(fd);
    if (error == EWOULDBLOCK) return std::nullopt;
    fail("lock file ", lockFile, ": flock failed (", std::strerror(error),
         "); on a shared file system, mount it with flock support (e.g. Lustre -o flock)");
}

FolderLock FolderLock::acquire(const std::filesystem::path& lockFile, const CancelToken& cancel,
                               const std::function<void()>& onWait, double pollSeconds) {
    // Polling instead of a blocking flock: a blocked flock can only be interrupted by a signal, and the cancel
    // token (Ctrl-C, the GUI's Cancel) must stop the wait like any other.
    bool told = false;
    for (;;) {
        cancel.throwIfCancelled();
        if (auto lock = tryAcquire(lockFile)) return std::move(*lock);
        if (!told && onWait) onWait();
        told = true;
        std::this_thread::sleep_for(std::chrono::duration<double>(pollSeconds));
    }
}

FolderLock::FolderLock(FolderLock&& other) noexcept : m_fd(other.m_fd) {
    other.m_fd = -1;
}

FolderLock& FolderLock::operator=(FolderLock&& other) noexcept {
    if (this != &other) {
        if (m_fd >= 0) ::close(m_fd);
        m_fd = other.m_fd;
        other.m_fd = -1;
    }
    return *this;
}

FolderLock::~FolderLock() {
    if (m_fd >= 0) ::close(m_fd); // closing the last descriptor of the open file releases the flock
}

} // namespace pacd
