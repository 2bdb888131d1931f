#include "slurm_sweep.h"

#include "results/results_store.h"
#include "support/atomic_file.h"
#include "support/error.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <sys/wait.h>

namespace pacd::cli {
namespace fs = std::filesystem;
namespace {

struct Captured {
    int status = -1; ///< the command's exit status (-1: it could not be run or died of a signal)
    std::string output;
};

// Runs a shell command and captures its stdout (the command line says where its stderr goes).
Captured capture(const std::string& command) {
    Captured out;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) return out;
    char buffer[4096];
    std::size_t got;
    while ((got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0)
        out.output.append(buffer, got);
    const int status = ::pclose(pipe);
    out.status = status != -1 && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return out;
}

std::vector<std::string> linesOf(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) out.push_back(line);
    return out;
}

std::vector<std::string> split(const std::string& text, char separator) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string part; std::getline(in, part, separator);)
        out.push_back(part);
    return out;
}

std::string taskFile(std::int64_t task, const char* extension) {
    char name[32];
    std::snprintf(name, sizeof name, "%03lld%s", static_cast<long long>(task), extension);
    return name;
}

// "0-2,5" -> {0, 1, 2, 5}: sbatch's --array syntax as jobs.tsv records it (no steps or limits: this file writes it).
std::set<std::int64_t> tasksOf(const std::string& array) {
    std::set<std::int64_t> out;
    for (const auto& range : split(array, ',')) {
        const auto dash = range.find('-');
        try {
            const auto first = std::stoll(range.substr(0, dash));
            const auto last = dash == std::string::npos ? first : std::stoll(range.substr(dash + 1));
            for (auto t = first; t <= last; ++t)
                out.insert(t);
        } catch (const std::exception&) {
            fail("jobs.tsv: task list '", array, "' is not sbatch --array syntax");
        }
    }
    return out;
}

struct Submission {
    std::string job;
    std::set<std::int64_t> tasks;
};

std::vector<Submission> readSubmissions(const fs::path& dir) {
    std::vector<Submission> out;
    std::ifstream in(dir / "jobs.tsv");
    for (std::string line; std::getline(in, line);) {
        const auto fields = split(line, '\t');
        if (fields.size() >= 2 && !fields[0].empty() && fields[0][0] != '#') out.push_back({fields[0], tasksOf(fields[1])});
    }
    return out;
}

// Squeue's state names: which mean the task still waits, which that it runs.
bool isPendingState(const std::string& state) {
    return state == "PENDING" || state == "CONFIGURING" || state == "REQUEUED" || state == "REQUEUE_HOLD" ||
           state == "REQUEUE_FED" || state == "RESV_DEL_HOLD" || state == "SPECIAL_EXIT";
}
bool isRunningState(const std::string& state) {
    return state == "RUNNING" || state == "COMPLETING" || state == "SUSPENDED" || state == "STOPPED" || state == "SIGNALING" ||
           state == "STAGE_OUT" || state == "RESIZING";
}

using TaskKey = std::pair<std::string, std::int64_t>; // array job id, task

// The queue's view of our array jobs' tasks (squeue -r lists each task of an array on its own line).
std::map<TaskKey, std::string> queueStates(const std::set<std::string>& jobs, bool& answered) {
    std::map<TaskKey, std::string> out;
    const auto got = capture("squeue -h -r -o '%F|%K|%T' 2>/dev/null");
    answered = got.status == 0;
    if (!answered) return out;
    for (const auto& line : linesOf(got.output)) {
        const auto fields = split(line, '|');
        if (fields.size() != 3 || !jobs.count(fields[0])) continue;
        try {
            out[{fields[0], std::stoll(fields[1])}] = fields[2];
        } catch (const std::exception&) {
        }
    }
    return out;
}

