#include "test_helpers.h"

#include "run_record_fixtures.h"

#include "results/recorded_run.h"
#include "results/results_store.h"
#include "support/hash.h"

#include <nlohmann/json.hpp>

#include <sqlite3.h>

#include <mutex>
#include <thread>

using namespace pacd;
namespace fs = std::filesystem;

using test::table2Record;

namespace {

// One value from the store's file by plain SQL, as a user of the sqlite3 shell would read it.
std::string sqlValue(const fs::path& file, const std::string& sql) {
    sqlite3* db = nullptr;
    sqlite3_open(file.c_str(), &db);
    sqlite3_stmt* statement = nullptr;
    std::string value = "<error>";
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK && sqlite3_step(statement) == SQLITE_ROW) {
        const auto* text = sqlite3_column_text(statement, 0);
        value = text ? reinterpret_cast<const char*>(text) : "<null>";
    }
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return value;
}

void sqlExecute(const fs::path& file, const std::string& sql) {
    sqlite3* db = nullptr;
    sqlite3_open(file.c_str(), &db);
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
    sqlite3_close(db);
    QCOMPARE(rc, SQLITE_OK);
}

} // namespace

class TestResultsStore : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void meanAndSampleSd();
    void recordJsonRoundTrip();
    void insertGetRoundTrip();
    void updateReplacesChildrenAndListOrders();
    void findsResumableRuns();
    void mergesAnotherStore();
    void mergingAgainRefreshesInsteadOfDoubling();
    void mergeKeepsOriginsThroughChains();
    void refusesMergingACopy();
    void upgradesStoresWithoutOrigins();
    void deletesRunsWithTheirRows();
    void tablesAnswerPlainSql();
    void concurrentWritersShareOneStore();
    void refusesFilesThatAreNotStores();
    void refusesNewerSchema();
    void recordedRunResumesItsRow();
    void recordedRunStoresFailureAndReason();
    void recordedRunRecordsPresetAndCertifyBatch();
    void recordedRunWithoutEndingIsMarkedFailed();
};

void TestResultsStore::meanAndSampleSd() {
    const auto [mean, sd] = meanAndSd({0.525, 0.588});
    QCOMPARE(mean, 0.5565);
    QVERIFY(std::abs(sd - 0.0445477272147525) < 1e-12); // |a − b| / √2 with n − 1
    QCOMPARE(meanAndSd({0.3}).second, 0.0);
    const auto summaries = table2Record("x").summaries();
    QCOMPARE(summaries.size(), std::size_t(3));
    QCOMPARE(QString::fromStdString(summaries[2].data), QStringLiteral("poison"));
    QCOMPARE(summaries[2].acrMean, 0.424);
    QVERIFY(std::abs(table2Record("x").acrDrop() - (0.424 - 0.5565) / 0.5565) < 1e-12);
}

void TestResultsStore::recordJsonRoundTrip() {
    const auto record = table2Record("json");
    const auto again = RunRecord::fromJson(record.toJson());
    QCOMPARE(QString::fromStdString(again.toJson()), QString::fromStdString(record.toJson()));
    QCOMPARE(again.victims[5].pointRadii, record.victims[5].pointRadii);
    PACD_EXPECT_ERROR(RunRecord::fromJson("{\"format\": \"other\"}", "r.json"), "r.json", "not a pacd run record");
}

void TestResultsStore::insertGetRoundTrip() {
    QTemporaryDir dir;
    ResultsStore store(test::tempPath(dir, "results.sqlite"));
    const auto record = table2Record("round trip");
    const auto id = store.insert(record);
    QCOMPARE(id, std::int64_t(1));
    auto got = store.get(id);
    QCOMPARE(got.id, id);
    got.id = 0;
    QCOMPARE(got.toJson(), record.toJson());
    PACD_EXPECT_ERROR(store.get(7), "there is no run 7");
}

void TestResultsStore::updateReplacesChildrenAndListOrders() {
    QTemporaryDir dir;
    ResultsStore store(test::tempPath(dir, "results.sqlite"));
    auto first = table2Record("first");
    first.status = "running";
    first.victims.clear();
    first.id = store.insert(first);
    store.insert(table2Record("second"));
    auto finished = table2Record("first");
    finished.id = first.id;
    store.update(finished);
    QCOMPARE(store.get(first.id).victims.size(), std::size_t(6));
    const auto rows = store.list();
    QCOMPARE(rows.size(), std::size_t(2));
    QCOMPARE(QString::fromStdString(rows[0].name), QStringLiteral("second")); // newest first
    QCOMPARE(QString::fromStdString(rows[1].status), QStringLiteral("finished"));
    QCOMPARE(rows[1].acrClean, 0.5565);
    QCOMPARE(rows[1].acrPoison, 0.424);
    finished.id = 99;
    PACD_EXPECT_ERROR(store.update(finished), "no run 99");
}

