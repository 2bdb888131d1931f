#pragma once
#include "results/run_record.h"
#include "experiment/spec.h"
#include "support/cancel.h"
#include "support/hash.h" // hashText(), which callers of the runner use for spec hashes
#include "support/progress.h"

#include <torch/types.h>

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace pacd {

/// Where and how an experiment runs.
struct RunOptions {
    std::filesystem::path workRoot;  ///< artefact cache shared by runs; empty = stateDir() / "runs"
    std::filesystem::path dataDir;   ///< data sets; empty = resolveDataDir("")
    std::string device = "auto";     ///< parseDevice() syntax: auto | cpu | cuda | cuda:N
    bool fresh = false;              ///< discard this spec's artefacts and checkpoints first
    std::int64_t certifyBatch = 1000;///< noisy samples per forward pass while certifying
    double trainProgressSeconds = 0.2; ///< at most one per-step training event per interval (0 = every step)
};

/// One unit of work of a run, in execution order. Artefacts are content-addressed: a stage's folder name is a
/// hash of everything its output depends on, so resuming, or another spec needing the same poisons or the
/// same clean victim (a sweep), finds and reuses it.
struct StagePlan {
    std::string name;        ///< "poison", "watermark", "train clean seed 0", "certify poison seed 1", ...
    std::string kind;        ///< poison | watermark | train | certify
    std::string data;        ///< clean | watermark | poison ("" for poison/watermark stages)
    std::int64_t seed = 0;   ///< victim seed (train/certify)
    std::int64_t point = -1; ///< points mode: the target test point; -1 otherwise
    double weight = 1.0;     ///< estimated seconds (experiment/cost_model.h), for an overall ETA
    bool done = false;       ///< its output exists already (will be reused)
    std::filesystem::path output; ///< the file that marks it done
};

/// Live hooks for a front end; every one is optional and is called on the thread that runs the experiment.
struct RunObserver {
    ProgressSink progress;   ///< every event of the stages ("poison", "train", "train-epoch", "certify", ...) and
                             ///< "experiment" events: step = stages done, total = stages, message = the stage's name
    std::function<void(const StagePlan& stage, std::int64_t index, std::int64_t total)> stageStarted;
    /// The attack's poison rows just updated: rows (int64 indices into the poison set), their images, and the
    /// clean base images of the same rows (for the clean | poisoned | δ inspector).
    std::function<void(const torch::Tensor& rows, const torch::Tensor& images, const torch::Tensor& base)> poisonBatch;
    std::function<void(const VictimResult& victim)> victimDone;
};

/// Runs an experiment spec end to end (paper §4): poison the target class (Alg. 1), build the watermark
/// baseline, retrain K victims from scratch on clean, watermarked and poisoned data, certify the target class's
/// test points (CERTIFY, Cohen et al.) and summarise ACR / ACA as mean ± s.d. over seeds (Tables 2-4).
/// Every stage checkpoints (the attack per epoch, training per epoch); calling run() again with the same spec
/// and work root resumes and yields the same numbers as an uninterrupted run. Cancel stops after a checkpoint
/// and throws Cancelled. Outputs are written atomically.
class ExperimentRunner {
public:
    ExperimentRunner(ExperimentSpec spec, RunOptions options);

    const ExperimentSpec& spec() const { return m_spec; }
    /// This spec's folder under the work root (result.json, links to the shared artefacts).
    std::filesystem::path runDir() const;
    /// The stages in execution order, with the ones already done marked.
    std::vector<StagePlan> plan() const;
    /// Runs (or resumes) every stage. Returns the finished record; throws Cancelled or pacd::Error.
    RunRecord run(CancelToken& cancel, const RunObserver& observer = {});

private:
    ExperimentSpec m_spec;
    RunOptions m_options;
};

} // namespace pacd