// Accounting's final states (FAILED, OUT_OF_MEMORY, TIMEOUT, CANCELLED...), where the cluster has slurmdbd.
std::map<TaskKey, std::string> accountingStates(const std::set<std::string>& jobs, bool& answered) {
    std::map<TaskKey, std::string> out;
    answered = false;
    if (jobs.empty()) return out;
    std::string list;
    for (const auto& job : jobs)
        list += (list.empty() ? "" : ",") + job;
    const auto got = capture("sacct -n -X -P -o JobID,State -j " + shellQuote(list) + " 2>/dev/null");
    answered = got.status == 0;
    if (!answered) return out;
    for (const auto& line : linesOf(got.output)) {
        const auto fields = split(line, '|');
        const auto underscore = fields.empty() ? std::string::npos : fields[0].find('_');
        if (fields.size() < 2 || underscore == std::string::npos || fields[0].find('[') != std::string::npos) continue;
        try {
            out[{fields[0].substr(0, underscore), std::stoll(fields[0].substr(underscore + 1))}] =
                split(fields[1], ' ').front(); // "CANCELLED by 1000" -> CANCELLED
        } catch (const std::exception&) {
        }
    }
    return out;
}

// The line of a failed task's log that says why: pacd-cli's own error, else Slurm's (slurmstepd: error: ...
// CANCELLED / DUE TO TIME LIMIT), else the job script's closing line (exit status, SIGKILL).
// With `orLastLine` false: "" when the log has no such line (the task may still be running).
std::string errorLineOf(const fs::path& log, bool orLastLine = true) {
    std::ifstream in(log);
    std::string cli, other, script, last;
    for (std::string line; std::getline(in, line);) {
        if (line.empty()) continue;
        last = line;
        if (line.rfind("pacd-cli: error:", 0) == 0)
            cli = line;
        else if (line.find("error:") != std::string::npos || line.find("*** JOB") != std::string::npos)
            other = line;
        else if (line.rfind("pacd-sweep:", 0) == 0)
            script = line;
    }
    return !cli.empty() ? cli : !other.empty() ? other : !script.empty() ? script : orLastLine ? last : std::string();
}

// The task's newest run in its store: "" when there is none.
std::pair<std::string, std::string> storedRun(const fs::path& store) {
    if (!fs::exists(store)) return {};
    const ResultsStore db(store);
    const auto runs = db.list(); // newest first
    if (runs.empty()) return {};
    const auto& newest = runs.front();
    return {newest.status, newest.status == "failed" ? db.get(newest.id).error : std::string()};
}

} // namespace

const char* taskStateName(TaskState state) {
    switch (state) {
    case TaskState::Done:
        return "done";
    case TaskState::Running:
        return "running";
    case TaskState::Pending:
        return "pending";
    case TaskState::Failed:
        return "failed";
    case TaskState::Unsubmitted:
        return "unsubmitted";
    }
    return "?";
}

std::int64_t SweepStatus::count(TaskState state) const {
    return std::count_if(tasks.begin(), tasks.end(), [&](const TaskStatus& t) { return t.state == state; });
}