void TestResultsStore::findsResumableRuns() {
    QTemporaryDir dir;
    ResultsStore store(test::tempPath(dir, "results.sqlite"));
    auto record = table2Record("r");
    store.insert(record); // finished: not resumable
    QCOMPARE(store.findResumable(record.specHash), std::int64_t(0));
    record.status = "cancelled";
    const auto id = store.insert(record);
    QCOMPARE(store.findResumable(record.specHash), id);
    QCOMPARE(store.findResumable("ffffffffffffffff"), std::int64_t(0));
}

void TestResultsStore::mergesAnotherStore() {
    QTemporaryDir dir;
    ResultsStore main(test::tempPath(dir, "main.sqlite"));
    main.insert(table2Record("already here"));
    {
        ResultsStore task(test::tempPath(dir, "task.sqlite"));
        task.insert(table2Record("task a"));
        task.insert(table2Record("task b"));
    }
    const auto counts = main.merge(test::tempPath(dir, "task.sqlite"));
    QCOMPARE(counts.added, std::int64_t(2));
    QCOMPARE(counts.updated + counts.unchanged, std::int64_t(0));
    const auto rows = main.list();
    QCOMPARE(rows.size(), std::size_t(3));
    QCOMPARE(QString::fromStdString(rows[0].name), QStringLiteral("task b"));
    QCOMPARE(main.get(rows[0].id).victims.size(), std::size_t(6));
    PACD_EXPECT_ERROR(main.merge(test::tempPath(dir, "absent.sqlite")), "absent.sqlite", "does not exist");
    PACD_EXPECT_ERROR(main.merge(test::tempPath(dir, "main.sqlite")), "into itself");
}

void TestResultsStore::mergingAgainRefreshesInsteadOfDoubling() {
    QTemporaryDir dir;
    const auto taskFile = test::tempPath(dir, "task.sqlite");
    ResultsStore main(test::tempPath(dir, "main.sqlite"));
    ResultsStore task(taskFile);
    auto running = table2Record("task");
    running.status = "running";
    running.victims.resize(2);
    running.id = task.insert(running);

    auto counts = main.merge(taskFile); // merge.sh run while the task still runs
    QCOMPARE(counts.added, std::int64_t(1));
    counts = main.merge(taskFile); // ... and again: nothing doubles
    QCOMPARE(counts.added, std::int64_t(0));
    QCOMPARE(counts.unchanged, std::int64_t(1));
    QCOMPARE(main.list().size(), std::size_t(1));

    auto finished = table2Record("task");
    finished.id = running.id;
    task.update(finished);
    counts = main.merge(taskFile); // the task has finished since: its copy is refreshed in place
    QCOMPARE(counts.updated, std::int64_t(1));
    QCOMPARE(counts.added, std::int64_t(0));
    const auto rows = main.list();
    QCOMPARE(rows.size(), std::size_t(1));
    auto copy = main.get(rows[0].id);
    QCOMPARE(QString::fromStdString(copy.status), QStringLiteral("finished"));
    QCOMPARE(copy.victims.size(), std::size_t(6));
    copy.id = finished.id;
    QCOMPARE(copy.toJson(), finished.toJson());
}

