#pragma once
// Turns the runner's plan and progress events into fractions and ETAs: the current stage's from its own rate,
// the whole run's from the plan's stage weights (a poison stage costs more than a certify stage).
#include "engine/run_types.h"

#include <QElapsedTimer>

namespace pacd::ui {

class ProgressTracker {
  public:
    /// A new run: its stages with their weights.
    void setPlan(const QVector<StageInfo>& plan);
    /// A stage began (index into the plan); stages before it count as done.
    void stageStarted(qint64 index);
    /// A progress event of the current stage: `step` of `total` (ignored when total <= 0).
    void stageProgress(qint64 step, qint64 total);
    /// The run ended: everything done.
    void finish();
    /// Fractions, ETAs (extrapolated from this stage's and this run's rates) and elapsed time now.
    RunProgress progress() const;
    /// As progress(), with `stageSeconds` and `runSeconds` standing in for the clocks (tests).
    RunProgress progressAt(double stageSeconds, double runSeconds) const;

  private:
    QVector<StageInfo> m_plan;
    QVector<double> m_weights;
    qint64 m_index = -1;
    double m_stageFraction = 0;
    double m_doneBefore = 0; ///< fraction of the run's weight before the current stage, when it began
    QElapsedTimer m_stageClock, m_runClock;
    bool m_finished = false;
};

} // namespace pacd::ui
