#pragma once
// Turns the runner's plan and progress events into fractions and ETAs: the current stage's from its own rate;
// the whole run's fraction from the plan's stage weights (a poison stage costs more than a certify stage), its ETA
// from the seconds per weight measured on this machine for each kind of stage once one has finished (the plan's
// weights are a guess made for one CPU; on a GPU or another CPU poison, training and certification scale apart).
#include "engine/run_types.h"

#include <QElapsedTimer>
#include <QMap>

namespace pacd::ui {

class ProgressTracker {
  public:
    /// A new run: its stages with their weights.
    void setPlan(const QVector<StageInfo>& plan);
    /// A stage began (index into the plan); stages before it count as done, and the one that ran until now
    /// is measured for its kind.
    void stageStarted(qint64 index);
    /// As stageStarted(), with `previousStageSeconds` standing in for the stage clock (tests).
    void stageStartedAfter(qint64 index, double previousStageSeconds);
    /// A progress event of the current stage: `step` of `total` (ignored when total <= 0).
    void stageProgress(qint64 step, qint64 total);
    /// The run ended: everything done.
    void finish();
    /// Fractions, ETAs (extrapolated from this stage's and this run's rates) and elapsed time now.
    RunProgress progress() const;
    /// As progress(), with `stageSeconds` and `runSeconds` standing in for the clocks (tests).
    RunProgress progressAt(double stageSeconds, double runSeconds) const;

    /// A plan's weights are the cost model's estimated seconds on the demo CPU: the run's ETA before anything is
    /// measured.
    static constexpr double kPlanSecondsPerWeight = 1.0;

  private:
    double overallEta(const RunProgress& now, double runSeconds, double totalWeight) const;

    QVector<StageInfo> m_plan;
    QVector<double> m_weights;
    qint64 m_index = -1;
    double m_stageFraction = 0;
    double m_doneBefore = 0; ///< fraction of the run's weight before the current stage, when it began
    struct Measured {
        double seconds = 0;
        double weight = 0;
    };
    QMap<pacd::StageKind, Measured> m_measured; ///< finished stages of each kind: their seconds and weights
    QElapsedTimer m_stageClock, m_runClock;
    bool m_finished = false;
};

} // namespace pacd::ui