void TestResultsStore::mergeKeepsOriginsThroughChains() {
    QTemporaryDir dir;
    const auto taskFile = test::tempPath(dir, "task.sqlite"), clusterFile = test::tempPath(dir, "cluster.sqlite"),
               staleFile = test::tempPath(dir, "stale.sqlite"), laptopFile = test::tempPath(dir, "laptop.sqlite");
    ResultsStore task(taskFile), cluster(clusterFile), stale(staleFile), laptop(laptopFile);
    auto record = table2Record("task run");
    record.status = "running";
    record.id = task.insert(record);
    QCOMPARE(stale.merge(taskFile).added, std::int64_t(1)); // a copy taken while it ran
    record.status = "finished";
    task.update(record);
    QCOMPARE(cluster.merge(taskFile).added, std::int64_t(1));
    const auto own = laptop.insert(table2Record("laptop run"));
    QCOMPARE(cluster.merge(laptopFile).added, std::int64_t(1));

    // The laptop takes the cluster's runs: the task's run once, its own run not again.
    auto counts = laptop.merge(clusterFile);
    QCOMPARE(counts.added, std::int64_t(1));
    QCOMPARE(counts.unchanged, std::int64_t(1));
    QCOMPARE(laptop.list().size(), std::size_t(2));
    // The same run reached by another way (the task's store itself) is the run already here.
    counts = laptop.merge(taskFile);
    QCOMPARE(counts.added + counts.updated, std::int64_t(0));
    // A stale copy does not turn the finished run back into a running one.
    counts = laptop.merge(staleFile);
    QCOMPARE(counts.unchanged, std::int64_t(1));
    const auto rows = laptop.list();
    QCOMPARE(rows.size(), std::size_t(2));
    QCOMPARE(QString::fromStdString(rows[0].status), QStringLiteral("finished"));
    QCOMPARE(QString::fromStdString(rows[1].name), QStringLiteral("laptop run"));
    QCOMPARE(rows[1].id, own);
}

void TestResultsStore::refusesMergingACopy() {
    QTemporaryDir dir;
    const auto file = test::tempPath(dir, "main.sqlite"), copy = test::tempPath(dir, "copy.sqlite");
    {
        ResultsStore store(file);
        store.insert(table2Record("one"));
    }
    fs::copy_file(file, copy);
    ResultsStore store(file);
    QCOMPARE(ResultsStore(copy).storeId(), store.storeId());
    PACD_EXPECT_ERROR(store.merge(copy), "copy.sqlite", "is a copy of", "main.sqlite");
    QCOMPARE(store.list().size(), std::size_t(1));
}

void TestResultsStore::upgradesStoresWithoutOrigins() {
    QTemporaryDir dir;
    const auto file = test::tempPath(dir, "old.sqlite");
    {
        ResultsStore store(file);
        store.insert(table2Record("old"));
    }
    // As the first version of the store left it: no store id, no merged_runs table.
    sqlExecute(file, "DROP TABLE merged_runs; DELETE FROM meta WHERE key = 'store_id'");
    ResultsStore old(file);
    QCOMPARE(old.storeId().size(), std::size_t(32));
    QCOMPARE(sqlValue(file, "SELECT value FROM meta WHERE key = 'store_id'"), old.storeId());
    ResultsStore main(test::tempPath(dir, "main.sqlite"));
    QVERIFY(main.storeId() != old.storeId());
    QCOMPARE(main.merge(file).added, std::int64_t(1));
    QCOMPARE(main.merge(file).unchanged, std::int64_t(1));
}

void TestResultsStore::deletesRunsWithTheirRows() {
    QTemporaryDir dir;
    const auto file = test::tempPath(dir, "results.sqlite");
    ResultsStore store(file);
    const auto first = store.insert(table2Record("first"));
    const auto second = store.insert(table2Record("second"));
    store.remove(first);
    PACD_EXPECT_ERROR(store.get(first), "there is no run 1");
    PACD_EXPECT_ERROR(store.remove(first), "results.sqlite", "no run 1 to delete");
    QCOMPARE(store.list().size(), std::size_t(1));
    QCOMPARE(store.get(second).victims.size(), std::size_t(6));
    for (const char* table : {"victims", "timings", "artefacts"})
        QCOMPARE(sqlValue(file, std::string("SELECT count(*) FROM ") + table + " WHERE run_id = 1"), std::string("0"));
    QCOMPARE(store.insert(table2Record("third")), std::int64_t(3)); // ids are never reused
}

void TestResultsStore::tablesAnswerPlainSql() {
    QTemporaryDir dir;
    const auto file = test::tempPath(dir, "results.sqlite");
    ResultsStore store(file);
    store.insert(table2Record("sql"));
    QCOMPARE(sqlValue(file, "PRAGMA journal_mode"), std::string("wal"));
    QCOMPARE(sqlValue(file, "SELECT round(avg(acr), 4) FROM victims WHERE data = 'poison'"), std::string("0.424"));
    QCOMPARE(sqlValue(file, "SELECT count(*) FROM victims v JOIN runs r ON r.id = v.run_id WHERE r.preset = 'table2-mnist'"),
             std::string("6"));
    QCOMPARE(sqlValue(file, "SELECT json_extract(spec_json, '$.sigma') FROM runs"), std::string("0.25"));
    QCOMPARE(sqlValue(file, "SELECT path FROM artefacts WHERE name = 'poison'"),
             std::string("work/artefacts/poison-1/poison.json"));
}

