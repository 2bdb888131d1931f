#pragma once
// One process at a time per content-addressed artefact folder: Slurm array tasks (and a GUI beside a CLI run) that
// share a work folder compute a shared stage (a poison set used by several retraining specs) once; the others wait
// and reuse it. POSIX advisory flock(2): the kernel drops it when its holder exits, however it exits, so a task
// killed mid-stage (SIGKILL, the out-of-memory killer, a node's time limit) never blocks the others for good.
#include "support/cancel.h"

#include <filesystem>
#include <functional>
#include <optional>

namespace pacd {

/// An exclusive advisory lock on a lock file (created if missing, never removed: removing it would let a
/// second process lock a new file of the same name while the first still holds the old one). Released by the
/// destructor, or by the kernel when the process dies. Works across processes on one machine and on shared
/// file systems whose flock reaches every client (NFSv4, Lustre with -o flock, GPFS, BeeGFS).
class FolderLock {
  public:
    /// Takes the lock now, or returns nothing when another open file description holds it. Throws pacd::Error
    /// naming the file when it cannot be opened or locked for another reason.
    static std::optional<FolderLock> tryAcquire(const std::filesystem::path& lockFile);
    /// Waits until the lock is free and takes it, polling every `pollSeconds` so that `cancel` stops the wait
    /// (throws Cancelled). `onWait` is called once, before waiting, when another process holds the lock.
    static FolderLock acquire(const std::filesystem::path& lockFile, const CancelToken& cancel,
                              const std::function<void()>& onWait = {}, double pollSeconds = 0.2);

    FolderLock(FolderLock&& other) noexcept;
    FolderLock& operator=(FolderLock&& other) noexcept;
    FolderLock(const FolderLock&) = delete;
    FolderLock& operator=(const FolderLock&) = delete;
    ~FolderLock();

  private:
    explicit FolderLock(int fd) : m_fd(fd) {}
    int m_fd = -1;
};

} // namespace pacd
