#include "results/results_store.h"

#include "results/victim_json.h"
#include "support/error.h"
#include "support/paths.h"

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <functional>
#include <iomanip>
#include <random>
#include <sstream>

namespace pacd {
namespace fs = std::filesystem;

namespace {

// Version 1. The merged_runs table came later without a new version: it only adds a table, which a build that
// does not know it ignores, and a store lacking it gets it when opened (kMergeSchema).
constexpr int kSchemaVersion = 1;

const char* kSchema = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE runs(
  id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, preset TEXT NOT NULL, spec_json TEXT NOT NULL,
  spec_hash TEXT NOT NULL, environment_json TEXT NOT NULL, status TEXT NOT NULL, error TEXT NOT NULL,
  started_at TEXT NOT NULL, finished_at TEXT NOT NULL, wall_seconds REAL NOT NULL, work_dir TEXT NOT NULL);
CREATE INDEX runs_by_spec ON runs(spec_hash);
CREATE TABLE victims(
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, position INTEGER NOT NULL, data TEXT NOT NULL,
  seed INTEGER NOT NULL, point INTEGER NOT NULL, acr REAL NOT NULL, aca REAL NOT NULL, mean_pa REAL NOT NULL,
  fraction_at_cap REAL NOT NULL, base_accuracy REAL NOT NULL, pgd_distortion REAL NOT NULL, train_seconds REAL NOT NULL,
  certify_seconds REAL NOT NULL, checkpoint TEXT NOT NULL, certificates TEXT NOT NULL, curves_json TEXT NOT NULL);
CREATE TABLE timings(
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, position INTEGER NOT NULL, stage TEXT NOT NULL,
  seconds REAL NOT NULL, reused INTEGER NOT NULL);
CREATE TABLE artefacts(
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, name TEXT NOT NULL, path TEXT NOT NULL);
)sql";

// Where each merged run came from: the store it was first recorded in (meta's store_id) and its id there. Kept
// through chains of merges (task stores -> a cluster store -> a laptop), so merging again refreshes, never doubles.
const char* kMergeSchema = R"sql(
CREATE TABLE IF NOT EXISTS merged_runs(
  origin_store TEXT NOT NULL, origin_id INTEGER NOT NULL,
  run_id INTEGER NOT NULL UNIQUE REFERENCES runs(id) ON DELETE CASCADE, PRIMARY KEY(origin_store, origin_id));
)sql";

// The defender's detect stages (issue 18) came later too, as a table a store lacking it gets when opened.
const char* kDetectionSchema = R"sql(
CREATE TABLE IF NOT EXISTS detections(
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, position INTEGER NOT NULL, data TEXT NOT NULL,
  detector TEXT NOT NULL, seed INTEGER NOT NULL, auc REAL NOT NULL, tpr_at_5_fpr REAL NOT NULL, result_json TEXT NOT NULL);
)sql";

// A prepared statement with bound parameters (values never go into SQL text).
class Statement {
  public:
    Statement(sqlite3* db, const fs::path& file, const char* sql) : m_db(db), m_file(file) {
        if (sqlite3_prepare_v2(db, sql, -1, &m_statement, nullptr) != SQLITE_OK) failHere("prepare");
    }
    ~Statement() { sqlite3_finalize(m_statement); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int index, const std::string& text) {
        check(sqlite3_bind_text(m_statement, index, text.c_str(), static_cast<int>(text.size()), SQLITE_TRANSIENT), "bind");
        return *this;
    }
    Statement& bind(int index, double value) {
        check(sqlite3_bind_double(m_statement, index, value), "bind");
        return *this;
    }
    Statement& bind(int index, std::int64_t value) {
        check(sqlite3_bind_int64(m_statement, index, value), "bind");
        return *this;
    }
    /// Steps once: true while a row is available.
    bool step() {
        const int rc = sqlite3_step(m_statement);
        if (rc == SQLITE_ROW) return true;
        if (rc != SQLITE_DONE) failHere("step");
        return false;
    }
    void run() {
        while (step()) {
        }
        sqlite3_reset(m_statement);
        sqlite3_clear_bindings(m_statement);
    }
    std::string text(int column) const {
        const auto* value = sqlite3_column_text(m_statement, column);
        return value ? reinterpret_cast<const char*>(value) : "";
    }
    double real(int column) const { return sqlite3_column_double(m_statement, column); }
    std::int64_t integer(int column) const { return sqlite3_column_int64(m_statement, column); }
    bool isNull(int column) const { return sqlite3_column_type(m_statement, column) == SQLITE_NULL; }

