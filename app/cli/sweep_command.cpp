// pacd-cli sweep: several specs locally (as run), or as a Slurm job array (write, submit, resubmit the failed
// tasks) and `sweep status DIR` to follow the array.
#include "run_command.h"
#include "slurm_sweep.h"

#include "plan/experiment_plan.h"
#include "results/results_store.h"
#include "support/error.h"

#include <chrono>
#include <cstdio>
#include <iostream>
#include <thread>
#include <unistd.h>

namespace pacd::cli {
namespace {

std::string sweepCounts(const SweepStatus& status) {
    std::string out;
    for (const auto state : {TaskState::Done, TaskState::Running, TaskState::Pending, TaskState::Failed, TaskState::Unsubmitted})
        if (state != TaskState::Unsubmitted || status.count(state) > 0)
            out += (out.empty() ? "" : ", ") + std::to_string(status.count(state)) + " " + taskStateName(state);
    return out;
}

nlohmann::ordered_json sweepJson(const std::filesystem::path& dir, const SweepStatus& status) {
    auto tasks = nlohmann::ordered_json::array();
    for (const auto& t : status.tasks)
        tasks.push_back({{"task", t.task},
                         {"name", t.name},
                         {"state", taskStateName(t.state)},
                         {"job", t.job},
                         {"log", t.log.string()},
                         {"error", t.error}});
    nlohmann::ordered_json counts;
    for (const auto state : {TaskState::Done, TaskState::Running, TaskState::Pending, TaskState::Failed, TaskState::Unsubmitted})
        counts[taskStateName(state)] = status.count(state);
    return {{"dir", dir.string()}, {"counts", counts}, {"sources", status.sources}, {"tasks", tasks}};
}

void printSweepTable(const std::filesystem::path& dir, const SweepStatus& status) {
    std::printf("sweep %s: %zu tasks: %s (read: %s)\n", dir.string().c_str(), status.tasks.size(), sweepCounts(status).c_str(),
                status.sources.c_str());
    std::printf("%4s  %-11s  %-10s  %s\n", "task", "state", "job", "name");
    for (const auto& t : status.tasks) {
        std::printf("%04lld  %-11s  %-10s  %s\n", static_cast<long long>(t.task), taskStateName(t.state),
                    t.job.empty() ? "-" : t.job.c_str(), t.name.c_str());
        if (t.state == TaskState::Failed) {
            std::printf("      log:   %s\n", t.log.empty() ? "(none)" : t.log.string().c_str());
            std::printf("      error: %s\n", t.error.c_str());
        }
    }
    if (status.count(TaskState::Failed) > 0)
        std::printf("resubmit the failed tasks: pacd-cli sweep --slurm %s --resubmit-failed [--sbatch '--mem=...']\n",
                    dir.string().c_str());
}

// Polls until no task is pending or running; a bar on a terminal, a line per change otherwise (logs stay short).
SweepStatus waitForSweep(const std::filesystem::path& dir, double pollSeconds) {
    const bool terminal = ::isatty(STDERR_FILENO);
    const auto start = std::chrono::steady_clock::now();
    std::string last;
    for (;;) {
        const auto status = readSweepStatus(dir);
        const auto total = static_cast<std::int64_t>(status.tasks.size());
        const auto ended = status.count(TaskState::Done) + status.count(TaskState::Failed);
        const auto seconds =
            static_cast<long long>(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        constexpr int width = 30;
        const int filled = static_cast<int>(width * ended / std::max<std::int64_t>(total, 1));
        const auto line = "[" + std::string(filled, '#') + std::string(width - filled, '.') + "] " + std::to_string(ended) + "/" +
                          std::to_string(total) + " ended: " + sweepCounts(status);
        char elapsed[32];
        std::snprintf(elapsed, sizeof elapsed, "  %lld:%02lld", seconds / 60, seconds % 60);
        if (terminal)
            std::cerr << "\r" << line << elapsed << "\033[K" << std::flush;
        else if (line != last)
            std::cerr << line << elapsed << std::endl;
        last = line;
        if (status.finished()) {
            if (terminal) std::cerr << std::endl;
            return status;
        }
        std::this_thread::sleep_for(std::chrono::duration<double>(pollSeconds));
    }
}

} // namespace

void addSweepCommand(CLI::App& app, GlobalOptions& options) {
    auto args = std::make_shared<RunArgs>();
    auto slurmDir = std::make_shared<std::string>();
    auto submit = std::make_shared<bool>(false);
    auto resubmitFailed = std::make_shared<bool>(false);
    auto sbatchOptions = std::make_shared<std::vector<std::string>>();
    auto* sweep = app.add_subcommand(
        "sweep",
        "Run several specs or a preset's grid. Locally: one after another (as `run`). With --slurm DIR: write one spec per "
        "Slurm array task, the job script and a merge script into DIR (and submit with --submit); each task records into "
        "its own store, merged afterwards with DIR/merge.sh. Tasks share artefacts through the work folder: one computes "
        "each, the others wait and reuse it. `pacd-cli sweep status DIR` follows the tasks.");
    addRunOptions(sweep, *args);
    sweep->add_option("--slurm", *slurmDir, "Write a Slurm job array into this folder instead of running");
    sweep->add_flag("--submit", *submit,
                    "Submit the array with sbatch after writing it (without --spec / --preset: submit DIR as it is)");
    sweep->add_flag("--resubmit-failed", *resubmitFailed,
                    "With --slurm DIR: submit again only the tasks `sweep status` reports failed (they resume from their "
                    "checkpoints); --sbatch options given here apply to this submission only");
    sweep->add_option("--sbatch", *sbatchOptions,
                      "Extra sbatch options, e.g. --sbatch '--gres=gpu:1 --time=04:00:00' (one #SBATCH line per option)");

    auto statusDir = std::make_shared<std::string>();
    auto wait = std::make_shared<bool>(false);
    auto asJson = std::make_shared<bool>(false);
    auto pollSeconds = std::make_shared<double>(5.0);
    auto* status = sweep->add_subcommand(
        "status", "Each task of a Slurm sweep folder: done, running, pending or failed (with its log and the line that says "
                  "why), from squeue, sacct where the cluster keeps accounting, and the tasks' stores and logs.");
    status->add_option("dir", *statusDir, "The sweep folder (sweep --slurm DIR)")->required();
    status->add_flag("--wait", *wait,
                     "Block until no task is pending or running, with a progress bar; exit status 1 if any failed");
    status->add_option("--poll", *pollSeconds, "Seconds between looks at the queue while waiting")
        ->default_val(5.0)
        ->check(CLI::PositiveNumber);
    status->add_flag("--json", *asJson, "Print JSON instead of a table");
    status->callback([statusDir, wait, asJson, pollSeconds] {
        const auto dir = std::filesystem::absolute(*statusDir);
        const auto result = *wait ? waitForSweep(dir, *pollSeconds) : readSweepStatus(dir);
        if (*asJson)
            printJson(sweepJson(dir, result));
        else
            printSweepTable(dir, result);
        if (*wait && result.count(TaskState::Failed) > 0) throw CLI::RuntimeError(1);
    });

    sweep->callback([&options, args, slurmDir, submit, resubmitFailed, sbatchOptions, status] {
        if (status->parsed()) return;
        namespace fs = std::filesystem;
        if (*resubmitFailed) {
            require(!slurmDir->empty(), "--resubmit-failed needs --slurm DIR (the sweep folder)");
            const fs::path dir = fs::absolute(*slurmDir);
            std::vector<std::int64_t> failed;
            for (const auto& task : readSweepStatus(dir).tasks)
                if (task.state == TaskState::Failed) failed.push_back(task.task);
            nlohmann::ordered_json out{{"dir", dir.string()}, {"resubmitted", failed}};
            if (!failed.empty()) out["job"] = submitSweep(dir, failed, *sbatchOptions);
            return printJson(out);
        }
        if (slurmDir->empty()) return runAll(*args, options);
        if (*submit && args->specFiles.empty() && args->preset.empty()) { // submit a folder written before, as it is
            const fs::path dir = fs::absolute(*slurmDir);
            const auto job = submitSweep(dir, {}, *sbatchOptions);
            return printJson({{"dir", dir.string()}, {"tasks", sweepTaskCount(dir)}, {"submitted", true}, {"job_id", job}});
        }
        SweepFolder folder;
        folder.dir = fs::absolute(*slurmDir);
        for (const auto& [spec, preset] : specsOf(*args))
            folder.specs.push_back(resolve(spec).spec.toJson()); // as it will run
        folder.jobName = "pacd-" + (args->preset.empty() ? std::string("sweep") : args->preset);
        folder.cli = fs::canonical("/proc/self/exe").string();
        folder.device = options.device;
        folder.dataDir = options.dataDir;
        folder.threads = options.threads;
        folder.work = args->workRoot.empty() ? folder.dir / "work" : fs::absolute(args->workRoot);
        folder.store = args->store.empty() ? ResultsStore::defaultPath(options.resolvedDataDir()) : fs::absolute(args->store);
        folder.sbatchOptions = *sbatchOptions;
        writeSweepFolder(folder);
        nlohmann::ordered_json out{{"dir", folder.dir.string()},
                                   {"tasks", folder.specs.size()},
                                   {"job", (folder.dir / "job.sbatch").string()},
                                   {"merge", (folder.dir / "merge.sh").string()}};
        if (*submit) {
            out["submitted"] = true;
            out["job_id"] = submitSweep(folder.dir, {}, {});
        }
        printJson(out);
    });
}

} // namespace pacd::cli
