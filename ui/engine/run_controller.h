#pragma once
// Runs an experiment off the GUI thread and reports it with Qt signals at a bounded rate (Qt docs'
// Controller/Worker). The worker thread only appends to a RunEventBuffer; a timer on the controller's thread
// drains it, so widgets are touched from the GUI thread only and however fast the engine reports, signals come
// at most every `refreshIntervalMs`.
//
// Pause = cancel after the stage's next checkpoint; resume = run the same spec again: the runner resumes from
// its content-addressed artefacts and checkpoints, so the numbers are those of an uninterrupted run.
#include "engine/progress_tracker.h"
#include "engine/run_event_buffer.h"
#include "engine/run_job.h"
#include "engine/run_types.h"

#include <QObject>
#include <QTimer>

#include <memory>

class QThread;

namespace pacd::ui {

class RunController : public QObject {
    Q_OBJECT
  public:
    enum class State { Idle, Running, Pausing, Paused, Cancelling };
    Q_ENUM(State)

    explicit RunController(QObject* parent = nullptr);
    /// Cancels a running experiment and waits for its thread.
    ~RunController() override;

    /// Signals are emitted at most this often while a run is going (default 100 ms: ≤ 10 Hz).
    void setRefreshInterval(int milliseconds);
    State state() const { return m_state; }
    bool isBusy() const { return m_state == State::Running || m_state == State::Pausing || m_state == State::Cancelling; }
    const pacd::ExperimentPlan& plan() const { return m_plan; }

  public Q_SLOTS:
    /// Starts a run of a resolved plan. Returns false while another run is busy.
    bool start(const pacd::ExperimentPlan& plan, const pacd::ui::RunJobOptions& options = {});
    /// Resolves `spec` and starts it; a spec that does not resolve emits failed() and returns false.
    bool start(const pacd::ExperimentSpec& spec, const pacd::ui::RunJobOptions& options = {});
    /// Stops after the next checkpoint; paused() follows.
    void pause();
    /// Runs the paused spec again (it resumes from its artefacts).
    bool resume();
    /// Stops after the next checkpoint; cancelled() follows.
    void cancel();

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

  private:
    void setState(State state);
    void flush();
    void onThreadFinished();

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
};

/// Registers the engine's value types for queued connections (idempotent).
void registerRunTypes();

} // namespace pacd::ui
