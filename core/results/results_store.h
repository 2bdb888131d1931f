#pragma once
#include "results/run_record.h"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

struct sqlite3;

namespace pacd {

/// One row of ResultsStore::list(): enough to choose a run.
struct RunListing {
    std::int64_t id = 0;
    std::string name, preset, status, startedAt, specHash;
    double wallSeconds = 0.0;
    double acrClean = -1.0, acrPoison = -1.0; ///< mean ACRs (-1 = none)
};

/// What ResultsStore::merge() did with the other store's runs.
struct MergeCounts {
    std::int64_t added = 0;     ///< runs new to this store
    std::int64_t updated = 0;   ///< runs merged before whose copy here was refreshed (e.g. since finished)
    std::int64_t unchanged = 0; ///< runs already here as they are (or recorded here in the first place)
};

/// The results store: one SQLite file (default: the data directory's "results.sqlite") holding every run's
/// spec, environment, status, per-victim metrics, stage timings and artefact paths. Safe for one writer and many
/// readers at a time (WAL); writes are transactions, so a killed process leaves the previous state.
class ResultsStore {
  public:
    /// Opens or creates the store; throws pacd::Error naming the file when it cannot, or when it is not a
    /// results store of a schema version this build reads.
    explicit ResultsStore(const std::filesystem::path& file);
    ~ResultsStore();
    ResultsStore(const ResultsStore&) = delete;
    ResultsStore& operator=(const ResultsStore&) = delete;

    /// The default location: resolveDataDir(dataDir) / "results.sqlite".
    static std::filesystem::path defaultPath(const std::filesystem::path& dataDir = {});

    /// Inserts a record (its id is ignored) and returns the new id.
    std::int64_t insert(const RunRecord& record);
    /// Replaces the stored record `record.id` (status, victims, timings, artefacts...). Throws if absent.
    void update(const RunRecord& record);
    /// The newest unfinished (running / cancelled / failed) run with this spec hash, or 0 (resume reuses its row).
    std::int64_t findResumable(const std::string& specHash) const;
    /// Every run, newest first.
    std::vector<RunListing> list() const;
    /// The run `id`; throws pacd::Error when there is none.
    RunRecord get(std::int64_t id) const;
    /// Copies every run of another store into this one (new ids), in one transaction. For Slurm arrays, whose
    /// tasks write one store each. Merging again is safe: a run keeps its origin (store and id) through any chain
    /// of merges, so a run merged before is refreshed in place rather than duplicated (never from a finished
    /// state back to an unfinished one), and a run that was first recorded in this store is left as it is.
    MergeCounts merge(const std::filesystem::path& other);
    /// Deletes the run `id` with its victims, timings and artefact paths (not the artefact files); throws if absent.
    void remove(std::int64_t id);
    const std::filesystem::path& file() const { return m_file; }
    /// A random id given to the store when it is created: what merged runs remember as their origin.
    const std::string& storeId() const { return m_storeId; }

  private:
    std::filesystem::path m_file;
    std::string m_storeId;
    sqlite3* m_db = nullptr;
};

} // namespace pacd
