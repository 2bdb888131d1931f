#pragma once
// A run's event stream, recorded in its folder (events.jsonl) so that it can be shown again and replayed later with
// the same live plots: the plan, each stage's start, every progress event with its typed stage fields and metrics,
// a throttled sample of the attack's poisons, each victim's result and how the run ended.
//
// Format: JSON lines, one object a line, each with "t" (seconds since its session started) and "type". A session
// begins with {"format": "pacd-events", "version": 1, "type": "session", ...the plan...}; a resumed run appends a
// new session to the same file (a finished run's log is replaced when its spec runs again). Every line is flushed
// when written, so a crash loses at most the line being written; the reader skips a torn line. Torch-free header:
// the window includes it.
#include "results/run_record.h"
#include "support/progress.h"

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

namespace pacd {

/// The event log's file name in a run's folder.
inline constexpr const char* kEventLogFile = "events.jsonl";
/// The format version this build writes and reads.
inline constexpr int kEventLogVersion = 2; ///< 2: poisons as clean + δ (1: two 8-bit images; still read)

/// One stage of the plan as the session that recorded it saw it.
struct RecordedStage {
    std::string name;
    StageKind kind = StageKind::None;
    DataKind data = DataKind::None;
    std::int64_t seed = 0;
    std::int64_t point = -1;
    std::int64_t index = 0;
    bool reused = false; ///< its output existed when the session started
    double weight = 1.0; ///< the cost model's relative cost
};

/// A few poisons as they just moved (the inspector's clean | poisoned | δ): CHW images of the rows, values in [0, 1]
/// (clean stored as 8-bit, δ as 8-bit steps of its largest |δ|: a replay shows the pictures and δ's norms; the
/// poison set folder holds the exact values).
struct RecordedPoisons {
    std::vector<std::int64_t> rows;
    int channels = 0, height = 0, width = 0;
    std::vector<float> clean, poisoned; ///< rows × C × H × W each
};

/// One recorded event.
struct RecordedEvent {
    enum class Type { Stage, Progress, Poisons, Victim, End };
    Type type = Type::Progress;
    double t = 0.0;               ///< seconds since the log's first session started (sessions joined end to end)
    std::int64_t stageIndex = -1; ///< the plan stage it belongs to (Stage: the stage that starts)
    ProgressEvent progress;       ///< Progress
    RecordedPoisons poisons;      ///< Poisons
    VictimResult victim;          ///< Victim
    std::string status;           ///< End: finished | cancelled | paused | failed
};

/// A whole log as read back.
struct EventLog {
    int version = kEventLogVersion;
    std::string name, specHash, startedAt; ///< of the first session
    std::vector<RecordedStage> stages;     ///< the plan (the first session's; reused flags as it saw them)
    std::vector<RecordedEvent> events;     ///< in order; a resumed session's repeats of finished stages are dropped
    int sessions = 0;
    int skippedLines = 0;               ///< torn or unreadable lines (a crash's last line)
    std::string status = "interrupted"; ///< the last session's ending; "interrupted" when it has none (a crash)
    double duration() const { return events.empty() ? 0.0 : events.back().t; }
};

/// Reads an event log. Throws pacd::Error naming the file when it cannot be read, is empty, or is not an event log
/// of a version this build reads; a torn line (a crash) is skipped and counted.
EventLog readEventLog(const std::filesystem::path& path);

/// Appends a run session's events to its folder's log as they happen. Thread-safe; never throws after
/// construction (a full disk must not stop the run: writing stops and the log ends where it could).
class EventLogWriter {
  public:
    /// Opens `path` and writes the session line. A log whose last session finished is replaced, otherwise the new
    /// session is appended (a resume). Throws pacd::Error when the file cannot be opened.
    EventLogWriter(const std::filesystem::path& path, const std::string& name, const std::string& specHash,
                   const std::vector<RecordedStage>& stages);
    ~EventLogWriter();
    EventLogWriter(const EventLogWriter&) = delete;
    EventLogWriter& operator=(const EventLogWriter&) = delete;

    void stageStarted(std::int64_t index);
    void progress(const ProgressEvent& event);
    /// Whether a poison sample is due (at most one per `kPoisonInterval`): lets the caller skip copying tensors.
    bool poisonsDue() const;
    void poisons(std::int64_t stageIndex, const RecordedPoisons& poisons);
    void victim(std::int64_t stageIndex, const VictimResult& victim);
    /// The session ended (finished | cancelled | paused | failed).
    void end(const std::string& status);

    static constexpr std::chrono::milliseconds kPoisonInterval{2000};

  private:
    void writeLine(const std::string& line);
    double now() const;

    mutable std::mutex m_mutex;
    std::FILE* m_file = nullptr;
    std::chrono::steady_clock::time_point m_start;
    std::chrono::steady_clock::time_point m_lastPoisons;
    bool m_ended = false;
};

} // namespace pacd
