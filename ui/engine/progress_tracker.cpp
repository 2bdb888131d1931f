#include "engine/progress_tracker.h"

#include <algorithm>
#include <numeric>

namespace pacd::ui {

void ProgressTracker::setPlan(const QVector<StageInfo>& plan) {
    m_plan = plan;
    m_weights.clear();
    // Reused stages (a resume) finish at once: they must not make the run's rate look fast.
    for (const auto& stage : m_plan)
        m_weights << (stage.reused ? 0.0 : std::max(0.0, stage.weight));
    m_index = -1;
    m_stageFraction = 0;
    m_doneBefore = 0;
    m_finished = false;
    m_measured.clear();
    m_runClock.start();
    m_stageClock.start();
}

void ProgressTracker::stageStarted(qint64 index) {
    stageStartedAfter(index, m_stageClock.isValid() ? m_stageClock.elapsed() / 1000.0 : 0.0);
}

void ProgressTracker::stageStartedAfter(qint64 index, double previousStageSeconds) {
    if (m_index >= 0 && m_index < m_weights.size() && m_weights[m_index] > 0) {
        auto& measured = m_measured[m_plan[m_index].kind];
        measured.seconds += previousStageSeconds;
        measured.weight += m_weights[m_index];
    }
    m_index = index;
    m_stageFraction = 0;
    const double total = std::accumulate(m_weights.begin(), m_weights.end(), 0.0);
    double before = 0;
    for (qint64 i = 0; i < std::min<qint64>(index, m_weights.size()); ++i)
        before += m_weights[i];
    m_doneBefore = total > 0 ? before / total : 0;
    m_stageClock.start();
}

void ProgressTracker::stageProgress(qint64 step, qint64 total) {
    if (total <= 0) return;
    m_stageFraction = std::clamp(double(step) / double(total), 0.0, 1.0);
}

void ProgressTracker::finish() {
    m_finished = true;
}

RunProgress ProgressTracker::progress() const {
    const double stageSeconds = m_stageClock.isValid() ? m_stageClock.elapsed() / 1000.0 : 0.0;
    const double runSeconds = m_runClock.isValid() ? m_runClock.elapsed() / 1000.0 : 0.0;
    return progressAt(stageSeconds, runSeconds);
}

RunProgress ProgressTracker::progressAt(double stageSeconds, double runSeconds) const {
    RunProgress out;
    out.elapsedSeconds = runSeconds;
    if (m_finished) {
        out.stageFraction = out.overallFraction = 1.0;
        out.stageEtaSeconds = out.overallEtaSeconds = 0.0;
        if (m_index >= 0 && m_index < m_plan.size()) out.stage = m_plan[m_index].name;
        return out;
    }
    if (m_index < 0 || m_index >= m_plan.size()) return out;
    out.stage = m_plan[m_index].name;
    out.stageFraction = m_stageFraction;
    const double total = std::accumulate(m_weights.begin(), m_weights.end(), 0.0);
    const double share = total > 0 ? m_weights[m_index] / total : 0.0;
    out.overallFraction = std::clamp(m_doneBefore + share * m_stageFraction, 0.0, 1.0);
    // Extrapolate only once there is something to extrapolate from.
    if (m_stageFraction > 0.01 && stageSeconds > 0.5)
        out.stageEtaSeconds = stageSeconds * (1.0 - m_stageFraction) / m_stageFraction;
    out.overallEtaSeconds = overallEta(out, runSeconds, total);
    return out;
}

double ProgressTracker::overallEta(const RunProgress& now, double runSeconds, double totalWeight) const {
    // Seconds per unit of weight: measured for the kind when a stage of it has finished, else the run's own rate,
    // else the plan's (its weights are the cost model's seconds on the demo CPU: 1 s per unit).
    const double doneWeight = totalWeight * now.overallFraction;
    const double runRate = now.overallFraction > 0.01 && runSeconds > 0.5 ? runSeconds / doneWeight : kPlanSecondsPerWeight;
    const auto rateOf = [&](pacd::StageKind kind) {
        const auto it = m_measured.constFind(kind);
        return it != m_measured.constEnd() && it->weight > 0 ? it->seconds / it->weight : runRate;
    };
    // The current stage: its own extrapolation is noisy early on (10:00 -> 14:12 -> 12:51 within seconds), so it
    // is trusted as far as the stage got and the rate-based estimate of its rest fills in the remainder.
    const double f = now.stageFraction;
    const double expected = m_weights[m_index] * rateOf(m_plan[m_index].kind) * (1.0 - f);
    double left = now.stageEtaSeconds >= 0 ? f * now.stageEtaSeconds + (1.0 - f) * expected : expected;
    for (qint64 j = m_index + 1; j < m_weights.size(); ++j)
        if (m_weights[j] > 0) left += m_weights[j] * rateOf(m_plan[j].kind);
    return left;
}

} // namespace pacd::ui
