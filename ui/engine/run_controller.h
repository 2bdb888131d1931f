#pragma once
// Runs an experiment off the GUI thread and reports it with Qt signals at a bounded rate (Qt docs'
// Controller/Worker). The worker thread only appends to a RunEventBuffer; a timer on the controller's thread
// drains it, so widgets are touched from the GUI thread only and however fast the engine reports, signals come
// at most every `refreshIntervalMs`.
//
// Pause = cancel after the stage's next checkpoint; resume = run the same spec again: the runner resumes from
// its content-addressed artefacts and checkpoints, so the numbers are those of an uninterrupted run.
//
// Replay: a run's recorded event log (results/event_log.h) fed into the same buffer on a GUI-thread timer, at the
// recorded pace times a speed, so the plots, inspector and progress bars cannot tell a replay from the run.
#include "engine/progress_tracker.h"
#include "engine/run_event_buffer.h"
#include "engine/run_job.h"
#include "engine/run_types.h"
#include "results/event_log.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <memory>

class QThread;

namespace pacd::ui {

class RunController : public QObject {
    Q_OBJECT
  public:
    enum class State { Idle, Running, Pausing, Paused, Cancelling, Replaying };
    Q_ENUM(State)

    explicit RunController(QObject* parent = nullptr);
    /// Cancels a running experiment and waits for its thread.
    ~RunController() override;

    /// Signals are emitted at most this often while a run is going (default 100 ms: ≤ 10 Hz).
    void setRefreshInterval(int milliseconds);
    State state() const { return m_state; }
    bool isBusy() const { return m_state == State::Running || m_state == State::Pausing || m_state == State::Cancelling; }
    const pacd::ExperimentPlan& plan() const { return m_plan; }
    bool isReplaying() const { return m_state == State::Replaying; }
    double replaySpeed() const { return m_replaySpeed; }
    /// Replay: how far it got, in recorded seconds (idle gaps shortened) of replayLength().
    double replayPosition() const { return m_replayPosition; }
    double replayLength() const { return m_replayTimeline.isEmpty() ? 0.0 : m_replayTimeline.back(); }

    /// A replay shortens every idle gap between two events to this many recorded seconds: a stage that reported
    /// nothing for minutes costs no lecture time. One second keeps the attack's pace (a demo run's steps come every
    /// ~0.35 s) and takes out the pauses between them (checkpoints, certification, a busy machine): the recorded
    /// 13-minute demo run is 560 s long with them shortened to 1 s, 625 s with 2 s (56 s and 63 s at ×10).
    static constexpr double kReplayMaxGapSeconds = 1.0;
    /// The replay timer's period.
    static constexpr int kReplayTickMs = 40;

  public Q_SLOTS:
    /// Starts a run of a resolved plan. Returns false while another run is busy.
    bool start(const pacd::ExperimentPlan& plan, const pacd::ui::RunJobOptions& options = {});
    /// Resolves `spec` and starts it; a spec that does not resolve emits failed() and returns false.
    bool start(const pacd::ExperimentSpec& spec, const pacd::ui::RunJobOptions& options = {});
    /// Stops after the next checkpoint; paused() follows.
    void pause();
    /// Runs the paused spec again (it resumes from its artefacts).
    bool resume();
    /// Stops after the next checkpoint; cancelled() follows. During a replay: stops the replay.
    void cancel();
    /// Replays a recorded run `speed` times faster than it ran (1 to 60): every event through the signals a live
    /// run emits, then replayFinished(). Returns false while a run is busy.
    bool replay(const pacd::EventLog& log, double speed = 10.0);
    /// Shows a recorded run at once: the same signals as replay(), without the waiting.
    bool showRecorded(const pacd::EventLog& log);
    /// Changes a replay's speed as it goes (clamped to 1-60).
    void setReplaySpeed(double speed);
    /// Stops a replay where it is (the plots keep what it showed).
    void stopReplay();

  Q_SIGNALS:
    void stateChanged(pacd::ui::RunController::State state);
    void planReady(const QVector<pacd::ui::StageInfo>& stages);
    void stageStarted(const pacd::ui::StageInfo& stage);
    void progressChanged(const pacd::ui::RunProgress& progress);
    void metricsArrived(const QVector<pacd::ui::MetricSample>& samples);
    void logMessage(const QString& line);
    void victimFinished(const pacd::VictimResult& victim);
    void poisonPreview(const pacd::ui::PoisonPreview& preview);
    void finished(const pacd::RunRecord& record);
    void paused();
    void cancelled();
    /// The run stopped on an error; `message` is the engine's (it names the setting or file to fix).
    void failed(const QString& message);
    /// A replay showed its last event after `wallSeconds`.
    void replayFinished(double wallSeconds);

  private:
    void setState(State state);
    void flush();
    void onThreadFinished();
    void replayTick();
    void beginReplay(const pacd::EventLog& log);

    State m_state = State::Idle;
    pacd::ExperimentPlan m_plan;
    RunJobOptions m_options;
    pacd::CancelToken m_cancel;
    RunEventBuffer m_events;
    ProgressTracker m_tracker;
    RunJobOutcome m_outcome;
    QThread* m_thread = nullptr;
    QTimer m_flushTimer;
    bool m_pauseRequested = false;
    // Replay
    std::shared_ptr<const pacd::EventLog> m_replayLog;
    QVector<double> m_replayTimeline; ///< when each event shows, recorded seconds with gaps shortened
    qsizetype m_replayNext = 0;
    double m_replaySpeed = 10.0;
    double m_replayPosition = 0.0;
    QTimer m_replayTimer;
    QElapsedTimer m_replayClock, m_replayWall;
};

/// Registers the engine's value types for queued connections (idempotent).
void registerRunTypes();

} // namespace pacd::ui
