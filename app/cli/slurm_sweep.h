#pragma once
// A sweep as a Slurm job array (`pacd-cli sweep --slurm DIR`): the folder's layout, submitting it (all tasks or
// the failed ones again) and reading each task's state back from squeue, sacct (where the cluster keeps
// accounting) and the tasks' own stores and logs.
//
//   DIR/specs/NNN.json    one resolved spec per array task
//   DIR/stores/NNN.sqlite each task's results store (merged with DIR/merge.sh)
//   DIR/logs/JOB_NNN.out  each task's stdout + stderr, per submission
//   DIR/jobs.tsv          one line per sbatch: job id, the array's task list
//   DIR/job.sbatch        the array job; DIR/merge.sh the merge
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace pacd::cli {

/// Where a task stands. Pending and running come from the queue; done from a finished run in the task's store.
enum class TaskState { Done, Running, Pending, Failed, Unsubmitted };
const char* taskStateName(TaskState state);

/// One array task as `sweep status` reports it.
struct TaskStatus {
    std::int64_t task = 0;
    std::string name; ///< the spec's name
    TaskState state = TaskState::Unsubmitted;
    std::string job;           ///< the latest submission's array job id covering this task ("" if none)
    std::filesystem::path log; ///< that submission's log of this task ("" if it has none yet)
    std::string error;         ///< failed: the line that says why (the run's error, the log's, or Slurm's state)
};

/// Every task of a sweep folder, plus where the states came from.
struct SweepStatus {
    std::vector<TaskStatus> tasks;
    std::string sources; ///< what was read, e.g. "squeue, sacct, task stores and logs"
    std::int64_t count(TaskState state) const;
    bool finished() const { return count(TaskState::Running) == 0 && count(TaskState::Pending) == 0; }
};

/// What `pacd-cli sweep --slurm DIR` writes into DIR.
struct SweepFolder {
    std::filesystem::path dir;              ///< absolute
    std::vector<std::string> specs;         ///< one resolved spec (JSON) per array task
    std::string jobName = "pacd-sweep";     ///< Slurm's job name
    std::string cli;                        ///< the pacd-cli the tasks run (absolute: the nodes see the same path)
    std::string device = "auto", dataDir;   ///< passed on to every task
    int threads = 0;                        ///< LibTorch threads per task; 0 = $SLURM_CPUS_PER_TASK, else 1
    std::filesystem::path work;             ///< the shared artefact folder (absolute)
    std::filesystem::path store;            ///< the results store merge.sh merges into
    std::vector<std::string> sbatchOptions; ///< extra #SBATCH options ("--gres=gpu:1 --time=04:00:00": one line each)
};

/// Writes the specs, job.sbatch and merge.sh. Rewriting a folder with the same specs keeps its stores, logs and
/// jobs; a folder holding results of other specs is refused (the stores would be mistaken for this sweep's).
void writeSweepFolder(const SweepFolder& folder);

/// The number of array tasks DIR/specs holds; throws pacd::Error when DIR is not a sweep folder.
std::int64_t sweepTaskCount(const std::filesystem::path& dir);

/// Submits DIR/job.sbatch with sbatch (only `tasks` when not empty: --array=1,4), extra command-line options for
/// sbatch (they override the script's #SBATCH lines), records the job in DIR/jobs.tsv and returns its id. Throws
/// pacd::Error with sbatch's own message when it fails.
std::string submitSweep(const std::filesystem::path& dir, const std::vector<std::int64_t>& tasks,
                        const std::vector<std::string>& sbatchOptions);

/// The state of every task: the task's store first (a finished run is done, whatever the queue says), then the
/// queue (squeue: pending, running), then sacct when accounting is on, then the task's log and store for why a
/// task that left the queue unfinished failed.
SweepStatus readSweepStatus(const std::filesystem::path& dir);

/// Shell-quotes one word for a generated script or a command line.
std::string shellQuote(const std::string& text);

} // namespace pacd::cli
