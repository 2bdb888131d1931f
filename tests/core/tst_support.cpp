#include "test_helpers.h"

#include "support/atomic_file.h"
#include "support/cancel.h"
#include "support/progress.h"
#include "support/runtime.h"

#include <atomic>
#include <chrono>
#include <fstream>
#include <thread>
#include <unistd.h>

using namespace pacd;
using pacd::test::tempPath;
namespace fs = std::filesystem;

class TestSupport : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void atomicWriteReplacesWhole();
    void failedWriterLeavesTargetUntouched();
    void staleTemporariesOfDeadWritersAreRemoved();
    void dataDirResolutionOrder();
    void cancelTokenAcrossThreads();
    void threadsDefaultToCores();
    void deviceParsing();
};

void TestSupport::atomicWriteReplacesWhole() {
    QTemporaryDir dir;
    const auto target = tempPath(dir, "sub/result.json");
    writeTextAtomically(target, "first");
    writeTextAtomically(target, "second, longer");
    QCOMPARE(readFile(target), std::string("second, longer"));
    QCOMPARE(static_cast<int>(std::distance(fs::directory_iterator(target.parent_path()), {})), 1);
}

void TestSupport::failedWriterLeavesTargetUntouched() {
    QTemporaryDir dir;
    const auto target = tempPath(dir, "data.bin");
    writeTextAtomically(target, "precious");
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, writeFileAtomically(target, [](const fs::path& temp) {
                                 std::ofstream(temp) << "half";
                                 throw std::runtime_error("disk full");
                             }));
    QCOMPARE(readFile(target), std::string("precious"));
    QCOMPARE(static_cast<int>(std::distance(fs::directory_iterator(dir.path().toStdString()), {})), 1);
}

void TestSupport::staleTemporariesOfDeadWritersAreRemoved() {
    // What a SIGKILL mid-write leaves: the writer's hidden temporary. 4194305 is above Linux's largest pid_max,
    // so no process has it; the parent process is alive, so its temporary may still be in use and must stay.
    QTemporaryDir dir;
    const auto target = tempPath(dir, "result.json");
    const auto dead = tempPath(dir, ".result.json.tmp-4194305-17");
    const auto alive = tempPath(dir, ".result.json.tmp-" + std::to_string(::getppid()) + "-3");
    const auto other = tempPath(dir, ".other.json.tmp-4194305-1");
    for (const auto& path : {dead, alive, other})
        std::ofstream(path) << "half";
    writeTextAtomically(target, "whole");
    QVERIFY(!fs::exists(dead));
    QVERIFY(fs::exists(alive));
    QVERIFY(fs::exists(other)); // another target's temporaries are that target's business
    QCOMPARE(readFile(target), std::string("whole"));
}

void TestSupport::dataDirResolutionOrder() {
    const QByteArray savedData = qgetenv("PACD_DATA_DIR"), savedXdg = qgetenv("XDG_DATA_HOME");
    qputenv("PACD_DATA_DIR", "/env/data");
    qputenv("XDG_DATA_HOME", "/xdg");
    QCOMPARE(resolveDataDir("/flag/data"), fs::path("/flag/data"));
    QCOMPARE(resolveDataDir(), fs::path("/env/data"));
    qunsetenv("PACD_DATA_DIR");
    QCOMPARE(resolveDataDir(), fs::path("/xdg/pacd-studio/datasets"));
    qunsetenv("XDG_DATA_HOME");
    QCOMPARE(resolveDataDir(), fs::path(qgetenv("HOME").toStdString()) / ".local/share/pacd-studio/datasets");
    if (!savedData.isNull()) qputenv("PACD_DATA_DIR", savedData);
    if (!savedXdg.isNull()) qputenv("XDG_DATA_HOME", savedXdg);
}

void TestSupport::cancelTokenAcrossThreads() {
    // The worker polls between batches while another thread cancels: the worker must see the cancel, after it had
    // polled uncancelled (the canceller waits for the first poll), and within a bounded time.
    CancelToken token;
    std::atomic<bool> polling{false};
    std::thread canceller([&] {
        while (!polling.load())
            std::this_thread::yield();
        std::this_thread::sleep_for(std::chrono::milliseconds(20)); // the worker goes on polling meanwhile
        token.cancel();
    });
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    long long batches = 0;
    bool cancelSeen = false;
    try {
        for (; std::chrono::steady_clock::now() < deadline; ++batches) {
            token.throwIfCancelled();
            polling = true;
        }
    } catch (const Cancelled&) {
        cancelSeen = true;
    }
    canceller.join();
    QVERIFY2(cancelSeen, "the cancel from the other thread was not seen within 10 s");
    QVERIFY2(batches > 0, "the token was cancelled before the other thread cancelled it");
    QVERIFY(token.isCancelled());
    token.reset();
    QVERIFY(!token.isCancelled());
    std::vector<ProgressEvent> seen;
    report([&](const ProgressEvent& e) { seen.push_back(e); }, ProgressEvent{"certify", 3, 10, {{"acr", 0.5}}, {}});
    report(ProgressSink{}, ProgressEvent{});
    QCOMPARE(static_cast<int>(seen.size()), 1);
    QCOMPARE(seen[0].metrics.at("acr"), 0.5);
}

void TestSupport::threadsDefaultToCores() {
    const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    QCOMPARE(configureThreads(0), cores);
    QCOMPARE(configureThreads(1), 1);
    PACD_EXPECT_ERROR(configureThreads(-2), "threads must be >= 0");
    configureThreads(0);
}

void TestSupport::deviceParsing() {
    QVERIFY(parseDevice("cpu").is_cpu());
    QCOMPARE(parseDevice("auto").is_cuda(), torch::cuda::is_available());
    PACD_EXPECT_ERROR(parseDevice("tpu"), "unknown device 'tpu'");
    if (!torch::cuda::is_available()) PACD_EXPECT_ERROR(parseDevice("cuda:0"), "cuda:0", "CUDA is not available");
}

QTEST_GUILESS_MAIN(TestSupport)
#include "tst_support.moc"