std::string shellQuote(const std::string& text) {
    std::string out = "'";
    for (const char c : text)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

void writeSweepFolder(const SweepFolder& folder) {
    const auto& dir = folder.dir;
    require(!folder.specs.empty(), "a sweep needs at least one spec");
    bool sameSpecs = fs::exists(dir / "specs");
    for (std::size_t i = 0; sameSpecs && i <= folder.specs.size(); ++i) {
        const auto file = dir / "specs" / taskFile(static_cast<std::int64_t>(i), ".json");
        sameSpecs = i == folder.specs.size() ? !fs::exists(file) : fs::exists(file) && readFile(file) == folder.specs[i];
    }
    if (!sameSpecs && fs::exists(dir / "stores"))
        require(fs::is_empty(dir / "stores"), "sweep folder '", dir.string(),
                "' holds the stores of another sweep (stores/); write this one into a new folder, or remove that one");
    if (!sameSpecs) {
        fs::remove_all(dir / "specs");
        fs::remove(dir / "jobs.tsv");
    }
    fs::create_directories(dir / "specs");
    fs::create_directories(dir / "stores");
    fs::create_directories(dir / "logs");
    for (std::size_t i = 0; i < folder.specs.size(); ++i)
        writeTextAtomically(dir / "specs" / taskFile(static_cast<std::int64_t>(i), ".json"), folder.specs[i]);

    const auto threads = folder.threads > 0 ? std::to_string(folder.threads) : std::string("\"${SLURM_CPUS_PER_TASK:-1}\"");
    std::ostringstream job;
    job << "#!/bin/bash\n"
        << "# Written by `pacd-cli sweep --slurm`: one experiment spec per array task. Artefacts are shared through the\n"
        << "# work folder (content-addressed, one task computes each, the others wait and reuse it); results go to one\n"
        << "# store per task, merged with merge.sh. `pacd-cli sweep status DIR` reports the tasks.\n"
        << "#SBATCH --job-name=" << folder.jobName << "\n"
        << "#SBATCH --array=0-" << folder.specs.size() - 1 << "\n"
        << "#SBATCH --output=" << (dir / "logs").string() << "/%A_%a.out\n";
    for (const auto& option : folder.sbatchOptions)
        for (const auto& word : split(option, ' '))
            if (!word.empty()) job << "#SBATCH " << word << "\n";
    job << "set -uo pipefail\n"
        << "task=$(printf %03d \"$SLURM_ARRAY_TASK_ID\")\n"
        << "rc=0\n"
        << shellQuote(folder.cli) << " --device " << shellQuote(folder.device) << " --threads " << threads
        << (folder.dataDir.empty() ? std::string() : " --data-dir " + shellQuote(folder.dataDir)) << " run --spec "
        << shellQuote((dir / "specs").string()) << "/$task.json --work " << shellQuote(folder.work.string()) << " --store "
        << shellQuote((dir / "stores").string()) << "/$task.sqlite || rc=$?\n"
        << "# The closing line `sweep status` shows for a task that died without an error of its own.\n"
        << "if [ \"$rc\" -ne 0 ]; then\n"
        << "  case \"$rc\" in\n"
        << "    137) why='killed by SIGKILL (out of memory, or scancel)' ;;\n"
        << "    143) why='terminated by SIGTERM (the time limit, or scancel)' ;;\n"
        << "    130) why='stopped by a signal after a checkpoint; resubmitting resumes it' ;;\n"
        << "    *) why=\"exit status $rc\" ;;\n"
        << "  esac\n"
        << "  echo \"pacd-sweep: task $task failed: $why\" >&2\n"
        << "fi\n"
        << "exit \"$rc\"\n";
    writeTextAtomically(dir / "job.sbatch", job.str());
    std::ostringstream merge;
    merge << "#!/bin/bash\n# Merges every task's store into the main results store (again after a resubmission: a run\n"
          << "# merged before is refreshed, never doubled).\nset -euo pipefail\n"
          << "for f in " << shellQuote((dir / "stores").string()) << "/*.sqlite; do\n"
          << "  [ -e \"$f\" ] || continue\n"
          << "  " << shellQuote(folder.cli) << " results merge \"$f\" --store " << shellQuote(folder.store.string())
          << "\ndone\n";
    writeTextAtomically(dir / "merge.sh", merge.str());
    fs::permissions(dir / "job.sbatch", fs::perms::owner_exec | fs::perms::group_exec, fs::perm_options::add);
    fs::permissions(dir / "merge.sh", fs::perms::owner_exec | fs::perms::group_exec, fs::perm_options::add);
}

std::int64_t sweepTaskCount(const fs::path& dir) {
    require(fs::exists(dir / "job.sbatch") && fs::is_directory(dir / "specs"), "'", dir.string(),
            "' is not a sweep folder (no job.sbatch and specs/; `pacd-cli sweep --slurm DIR` writes one)");
    std::int64_t count = 0;
    while (fs::exists(dir / "specs" / taskFile(count, ".json")))
        ++count;
    require(count > 0, "sweep folder '", dir.string(), "' has no specs/000.json");
    return count;
}

std::string submitSweep(const fs::path& dir, const std::vector<std::int64_t>& tasks,
                        const std::vector<std::string>& sbatchOptions) {
    const auto count = sweepTaskCount(dir);
    std::string array;
    if (tasks.empty()) array = "0-" + std::to_string(count - 1);
    for (const auto task : tasks)
        array += (array.empty() ? "" : ",") + std::to_string(task);
    std::string command = "sbatch --parsable --array=" + array;
    for (const auto& option : sbatchOptions)
        for (const auto& word : split(option, ' '))
            if (!word.empty()) command += " " + shellQuote(word);
    command += " " + shellQuote((dir / "job.sbatch").string()) + " 2>&1";
    const auto got = capture(command);
    const auto lines = linesOf(got.output);
    const auto job = lines.empty() ? std::string() : split(lines.back(), ';').front(); // "123" or "123;cluster"
    require(got.status == 0 && !job.empty() && job.find_first_not_of("0123456789") == std::string::npos, "`", command,
            "` failed (exit status ", got.status, "): ", lines.empty() ? std::string("no output") : lines.back(),
            got.status == 127 ? " (is Slurm's sbatch installed and on PATH here?)" : "");
    std::ofstream out(dir / "jobs.tsv", std::ios::app);
    out << job << '\t' << array << '\n';
    require(out.good(), "cannot append to ", (dir / "jobs.tsv").string());
    return job;
}

SweepStatus readSweepStatus(const fs::path& dir) {
    const auto count = sweepTaskCount(dir);
    const auto submissions = readSubmissions(dir);
    std::set<std::string> jobs;
    for (const auto& s : submissions)
        jobs.insert(s.job);
    // The queue first, then the stores: a task that leaves the queue in between has written its store by then.
    bool squeueAnswered = false, sacctAnswered = false;
    const auto queue = jobs.empty() ? std::map<TaskKey, std::string>{} : queueStates(jobs, squeueAnswered);
    const auto accounting = accountingStates(jobs, sacctAnswered);
    SweepStatus out;
    out.sources = std::string(squeueAnswered ? "squeue, "
                              : jobs.empty() ? ""
                                             : "squeue did not answer; ") +
                  (sacctAnswered ? "sacct, " : "") + "task stores and logs";
    for (std::int64_t task = 0; task < count; ++task) {
        TaskStatus status;
        status.task = task;
        try {
            status.name = nlohmann::json::parse(readFile(dir / "specs" / taskFile(task, ".json"))).value("name", "");
        } catch (const std::exception&) {
            status.name = "(unreadable spec)";
        }
        for (const auto& s : submissions)
            if (s.tasks.count(task)) status.job = s.job;
        if (!status.job.empty()) {
            const auto log = dir / "logs" / (status.job + "_" + std::to_string(task) + ".out");
            if (fs::exists(log)) status.log = log;
        }
        const auto [runStatus, runError] = storedRun(dir / "stores" / taskFile(task, ".sqlite"));
        const auto queued = status.job.empty() ? queue.end() : queue.find({status.job, task});
        if (runStatus == "finished") {
            status.state = TaskState::Done;
        } else if (queued != queue.end() && isPendingState(queued->second)) {
            status.state = TaskState::Pending;
        } else if (queued != queue.end() && isRunningState(queued->second)) {
            status.state = TaskState::Running;
        } else if (status.job.empty()) {
            status.state = TaskState::Unsubmitted;
        } else if (!squeueAnswered && (status.log.empty() || errorLineOf(status.log, false).empty())) {
            // No queue to ask (squeue missing or the controller down): a task whose log says nothing of a failure
            // is taken to be running (it has a log) or pending (none yet).
            status.state = status.log.empty() ? TaskState::Pending : TaskState::Running;
        } else {
            status.state = TaskState::Failed;
            std::string why = status.log.empty() ? std::string() : errorLineOf(status.log);
            if (why.empty()) why = runError;
            if (why.empty())
                why = status.log.empty() ? "left the queue without running (cancelled while pending?)"
                                         : "left the queue without a finished run";
            const auto accounted = accounting.find({status.job, task});
            if (accounted != accounting.end() && accounted->second != "COMPLETED") why += " [Slurm: " + accounted->second + "]";
            status.error = why;
        }
        out.tasks.push_back(std::move(status));
    }
    return out;
}

} // namespace pacd::cli
