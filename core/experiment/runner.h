#pragma once
#include "plan/experiment_plan.h"
#include "results/event_log.h"
#include "results/run_record.h"
#include "support/cancel.h"
#include "support/hash.h"
#include "support/progress.h"

#include <torch/types.h>

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace pacd {

struct ExperimentData;

/// Where and how an experiment runs.
struct RunOptions {
    std::filesystem::path workRoot;    ///< artefact cache shared by runs; empty = stateDir() / "runs"
    std::filesystem::path dataDir;     ///< data sets; empty = resolveDataDir("")
    std::string device = "auto";       ///< parseDevice() syntax: auto | cpu | cuda | cuda:N
    bool fresh = false;                ///< discard this spec's artefacts and checkpoints first
    std::int64_t certifyBatch = 1000;  ///< noisy samples per forward pass while certifying
    double trainProgressSeconds = 0.2; ///< at most one per-step training event per interval (0 = every step)
    bool recordEvents = true;          ///< append the run's events to its folder's events.jsonl (results/event_log.h)
};

/// A planned stage with where its files are and whether they exist already.
struct StagePlan : PlannedStage {
    std::int64_t index = 0;       ///< position in the plan
    bool done = false;            ///< its output exists already (will be reused)
    std::filesystem::path dir;    ///< its content-addressed folder
    std::filesystem::path output; ///< the file that marks it done
};

/// Live hooks for a front end; every one is optional and is called on the thread that runs the experiment.
struct RunObserver {
    ProgressSink progress; ///< every event of the stages ("poison", "train", "train-epoch", "certify", ...), each
                           ///< with its stage's index, kind and data kind, and "experiment" events: step = stages
                           ///< done, total = stages, message = the stage's name
    std::function<void(const StagePlan& stage, std::int64_t total)> stageStarted;
    /// The attack's poison rows just updated: rows (int64 indices into the poison set), their images, and the
    /// clean base images of the same rows (for the clean | poisoned | δ inspector).
    std::function<void(const torch::Tensor& rows, const torch::Tensor& images, const torch::Tensor& base)> poisonBatch;
    std::function<void(const VictimResult& victim)> victimDone;
    /// Another process (a Slurm array task sharing the work folder) holds this stage's folder lock: the run waits
    /// for it and then reuses what it computed. Called once per wait, before waiting.
    std::function<void(const StagePlan& stage)> stageWaiting;
};

/// Runs an experiment plan end to end (paper §4): poison the target class (Alg. 1), build the watermark
/// baseline, retrain K victims from scratch on clean, watermarked and poisoned data, certify the target class's
/// test points (CERTIFY, Cohen et al.) and summarise ACR / ACA as mean ± s.d. over seeds (Tables 2-4).
/// Every stage checkpoints (the attack per epoch, training per epoch); calling run() again with the same spec
/// and work root resumes and yields the same numbers as an uninterrupted run. Cancel stops after a checkpoint
/// and throws Cancelled. Outputs are written atomically. A stage is computed under its folder's lock
/// (support/folder_lock.h): runs sharing a work root compute a shared artefact once, the later ones wait and reuse
/// it (recorded as reused in the stage timings).
class ExperimentRunner {
  public:
    /// Resolves `spec` with the options' certify batch.
    ExperimentRunner(const ExperimentSpec& spec, RunOptions options);
    /// Runs a resolved plan (a points-mode plan without its points gets them from the data).
    ExperimentRunner(ExperimentPlan plan, RunOptions options);

    const ExperimentPlan& plan() const { return m_plan; }
    const ExperimentSpec& spec() const { return m_plan.spec; }
    /// This spec's folder under the work root (result.json, links to the shared artefacts).
    std::filesystem::path runDir() const;
    /// The stages in execution order, with the ones already done marked (points mode loads the data to know
    /// its points).
    std::vector<StagePlan> stages() const;
    /// Runs (or resumes) every stage. Returns the finished record; throws Cancelled or pacd::Error.
    RunRecord run(CancelToken& cancel, const RunObserver& observer = {});

  private:
    std::vector<StagePlan> stagesOf(const ExperimentPlan& plan) const;
    /// The stage loop of run(); `currentStage` follows it (the event log files poisons and victims under it).
    void runStages(const ExperimentPlan& plan, const ExperimentData& data, const torch::Device& device, CancelToken& cancel,
                   const RunObserver& observer, const std::vector<StagePlan>& planned, RunRecord& record,
                   std::int64_t& currentStage) const;

    ExperimentPlan m_plan;
    RunOptions m_options;
};

/// The first `maxRows` of a poison batch (rows of the attack data, poisoned images, their clean bases) copied to the
/// host as flat float planes: what the event log records and the window's inspector previews.
RecordedPoisons recordedPoisons(const torch::Tensor& rows, const torch::Tensor& images, const torch::Tensor& base,
                                std::int64_t maxRows);

} // namespace pacd
