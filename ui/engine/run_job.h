#pragma once
// Runs one experiment to its end on the calling thread (the controller's worker thread), feeding a
// RunEventBuffer. Torch-free header; run_job.cpp is where pacd::ExperimentRunner is called.
#include "engine/run_event_buffer.h"
#include "plan/experiment_plan.h"
#include "results/run_record.h"
#include "support/cancel.h"

#include <QString>

namespace pacd::ui {

struct RunJobOptions {
    QString workRoot; ///< empty = the engine's default (state dir / runs)
    QString dataDir;  ///< empty = the resolved data directory
    QString device = QStringLiteral("auto");
    bool fresh = false;
    std::int64_t certifyBatch = 1000; ///< noisy samples per forward pass while certifying (pacd-cli run --certify-batch);
                                      ///< a plan is resolved with it (PlanOptions::certifyBatch)
    QString preset;                   ///< the preset the spec is a row of, recorded with the run; empty = none
    /// The results store the run is recorded in, like pacd-cli run's (running, then finished / cancelled /
    /// failed; a resumed spec reuses its row). Empty = ResultsStore::defaultPath(dataDir); "none" = not stored.
    QString resultsStore;
};

struct RunJobOutcome {
    enum class Kind { Finished, Cancelled, Failed };
    Kind kind = Kind::Failed;
    pacd::RunRecord record; ///< Finished only
    QString error;          ///< Failed only: the engine's message (names the setting or file)
};

/// Never throws: every exception becomes the outcome.
RunJobOutcome runExperimentJob(const pacd::ExperimentPlan& plan, const RunJobOptions& options, pacd::CancelToken& cancel,
                               RunEventBuffer& events);

} // namespace pacd::ui
