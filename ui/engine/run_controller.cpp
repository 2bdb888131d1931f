#include "engine/run_controller.h"

#include "engine/recorded_events.h"

#include <QThread>

#include <algorithm>

#include <exception>

namespace pacd::ui {

void registerRunTypes() {
    qRegisterMetaType<StageInfo>();
    qRegisterMetaType<RunProgress>();
    qRegisterMetaType<MetricSample>();
    qRegisterMetaType<QVector<MetricSample>>();
    qRegisterMetaType<QVector<StageInfo>>();
    qRegisterMetaType<PoisonPreview>();
    qRegisterMetaType<pacd::VictimResult>();
    qRegisterMetaType<pacd::RunRecord>();
}

RunController::RunController(QObject* parent) : QObject(parent) {
    registerRunTypes();
    m_flushTimer.setInterval(100);
    connect(&m_flushTimer, &QTimer::timeout, this, &RunController::flush);
    m_replayTimer.setInterval(kReplayTickMs);
    connect(&m_replayTimer, &QTimer::timeout, this, &RunController::replayTick);
}

RunController::~RunController() {
    if (m_thread) {
        m_cancel.cancel();
        m_thread->wait();
        delete m_thread;
    }
}

void RunController::setRefreshInterval(int milliseconds) {
    m_flushTimer.setInterval(std::max(1, milliseconds));
}

bool RunController::start(const pacd::ExperimentSpec& spec, const RunJobOptions& options) {
    if (isBusy()) return false;
    try {
        pacd::PlanOptions planOptions;
        planOptions.certifyBatch = options.certifyBatch;
        return start(pacd::resolve(spec, planOptions), options);
    } catch (const std::exception& e) {
        Q_EMIT failed(QString::fromUtf8(e.what()));
        return false;
    }
}

bool RunController::start(const pacd::ExperimentPlan& plan, const RunJobOptions& options) {
    if (isBusy()) return false;
    stopReplay();
    m_plan = plan;
    m_options = options;
    m_cancel.reset();
    m_pauseRequested = false;
    m_events.drain();
    m_tracker = ProgressTracker{};
    m_outcome = {};

    m_thread = QThread::create([this] { m_outcome = runExperimentJob(m_plan, m_options, m_cancel, m_events); });
    m_thread->setObjectName(QStringLiteral("pacd-run"));
    connect(m_thread, &QThread::finished, this, &RunController::onThreadFinished);
    setState(State::Running);
    m_flushTimer.start();
    m_thread->start();
    return true;
}

void RunController::pause() {
    if (m_state != State::Running) return;
    m_pauseRequested = true;
    m_cancel.cancel(pacd::CancelReason::Pause);
    setState(State::Pausing);
}

bool RunController::resume() {
    if (m_state != State::Paused) return false;
    auto options = m_options;
    options.fresh = false; // never discard what the paused run computed
    return start(m_plan, options);
}

void RunController::cancel() {
    if (m_state == State::Replaying) {
        stopReplay();
        return;
    }
    if (m_state == State::Paused) { // nothing runs: a paused run is simply dropped
        setState(State::Idle);
        Q_EMIT cancelled();
        return;
    }
    if (m_state != State::Running && m_state != State::Pausing) return;
    m_pauseRequested = false;
    m_cancel.cancel();
    setState(State::Cancelling);
}

void RunController::beginReplay(const pacd::EventLog& log) {
    stopReplay();
    m_events.drain();
    m_tracker = ProgressTracker{};
    m_replayLog = std::make_shared<const pacd::EventLog>(log);
    m_replayTimeline = replayTimeline(log, kReplayMaxGapSeconds);
    m_replayNext = 0;
    m_replayPosition = 0.0;
    m_events.setPlan(planOf(log));
}

bool RunController::replay(const pacd::EventLog& log, double speed) {
    if (isBusy() || m_state == State::Paused) return false;
    beginReplay(log);
    setReplaySpeed(speed);
    setState(State::Replaying);
    flush(); // the plan: the progress bars and the stage list before the first event
    m_replayClock.start();
    m_replayWall.start();
    m_replayTimer.start();
    return true;
}

bool RunController::showRecorded(const pacd::EventLog& log) {
    if (isBusy() || m_state == State::Paused) return false;
    beginReplay(log);
    // In chunks below the buffer's sample limit, so that nothing of a long run is dropped.
    for (const auto& event : m_replayLog->events) {
        feed(m_events, *m_replayLog, event);
        if (++m_replayNext % (RunEventBuffer::kMaxSamples / 2) == 0) flush();
    }
    m_replayPosition = replayLength();
    if (m_replayLog->status == "finished") m_tracker.finish();
    flush();
    m_replayLog.reset();
    return true;
}

void RunController::setReplaySpeed(double speed) {
    m_replaySpeed = std::clamp(speed, 1.0, 60.0);
}

void RunController::stopReplay() {
    if (m_state != State::Replaying) return;
    m_replayTimer.stop();
    m_replayLog.reset();
    setState(State::Idle);
}

void RunController::replayTick() {
    if (!m_replayLog) return;
    // The clock advances by the real time since the last tick times the speed in force now (a speed change
    // applies from here on, not retroactively).
    m_replayPosition += static_cast<double>(m_replayClock.restart()) / 1000.0 * m_replaySpeed;
    const auto& events = m_replayLog->events;
    const auto count = static_cast<qsizetype>(events.size());
    while (m_replayNext < count && m_replayTimeline[m_replayNext] <= m_replayPosition)
        feed(m_events, *m_replayLog, events[static_cast<std::size_t>(m_replayNext++)]);
    if (m_replayNext >= count && m_replayLog->status == "finished") m_tracker.finish();
    flush();
    if (m_replayNext < count) return;
    m_replayTimer.stop();
    m_replayLog.reset();
    m_replayPosition = replayLength();
    setState(State::Idle);
    Q_EMIT replayFinished(static_cast<double>(m_replayWall.elapsed()) / 1000.0);
}

void RunController::setState(State state) {
    if (m_state == state) return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void RunController::flush() {
    auto batch = m_events.drain();
    if (batch.plan) {
        m_tracker.setPlan(*batch.plan);
        Q_EMIT planReady(*batch.plan);
    }
    for (const auto& stage : batch.stagesStarted) {
        m_tracker.stageStarted(stage.index);
        Q_EMIT stageStarted(stage);
    }
    // The current stage's own events give its fraction ("experiment" events only count stages).
    for (const auto& sample : batch.samples)
        if (sample.stage != QLatin1String("train-epoch")) m_tracker.stageProgress(sample.step, sample.total);
    if (!batch.samples.isEmpty()) Q_EMIT metricsArrived(batch.samples);
    for (const auto& line : batch.log)
        Q_EMIT logMessage(line);
    for (const auto& victim : batch.victims)
        Q_EMIT victimFinished(victim);
    if (batch.preview) Q_EMIT poisonPreview(*batch.preview);
    // Also after the thread ended (the last flush, after finish()): the bars show where the run stopped.
    Q_EMIT progressChanged(m_tracker.progress());
}

void RunController::onThreadFinished() {
    m_thread->deleteLater();
    m_thread = nullptr;
    m_flushTimer.stop();
    const auto outcome = std::move(m_outcome);
    if (outcome.kind == RunJobOutcome::Kind::Finished) m_tracker.finish();
    flush();
    switch (outcome.kind) {
    case RunJobOutcome::Kind::Finished:
        setState(State::Idle);
        Q_EMIT finished(outcome.record);
        break;
    case RunJobOutcome::Kind::Cancelled:
        if (m_pauseRequested) {
            setState(State::Paused);
            Q_EMIT paused();
        } else {
            setState(State::Idle);
            Q_EMIT cancelled();
        }
        break;
    case RunJobOutcome::Kind::Failed:
        setState(State::Idle);
        Q_EMIT failed(outcome.error);
        break;
    }
}

} // namespace pacd::ui
