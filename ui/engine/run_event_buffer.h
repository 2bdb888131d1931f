#pragma once
// The hand-over point between the thread that runs an experiment and the GUI thread: the worker appends under a
// mutex (cheap, never blocks on the GUI), the controller drains it on a timer and emits signals. This is what
// bounds the signal rate however often the engine reports.
#include "engine/run_types.h"

#include <QMutex>
#include <QStringList>

#include <optional>

namespace pacd::ui {

class RunEventBuffer {
  public:
    /// Everything that arrived since the last drain.
    struct Batch {
        std::optional<QVector<StageInfo>> plan;
        QVector<StageInfo> stagesStarted;
        QVector<MetricSample> samples;
        QStringList log;
        QVector<pacd::VictimResult> victims;
        std::optional<PoisonPreview> preview; ///< only the newest
        bool empty() const;
    };

    /// Samples beyond this many between two drains are dropped (oldest kept: curves stay in order).
    static constexpr int kMaxSamples = 20000;

    void setPlan(const QVector<StageInfo>& plan);
    void stageStarted(const StageInfo& stage);
    void sample(MetricSample sample);
    void log(const QString& line);
    void victim(const pacd::VictimResult& victim);
    void preview(PoisonPreview preview);

    Batch drain();

  private:
    QMutex m_mutex;
    Batch m_batch;
    QString m_currentStage; ///< the stage that metrics belong to (set by stageStarted)
};

} // namespace pacd::ui
