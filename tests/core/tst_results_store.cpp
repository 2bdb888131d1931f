#include "test_helpers.h"

#include "experiment/report.h"
#include "experiment/results_store.h"

#include <sqlite3.h>

using namespace pacd;
namespace fs = std::filesystem;

namespace {

VictimResult victimOf(const std::string& data, std::int64_t seed, double acr, double aca) {
    VictimResult v;
    v.data = data;
    v.seed = seed;
    v.acr = acr;
    v.aca = aca;
    v.meanPA = 0.9;
    v.baseAccuracy = aca;
    v.radii = {0.0, 0.25, 0.5};
    v.certifiedAccuracy = {aca, aca / 2, 0.0};
    v.pointRadii = {0.1, 0.2, acr};
    v.checkpoint = "work/train-" + data + std::to_string(seed) + "/model.pt";
    return v;
}

// Two seeds of clean / watermarked / poisoned victims, as Table 2 at demo scale.
RunRecord table2Record(const std::string& name) {
    RunRecord r;
    r.name = name;
    r.preset = "table2-mnist";
    r.specJson = R"({"schema_version": 1, "dataset": "mnist", "sigma": 0.25, "poison_defense": "ga", "retrain_defense": "ga"})";
    r.specHash = "0123456789abcdef";
    r.environmentJson = environmentJson("CPU (2 threads)", 2);
    r.status = "finished";
    r.startedAt = "2026-11-24T19:00:00Z";
    r.finishedAt = "2026-11-24T19:05:24Z";
    r.wallSeconds = 324.0;
    r.workDir = "work/specs/0123";
    r.victims = {victimOf("clean", 0, 0.525, 0.93), victimOf("watermark", 0, 0.521, 0.94), victimOf("poison", 0, 0.368, 0.80),
                 victimOf("clean", 1, 0.588, 0.99), victimOf("watermark", 1, 0.584, 0.99), victimOf("poison", 1, 0.480, 0.89)};
    r.timings = {{"poison", 146.0, false}, {"train clean seed 0", 30.5, true}};
    r.artefacts = {{"poison", "work/artefacts/poison-1/poison.json"}};
    return r;
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
    void refusesFilesThatAreNotStores();
    void refusesNewerSchema();
    void markdownTableLikeThePaper();
    void latexTableEscapesAndUsesBooktabs();
    void csvHasOneLinePerVictimAndQuotes();
};

void TestResultsStore::meanAndSampleSd() {
    const auto [mean, sd] = meanAndSd({0.525, 0.588});
    QCOMPARE(mean, 0.5565);
    QVERIFY(std::abs(sd - 0.0445477272147525) < 1e-12); // |a − b| / √2 with n − 1
    QCOMPARE(meanAndSd({0.3}).second, 0.0);
    const auto summaries = table2Record("x").summaries();
    QCOMPARE(summaries.size(), std::size_t(3));
    QCOMPARE(QString::fromStdString(summaries[2].data), QString("poison"));
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
    QCOMPARE(QString::fromStdString(rows[0].name), QString("second")); // newest first
    QCOMPARE(QString::fromStdString(rows[1].status), QString("finished"));
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
    QCOMPARE(main.merge(test::tempPath(dir, "task.sqlite")), std::int64_t(2));
    const auto rows = main.list();
    QCOMPARE(rows.size(), std::size_t(3));
    QCOMPARE(QString::fromStdString(rows[0].name), QString("task b"));
    QCOMPARE(main.get(rows[0].id).victims.size(), std::size_t(6));
    PACD_EXPECT_ERROR(main.merge(test::tempPath(dir, "absent.sqlite")), "absent.sqlite", "does not exist");
    PACD_EXPECT_ERROR(main.merge(test::tempPath(dir, "main.sqlite")), "into itself");
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

void TestResultsStore::markdownTableLikeThePaper() {
    const auto text = renderReport({table2Record("demo")}, ReportFormat::Markdown);
    // Hand-computed: clean (0.525, 0.588) -> 0.5565 (0.556 in binary) ± 0.045; ACA (93, 99) -> 96.00 ± 4.24; poisoned (0.368, 0.480)
    // -> 0.424 ± 0.079, ACA (80, 89) -> 84.50 ± 6.36; change (0.424 − 0.5565) / 0.5565 = −23.8 %.
    QVERIFY2(text.find("| demo | mnist | ga | 0.25 | Clean | 0.556 ± 0.045 | 96.00 ± 4.24 |") != std::string::npos, text.c_str());
    QVERIFY2(text.find("|  |  |  |  | Watermarked | 0.552 ± 0.045 | 96.50 ± 3.54 |") != std::string::npos, text.c_str());
    QVERIFY2(text.find("|  |  |  |  | Poisoned | 0.424 ± 0.079 | 84.50 ± 6.36 | 84.50 ± 6.36 | -23.8 % |") != std::string::npos,
             text.c_str());
    QVERIFY(text.find("PGD") == std::string::npos); // no Table-5 column without PGD numbers
    auto withPgd = table2Record("t5");
    for (auto& v : withPgd.victims) v.pgdDistortion = v.data == "poison" ? 1.3 : 3.2;
    QVERIFY(renderReport({withPgd}, ReportFormat::Markdown).find("| 1.300 ± 0.000 |") != std::string::npos);
}

void TestResultsStore::latexTableEscapesAndUsesBooktabs() {
    auto record = table2Record("demo_50%");
    const auto text = renderReport({record, table2Record("second")}, ReportFormat::Latex);
    QVERIFY2(text.find("\\toprule") != std::string::npos && text.find("\\bottomrule") != std::string::npos, text.c_str());
    QVERIFY2(text.find("demo\\_50\\% & mnist & ga & 0.25 & Clean & 0.556\\,$\\pm$\\,0.045 & 96.00\\,$\\pm$\\,4.24") != std::string::npos,
             text.c_str());
    QVERIFY2(text.find("Poisoned & 0.424\\,$\\pm$\\,0.079 & 84.50\\,$\\pm$\\,6.36 & 84.50\\,$\\pm$\\,6.36 & -23.8 \\% \\\\") != std::string::npos,
             text.c_str());
    QVERIFY(text.find("$\\sigma$") != std::string::npos);
    QCOMPARE(std::count(text.begin(), text.end(), '\n') - 8, std::ptrdiff_t(6)); // 6 rows + header/rules
}

void TestResultsStore::csvHasOneLinePerVictimAndQuotes() {
    auto record = table2Record("name, with \"quotes\"");
    record.id = 4;
    const auto text = renderReport({record}, ReportFormat::Csv);
    QCOMPARE(std::count(text.begin(), text.end(), '\n'), std::ptrdiff_t(7));
    QVERIFY2(text.find("\n4,\"name, with \"\"quotes\"\"\",table2-mnist,mnist,ga,0.25,poison,1,-1,0.48,0.89,") != std::string::npos,
             text.c_str());
    PACD_EXPECT_ERROR(parseReportFormat("xlsx"), "'xlsx' is not one of csv, json, markdown, latex");
}

QTEST_GUILESS_MAIN(TestResultsStore)
#include "tst_results_store.moc"
