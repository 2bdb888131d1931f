#include "test_helpers.h"

#include "support/cancel.h"
#include "support/folder_lock.h"

#include <chrono>
#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

using namespace pacd;
using pacd::test::tempPath;
namespace fs = std::filesystem;

namespace {

// A child process that takes the lock, tells the parent through a pipe, then holds it `holdSeconds` (< 0: until
// killed). The child only calls the lock and async-signal-safe functions (the suite starts no threads before).
pid_t holdInChild(const fs::path& lockFile, double holdSeconds) {
    int ready[2];
    if (::pipe(ready) != 0) return -1;
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::close(ready[0]);
        auto lock = FolderLock::tryAcquire(lockFile);
        const char byte = lock ? 'y' : 'n';
        (void)!::write(ready[1], &byte, 1);
        if (holdSeconds < 0)
            for (;;)
                ::pause();
        ::usleep(static_cast<useconds_t>(holdSeconds * 1e6));
        ::_exit(0); // the lock goes with the process (no destructor runs)
    }
    ::close(ready[1]);
    char byte = 0;
    const bool ok = ::read(ready[0], &byte, 1) == 1 && byte == 'y';
    ::close(ready[0]);
    return ok ? pid : -1;
}

double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

} // namespace

class TestFolderLock : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void exclusiveWithinAndAcrossProcesses();
    void killedHolderReleasesTheLock();
    void acquireWaitsForTheHolderToFinish();
    void cancelStopsTheWait();
    void unwritableFolderIsAnError();
};

void TestFolderLock::exclusiveWithinAndAcrossProcesses() {
    QTemporaryDir dir;
    const auto file = tempPath(dir, ".lock");
    {
        auto held = FolderLock::tryAcquire(file);
        QVERIFY(held.has_value());
        // A second open file description, even in the same process, is refused (flock, not fcntl locks).
        QVERIFY(!FolderLock::tryAcquire(file).has_value());
        auto moved = std::move(*held); // moving keeps the one descriptor: still locked
        QVERIFY(!FolderLock::tryAcquire(file).has_value());
    }
    QVERIFY(FolderLock::tryAcquire(file).has_value()); // released by the destructor
    QVERIFY(fs::exists(file));                         // the file stays (removing it would break exclusion)
}

void TestFolderLock::killedHolderReleasesTheLock() {
    QTemporaryDir dir;
    const auto file = tempPath(dir, ".lock");
    const pid_t child = holdInChild(file, -1);
    QVERIFY2(child > 0, "the child could not take the lock");
    QVERIFY(!FolderLock::tryAcquire(file).has_value()); // held by the living child
    QCOMPARE(::kill(child, SIGKILL), 0);
    int status = 0;
    QCOMPARE(::waitpid(child, &status, 0), child);
    QVERIFY(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
    // SIGKILL runs no destructor: the kernel released the lock when the process died.
    QVERIFY(FolderLock::tryAcquire(file).has_value());
}

void TestFolderLock::acquireWaitsForTheHolderToFinish() {
    QTemporaryDir dir;
    const auto file = tempPath(dir, ".lock");
    const auto start = std::chrono::steady_clock::now();
    const pid_t child = holdInChild(file, 0.6);
    QVERIFY(child > 0);
    int waits = 0;
    CancelToken cancel;
    {
        const auto lock = FolderLock::acquire(
            file, cancel, [&] { ++waits; }, 0.02);
        const double waited = secondsSince(start);
        QCOMPARE(waits, 1); // told once, not once per poll
        QVERIFY2(waited >= 0.55, std::to_string(waited).c_str());
        QVERIFY2(waited < 5.0, std::to_string(waited).c_str());
        QVERIFY(!FolderLock::tryAcquire(file).has_value()); // now this process holds it
    }
    int status = 0;
    QCOMPARE(::waitpid(child, &status, 0), child);
    // Free lock: no wait reported.
    waits = 0;
    FolderLock::acquire(file, cancel, [&] { ++waits; });
    QCOMPARE(waits, 0);
}

void TestFolderLock::cancelStopsTheWait() {
    QTemporaryDir dir;
    const auto file = tempPath(dir, ".lock");
    const auto held = FolderLock::tryAcquire(file);
    QVERIFY(held.has_value());
    CancelToken cancel;
    int waits = 0;
    bool cancelled = false;
    try {
        FolderLock::acquire(file, cancel, [&] {
            ++waits;
            cancel.cancel(CancelReason::Signal); // as Ctrl-C during the wait
        });
    } catch (const Cancelled& stop) {
        cancelled = stop.reason() == CancelReason::Signal;
    }
    QVERIFY(cancelled);
    QCOMPARE(waits, 1);
}

void TestFolderLock::unwritableFolderIsAnError() {
    PACD_EXPECT_ERROR(FolderLock::tryAcquire("/nonexistent-pacd-dir/.lock"), "/nonexistent-pacd-dir/.lock", "cannot open",
                      "writable");
}

QTEST_GUILESS_MAIN(TestFolderLock)
#include "tst_folder_lock.moc"