  private:
    void check(int rc, const char* what) {
        if (rc != SQLITE_OK) failHere(what);
    }
    [[noreturn]] void failHere(const char* what) const {
        fail("results store ", m_file, ": ", what, " failed: ", sqlite3_errmsg(m_db));
    }
    sqlite3* m_db;
    const fs::path& m_file;
    sqlite3_stmt* m_statement = nullptr;
};

void execute(sqlite3* db, const fs::path& file, const char* sql) {
    char* message = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        const std::string text = message ? message : sqlite3_errmsg(db);
        sqlite3_free(message);
        fail("results store ", file, ": ", text);
    }
}

// Runs `body` in one transaction: all of it is stored, or none (a crash leaves the previous state).
void transaction(sqlite3* db, const fs::path& file, const std::function<void()>& body) {
    execute(db, file, "BEGIN IMMEDIATE");
    try {
        body();
        execute(db, file, "COMMIT");
    } catch (...) {
        sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
}

std::int64_t tableCount(sqlite3* db, const fs::path& file) {
    Statement count(db, file, "SELECT count(*) FROM sqlite_master WHERE type = 'table'");
    return count.step() ? count.integer(0) : 0;
}

std::string randomStoreId() {
    std::random_device device;
    std::ostringstream out;
    out << std::hex << std::setfill('0');
    for (int i = 0; i < 4; ++i)
        out << std::setw(8) << static_cast<std::uint32_t>(device());
    return out.str();
}

void writeChildren(sqlite3* db, const fs::path& file, const RunRecord& record) {
    Statement victim(db, file,
                     "INSERT INTO victims VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)");
    for (std::size_t i = 0; i < record.victims.size(); ++i) {
        const auto& v = record.victims[i];
        const auto curves =
            nlohmann::json{{"radii", v.radii}, {"certified_accuracy", v.certifiedAccuracy}, {"point_radii", v.pointRadii}};
        victim.bind(1, record.id).bind(2, static_cast<std::int64_t>(i)).bind(3, v.data).bind(4, v.seed).bind(5, v.point);
        victim.bind(6, v.acr).bind(7, v.aca).bind(8, v.meanPA).bind(9, v.fractionAtCap).bind(10, v.baseAccuracy);
        victim.bind(11, v.pgdDistortion).bind(12, v.trainSeconds).bind(13, v.certifySeconds).bind(14, v.checkpoint);
        victim.bind(15, v.certificates).bind(16, curves.dump());
        victim.run();
    }
    Statement detection(db, file, "INSERT INTO detections VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    for (std::size_t i = 0; i < record.detections.size(); ++i) {
        const auto& d = record.detections[i];
        detection.bind(1, record.id).bind(2, static_cast<std::int64_t>(i)).bind(3, d.data).bind(4, d.detector).bind(5, d.seed);
        detection.bind(6, d.auc).bind(7, d.tprAt5).bind(8, detectionToJson(d).dump());
        detection.run();
    }
    Statement timing(db, file, "INSERT INTO timings VALUES(?1, ?2, ?3, ?4, ?5)");
    for (std::size_t i = 0; i < record.timings.size(); ++i) {
        const auto& t = record.timings[i];
        timing.bind(1, record.id).bind(2, static_cast<std::int64_t>(i)).bind(3, t.stage).bind(4, t.seconds);
        timing.bind(5, std::int64_t{t.reused ? 1 : 0});
        timing.run();
    }
    Statement artefact(db, file, "INSERT INTO artefacts VALUES(?1, ?2, ?3)");
    for (const auto& [name, path] : record.artefacts) {
        artefact.bind(1, record.id).bind(2, name).bind(3, path);
        artefact.run();
    }
}

void bindRun(Statement& statement, const RunRecord& r) {
    statement.bind(1, r.name).bind(2, r.preset).bind(3, r.specJson).bind(4, r.specHash).bind(5, r.environmentJson);
    statement.bind(6, r.status).bind(7, r.error).bind(8, r.startedAt).bind(9, r.finishedAt).bind(10, r.wallSeconds);
    statement.bind(11, r.workDir);
}

// Inserts a run and its rows; the caller holds the transaction.
std::int64_t insertRun(sqlite3* db, const fs::path& file, const RunRecord& record) {
    Statement run(db, file,
                  "INSERT INTO runs(name, preset, spec_json, spec_hash, environment_json, status, error, started_at, "
                  "finished_at, wall_seconds, work_dir) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    bindRun(run, record);
    run.run();
    auto stored = record;
    stored.id = sqlite3_last_insert_rowid(db);
    writeChildren(db, file, stored);
    return stored.id;
}

// Replaces run record.id and its rows; the caller holds the transaction.
void updateRun(sqlite3* db, const fs::path& file, const RunRecord& record) {
    Statement run(db, file,
                  "UPDATE runs SET name = ?1, preset = ?2, spec_json = ?3, spec_hash = ?4, environment_json = ?5, status = ?6, "
                  "error = ?7, started_at = ?8, finished_at = ?9, wall_seconds = ?10, work_dir = ?11 WHERE id = ?12");
    bindRun(run, record);
    run.bind(12, record.id);
    run.run();
    require(sqlite3_changes(db) == 1, "results store ", file, ": there is no run ", record.id, " to update");
    for (const char* table : {"DELETE FROM victims WHERE run_id = ?1", "DELETE FROM timings WHERE run_id = ?1",
                              "DELETE FROM artefacts WHERE run_id = ?1", "DELETE FROM detections WHERE run_id = ?1"}) {
        Statement remove(db, file, table);
        remove.bind(1, record.id);
        remove.run();
    }
    writeChildren(db, file, record);
}

bool runExists(sqlite3* db, const fs::path& file, std::int64_t id) {
    Statement find(db, file, "SELECT 1 FROM runs WHERE id = ?1");
    find.bind(1, id);
    return find.step();
}

// The store a run was first recorded in and its id there.
std::pair<std::string, std::int64_t> originOf(sqlite3* db, const fs::path& file, const std::string& storeId, std::int64_t id) {
    Statement find(db, file, "SELECT origin_store, origin_id FROM merged_runs WHERE run_id = ?1");
    find.bind(1, id);
    if (find.step()) return {find.text(0), find.integer(1)};
    return {storeId, id};
}

} // namespace

ResultsStore::ResultsStore(const fs::path& file) : m_file(file) {
    if (file.has_parent_path()) fs::create_directories(file.parent_path());
    if (sqlite3_open_v2(file.c_str(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
        const std::string message = m_db ? sqlite3_errmsg(m_db) : "out of memory";
        sqlite3_close(m_db);
        fail("results store ", file, ": cannot open (", message, ")");
    }
    try {
        sqlite3_busy_timeout(m_db, 10000); // a second process (a Slurm task merging, the GUI) may hold the lock briefly
        execute(m_db, file, "PRAGMA foreign_keys = ON");
        if (tableCount(m_db, file) == 0) {
            execute(m_db, file, "PRAGMA journal_mode = WAL");
            transaction(m_db, file, [&] {
                // Another process (the GUI and a CLI run, two Slurm tasks sharing a store) may have created the
                // store since the count above: then it is there, and creating it again would fail.
                if (tableCount(m_db, file) != 0) return;
                execute(m_db, file, kSchema);
                execute(m_db, file, kMergeSchema);
                Statement meta(m_db, file, "INSERT INTO meta VALUES(?1, ?2)");
                meta.bind(1, std::string("format")).bind(2, std::string("pacd-results"));
                meta.run();
                meta.bind(1, std::string("schema_version")).bind(2, std::to_string(kSchemaVersion));
                meta.run();
                meta.bind(1, std::string("store_id")).bind(2, randomStoreId());
                meta.run();
            });
        }
        std::string format, version;
        bool mergeTable = false;
        const auto readMeta = [&] {
            try {
                Statement meta(m_db, file, "SELECT key, value FROM meta");
                while (meta.step()) {
                    if (meta.text(0) == "format") format = meta.text(1);
                    if (meta.text(0) == "schema_version") version = meta.text(1);
                    if (meta.text(0) == "store_id") m_storeId = meta.text(1);
                }
                Statement table(m_db, file, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'merged_runs'");
                mergeTable = table.step();
            } catch (const Error&) {
            }
        };
        readMeta();
        require(format == "pacd-results", "results store ", file, ": an SQLite file, but not a pacd-studio results store");
        require(version == std::to_string(kSchemaVersion), "results store ", file, ": schema version ", version,
                " is not supported (this build reads ", kSchemaVersion, "); use the pacd-studio that wrote it");
        if (m_storeId.empty() || !mergeTable) { // a store from before merges remembered origins
            transaction(m_db, file, [&] {
                execute(m_db, file, kMergeSchema);
                Statement meta(m_db, file, "INSERT OR IGNORE INTO meta VALUES(?1, ?2)");
                meta.bind(1, std::string("store_id")).bind(2, randomStoreId());
                meta.run();
            });
            readMeta();
        }
        execute(m_db, file, kDetectionSchema);
    } catch (...) {
        sqlite3_close(m_db);
        m_db = nullptr;
        throw;
    }
}

ResultsStore::~ResultsStore() {
    sqlite3_close(m_db);
}

fs::path ResultsStore::defaultPath(const fs::path& dataDir) {
    return (dataDir.empty() ? resolveDataDir("") : dataDir) / "results.sqlite";
}

std::int64_t ResultsStore::insert(const RunRecord& record) {
    std::int64_t id = 0;
    transaction(m_db, m_file, [&] { id = insertRun(m_db, m_file, record); });
    return id;
}

void ResultsStore::update(const RunRecord& record) {
    transaction(m_db, m_file, [&] { updateRun(m_db, m_file, record); });
}

void ResultsStore::remove(std::int64_t id) {
    transaction(m_db, m_file, [&] {
        Statement remove(m_db, m_file, "DELETE FROM runs WHERE id = ?1"); // victims, timings... follow (ON DELETE CASCADE)
        remove.bind(1, id);
        remove.run();
        require(sqlite3_changes(m_db) == 1, "results store ", m_file, ": there is no run ", id, " to delete");
    });
}

std::int64_t ResultsStore::findResumable(const std::string& specHash) const {
    Statement find(m_db, m_file, "SELECT id FROM runs WHERE spec_hash = ?1 AND status != 'finished' ORDER BY id DESC LIMIT 1");
    find.bind(1, specHash);
    return find.step() ? find.integer(0) : 0;
}

std::vector<RunListing> ResultsStore::list() const {
    Statement runs(m_db, m_file,
                   "SELECT r.id, r.name, r.preset, r.status, r.started_at, r.spec_hash, r.wall_seconds, "
                   "(SELECT avg(acr) FROM victims WHERE run_id = r.id AND data = 'clean'), "
                   "(SELECT avg(acr) FROM victims WHERE run_id = r.id AND data = 'poison') FROM runs r ORDER BY r.id DESC");
    std::vector<RunListing> out;
    while (runs.step()) {
        RunListing row;
        row.id = runs.integer(0);
        row.name = runs.text(1);
        row.preset = runs.text(2);
        row.status = runs.text(3);
        row.startedAt = runs.text(4);
        row.specHash = runs.text(5);
        row.wallSeconds = runs.real(6);
        row.acrClean = runs.isNull(7) ? -1.0 : runs.real(7);
        row.acrPoison = runs.isNull(8) ? -1.0 : runs.real(8);
        out.push_back(row);
    }
    return out;
}

RunRecord ResultsStore::get(std::int64_t id) const {
    RunRecord r;
    {
        Statement run(m_db, m_file,
                      "SELECT name, preset, spec_json, spec_hash, environment_json, status, error, started_at, finished_at, "
                      "wall_seconds, work_dir FROM runs WHERE id = ?1");
        run.bind(1, id);
        require(run.step(), "results store ", m_file, ": there is no run ", id, " (pacd-cli results list shows the ids)");
        r.id = id;
        r.name = run.text(0);
        r.preset = run.text(1);
        r.specJson = run.text(2);
        r.specHash = run.text(3);
        r.environmentJson = run.text(4);
        r.status = run.text(5);
        r.error = run.text(6);
        r.startedAt = run.text(7);
        r.finishedAt = run.text(8);
        r.wallSeconds = run.real(9);
        r.workDir = run.text(10);
    }
    Statement victims(
        m_db, m_file,
        "SELECT data, seed, point, acr, aca, mean_pa, fraction_at_cap, base_accuracy, pgd_distortion, train_seconds, "
        "certify_seconds, checkpoint, certificates, curves_json FROM victims WHERE run_id = ?1 ORDER BY position");
    victims.bind(1, id);
    while (victims.step()) {
        VictimResult v;
        v.data = victims.text(0);
        v.seed = victims.integer(1);
        v.point = victims.integer(2);
        v.acr = victims.real(3);
        v.aca = victims.real(4);
        v.meanPA = victims.real(5);
        v.fractionAtCap = victims.real(6);
        v.baseAccuracy = victims.real(7);
        v.pgdDistortion = victims.real(8);
        v.trainSeconds = victims.real(9);
        v.certifySeconds = victims.real(10);
        v.checkpoint = victims.text(11);
        v.certificates = victims.text(12);
        const auto curves = nlohmann::json::parse(victims.text(13), nullptr, false);
        if (curves.is_object()) {
            v.radii = curves.value("radii", std::vector<double>{});
            v.certifiedAccuracy = curves.value("certified_accuracy", std::vector<double>{});
            v.pointRadii = curves.value("point_radii", std::vector<double>{});
        }
        r.victims.push_back(std::move(v));
    }
    Statement detections(m_db, m_file, "SELECT result_json FROM detections WHERE run_id = ?1 ORDER BY position");
    detections.bind(1, id);
    while (detections.step())
        r.detections.push_back(detectionFromJson(nlohmann::json::parse(detections.text(0)), m_file.string()));
    Statement timings(m_db, m_file, "SELECT stage, seconds, reused FROM timings WHERE run_id = ?1 ORDER BY position");
    timings.bind(1, id);
    while (timings.step())
        r.timings.push_back(StageTiming{timings.text(0), timings.real(1), timings.integer(2) != 0});
    Statement artefacts(m_db, m_file, "SELECT name, path FROM artefacts WHERE run_id = ?1");
    artefacts.bind(1, id);
    while (artefacts.step())
        r.artefacts[artefacts.text(0)] = artefacts.text(1);
    return r;
}

MergeCounts ResultsStore::merge(const fs::path& other) {
    require(fs::exists(other), "results store ", other, " does not exist");
    require(fs::weakly_canonical(other) != fs::weakly_canonical(m_file), "cannot merge results store ", other, " into itself");
    const ResultsStore source(other);
    // Same id, different file: a copy. Its runs and this store's share ids without being the same runs.
    require(source.m_storeId != m_storeId, "results store ", other, " is a copy of ", m_file,
            " (the same store id): merging would mistake its new runs for this store's runs with the same ids");
    MergeCounts counts;
    const auto rows = source.list();
    transaction(m_db, m_file, [&] {                              // all runs or none: an interrupted merge can simply be run again
        for (auto it = rows.rbegin(); it != rows.rend(); ++it) { // oldest first: new ids keep the original order
            const auto [originStore, originId] = originOf(source.m_db, other, source.m_storeId, it->id);
            if (originStore == m_storeId && runExists(m_db, m_file, originId)) { // recorded here: this copy is the original
                ++counts.unchanged;
                continue;
            }
            auto record = source.get(it->id);
            Statement mapped(m_db, m_file, "SELECT run_id FROM merged_runs WHERE origin_store = ?1 AND origin_id = ?2");
            mapped.bind(1, originStore).bind(2, originId);
            if (!mapped.step()) {
                record.id = insertRun(m_db, m_file, record);
                Statement remember(m_db, m_file, "INSERT INTO merged_runs VALUES(?1, ?2, ?3)");
                remember.bind(1, originStore).bind(2, originId).bind(3, record.id);
                remember.run();
                ++counts.added;
                continue;
            }
            record.id = mapped.integer(0);
            const auto current = get(record.id);
            // A stale copy (a store merged long ago) must not turn a finished run back into a running one.
            if (current.toJson() == record.toJson() || (current.status == "finished" && record.status != "finished")) {
                ++counts.unchanged;
                continue;
            }
            updateRun(m_db, m_file, record);
            ++counts.updated;
        }
    });
    return counts;
}

} // namespace pacd
