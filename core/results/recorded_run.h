#pragma once
// A run's row in the results store, kept the same way by every front end (pacd-cli run / sweep, the window), so
// that `pacd-cli results list` and "Browse past runs" see runs from either, with the same fields filled.
#include "results/run_record.h"

#include <cstdint>
#include <filesystem>
#include <string>

namespace pacd {

class ResultsStore;

/// What a run is recorded as when it starts: its spec as the runner runs it, where it came from, and the one run
/// setting outside the spec that changes its numbers.
struct RecordedRunInfo {
    std::string name;                 ///< the spec's name
    std::string specJson;             ///< the spec as run, defaults applied (ExperimentRunner::spec().toJson())
    std::filesystem::path workDir;    ///< the run's folder (ExperimentRunner::runDir())
    std::string preset;               ///< the preset the spec is a row of; "" for a spec file or the window's form
    std::int64_t certifyBatch = 1000; ///< RunOptions::certifyBatch: it changes the certificates, so it is recorded
};

/// One run's row in a results store, from start to end. The constructor opens the row (status "running"): the
/// newest unfinished row with the same spec hash when there is one (a resume continues its row), else a new one.
/// The run then ends with exactly one of finish(), cancelled() or failed(); a RecordedRun destroyed without an
/// ending marks its row failed, so that no row stays "running" after its run is gone. The preset is stored in the
/// row, the certify batch as "certify_batch" in its environment JSON (the store's schema stays as it is).
/// With a null store nothing is written and finish() only completes the record.
class RecordedRun {
  public:
    /// Throws pacd::Error when the store cannot be written.
    RecordedRun(ResultsStore* store, RecordedRunInfo info);
    ~RecordedRun();
    RecordedRun(const RecordedRun&) = delete;
    RecordedRun& operator=(const RecordedRun&) = delete;

    /// The run finished: `record` (ExperimentRunner::run()'s) gets this row's id, the preset and the certify batch,
    /// replaces the row, and is returned. Throws pacd::Error when the store cannot be written.
    RunRecord finish(RunRecord record);
    /// The run stopped on request before its end; `status` is the row's status ("cancelled", or the reason a
    /// front end gives, e.g. "paused"). The row keeps no results (a resume recomputes them from the artefacts).
    /// Never throws: the run's own outcome matters more than its bookkeeping.
    void cancelled(const std::string& status = "cancelled") noexcept;
    /// The run failed with `error` (the exception's message). Never throws.
    void failed(const std::string& error) noexcept;

    /// The row's id in the store; 0 when not recorded.
    std::int64_t id() const { return m_pending.id; }
    /// Whether the row is that of an earlier unfinished run of the same spec.
    bool resumed() const { return m_resumed; }
    /// The row as written when the run started.
    const RunRecord& started() const { return m_pending; }

  private:
    void end(const std::string& status, const std::string& error) noexcept;

    ResultsStore* m_store;
    RunRecord m_pending;
    std::int64_t m_certifyBatch;
    bool m_resumed = false;
    bool m_ended = false;
};

} // namespace pacd