void TestResultsStore::concurrentWritersShareOneStore() {
    // Several processes may record into one store (pacd-studio and a pacd-cli run; runs started together). Each
    // thread here has its own connection, as a process would; the first ones race to create the file.
    QTemporaryDir dir;
    const auto file = test::tempPath(dir, "shared.sqlite");
    constexpr int kWriters = 4, kRunsEach = 5;
    std::mutex mutex;
    std::vector<std::string> errors;
    std::vector<std::thread> writers;
    for (int w = 0; w < kWriters; ++w)
        writers.emplace_back([&, w] {
            try {
                ResultsStore store(file);
                for (int i = 0; i < kRunsEach; ++i)
                    store.insert(table2Record("writer " + std::to_string(w)));
            } catch (const std::exception& e) {
                const std::lock_guard<std::mutex> lock(mutex);
                errors.push_back(e.what());
            }
        });
    for (auto& writer : writers)
        writer.join();
    QVERIFY2(errors.empty(), errors.empty() ? "" : errors.front().c_str());
    const ResultsStore store(file);
    const auto rows = store.list();
    QCOMPARE(rows.size(), std::size_t(kWriters * kRunsEach));
    QCOMPARE(rows.front().id, std::int64_t(kWriters * kRunsEach));
    QCOMPARE(sqlValue(file, "SELECT count(*) FROM victims"), std::to_string(kWriters * kRunsEach * 6));
}

void TestResultsStore::refusesFilesThatAreNotStores() {
    QTemporaryDir dir;
    const auto text = test::tempPath(dir, "notes.txt");
    std::ofstream(text) << "these are my notes, not a database, and they are long enough to matter ......................";
    PACD_EXPECT_ERROR(ResultsStore{text}, "notes.txt", "not a database");
    QVERIFY(fs::file_size(text) > 50); // untouched
    const auto other = test::tempPath(dir, "other.sqlite");
    sqlite3* db = nullptr;
    sqlite3_open(other.c_str(), &db);
    sqlite3_exec(db, "CREATE TABLE t(x)", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    PACD_EXPECT_ERROR(ResultsStore{other}, "other.sqlite", "not a pacd-studio results store");
}

void TestResultsStore::refusesNewerSchema() {
    QTemporaryDir dir;
    const auto file = test::tempPath(dir, "results.sqlite");
    { ResultsStore store(file); }
    sqlite3* db = nullptr;
    sqlite3_open(file.c_str(), &db);
    sqlite3_exec(db, "UPDATE meta SET value = '2' WHERE key = 'schema_version'", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    PACD_EXPECT_ERROR(ResultsStore{file}, "results.sqlite", "schema version 2 is not supported (this build reads 1)");
}

namespace {

RecordedRunInfo runInfo(const std::string& preset = "table2-mnist", std::int64_t certifyBatch = 1000) {
    return {"r", R"({"schema_version": 1, "name": "r", "dataset": "mnist"})", "work/specs/r", preset, certifyBatch};
}

// What ExperimentRunner::run() returns: a finished record, without the store's id, preset and certify batch.
RunRecord runnerRecord() {
    auto record = table2Record("r");
    record.preset.clear();
    record.specJson = runInfo().specJson;
    record.specHash = hashText(record.specJson);
    record.environmentJson = R"json({"device":"CPU (2 threads)","threads":2})json";
    return record;
}

std::int64_t certifyBatchOf(const RunRecord& record) {
    return nlohmann::json::parse(record.environmentJson).at("certify_batch").get<std::int64_t>();
}

} // namespace

void TestResultsStore::recordedRunResumesItsRow() {
    QTemporaryDir dir;
    ResultsStore store(test::tempPath(dir, "results.sqlite"));
    std::int64_t first = 0;
    {
        RecordedRun run(&store, runInfo());
        first = run.id();
        QVERIFY(first > 0);
        QVERIFY(!run.resumed());
        QCOMPARE(QString::fromStdString(store.get(first).status), QStringLiteral("running"));
        run.cancelled();
    }
    QCOMPARE(QString::fromStdString(store.get(first).status), QStringLiteral("cancelled"));
    QVERIFY(!store.get(first).finishedAt.empty());
    {
        RecordedRun again(&store, runInfo()); // the same spec again: a resume continues the cancelled row
        QCOMPARE(again.id(), first);
        QVERIFY(again.resumed());
        QCOMPARE(QString::fromStdString(store.get(first).status), QStringLiteral("running"));
        const auto record = again.finish(runnerRecord());
        QCOMPARE(record.id, first);
    }
    QCOMPARE(store.list().size(), std::size_t(1));
    const auto stored = store.get(first);
    QCOMPARE(QString::fromStdString(stored.status), QStringLiteral("finished"));
    QCOMPARE(stored.victims.size(), std::size_t(6));
    QCOMPARE(stored.specHash, hashText(runInfo().specJson));
    // A finished run is not continued: the same spec once more is a new run with a row of its own.
    RecordedRun third(&store, runInfo());
    QVERIFY(third.id() != first);
    QVERIFY(!third.resumed());
    third.cancelled();
    QCOMPARE(store.list().size(), std::size_t(2));
}

void TestResultsStore::recordedRunStoresFailureAndReason() {
    QTemporaryDir dir;
    ResultsStore store(test::tempPath(dir, "results.sqlite"));
    std::int64_t failed = 0, paused = 0;
    {
        RecordedRun run(&store, runInfo());
        failed = run.id();
        run.failed("train: disk full writing work/train-1/model.pt");
    }
    const auto record = store.get(failed);
    QCOMPARE(QString::fromStdString(record.status), QStringLiteral("failed"));
    QCOMPARE(QString::fromStdString(record.error), QStringLiteral("train: disk full writing work/train-1/model.pt"));
    QVERIFY(!record.finishedAt.empty());
    QVERIFY(record.victims.empty());
    {
        RecordedRun run(&store, runInfo()); // resumes the failed row; this time a front end pauses it
        QCOMPARE(run.id(), failed);
        run.cancelled("paused");
        paused = run.id();
    }
    QCOMPARE(QString::fromStdString(store.get(paused).status), QStringLiteral("paused"));
    QCOMPARE(QString::fromStdString(store.get(paused).error), QString()); // the earlier failure's text is gone
}

void TestResultsStore::recordedRunRecordsPresetAndCertifyBatch() {
    QTemporaryDir dir;
    ResultsStore store(test::tempPath(dir, "results.sqlite"));
    RecordedRun run(&store, runInfo("table5-pgd", 250));
    auto started = store.get(run.id());
    QCOMPARE(QString::fromStdString(started.preset), QStringLiteral("table5-pgd"));
    QCOMPARE(certifyBatchOf(started), std::int64_t(250));
    QCOMPARE(QString::fromStdString(started.workDir), QStringLiteral("work/specs/r"));
    QCOMPARE(QString::fromStdString(started.name), QStringLiteral("r"));
    const auto returned = run.finish(runnerRecord());
    const auto finished = store.get(run.id());
    QCOMPARE(QString::fromStdString(finished.preset), QStringLiteral("table5-pgd"));
    QCOMPARE(certifyBatchOf(finished), std::int64_t(250));
    const auto environment = nlohmann::json::parse(finished.environmentJson);
    QCOMPARE(QString::fromStdString(environment.at("device").get<std::string>()),
             QStringLiteral("CPU (2 threads)"));    // the runner's kept
    QCOMPARE(returned.toJson(), finished.toJson()); // what the front end shows is what the store holds

    RecordedRun unrecorded(nullptr, runInfo("table2-mnist", 500)); // --no-store: only the record is completed
    QCOMPARE(unrecorded.id(), std::int64_t(0));
    const auto record = unrecorded.finish(runnerRecord());
    QCOMPARE(QString::fromStdString(record.preset), QStringLiteral("table2-mnist"));
    QCOMPARE(certifyBatchOf(record), std::int64_t(500));
    QCOMPARE(store.list().size(), std::size_t(1));
}

void TestResultsStore::recordedRunWithoutEndingIsMarkedFailed() {
    QTemporaryDir dir;
    ResultsStore store(test::tempPath(dir, "results.sqlite"));
    std::int64_t id = 0;
    {
        RecordedRun run(&store, runInfo());
        id = run.id();
    } // e.g. an exception that no front end caught: the row must not stay "running"
    QCOMPARE(QString::fromStdString(store.get(id).status), QStringLiteral("failed"));
    QVERIFY(store.get(id).error.find("stopped before its outcome was recorded") != std::string::npos);
}

QTEST_GUILESS_MAIN(TestResultsStore)
#include "tst_results_store.moc"
