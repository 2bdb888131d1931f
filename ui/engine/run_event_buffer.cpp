#include "engine/run_event_buffer.h"

#include <QMutexLocker>

#include <utility>

namespace pacd::ui {

bool RunEventBuffer::Batch::empty() const {
    return !plan && stagesStarted.isEmpty() && samples.isEmpty() && log.isEmpty() && victims.isEmpty() && !preview;
}

void RunEventBuffer::setPlan(const QVector<StageInfo>& plan) {
    QMutexLocker lock(&m_mutex);
    m_batch.plan = plan;
}

void RunEventBuffer::stageStarted(const StageInfo& stage) {
    QMutexLocker lock(&m_mutex);
    m_currentStage = stage.name;
    m_batch.stagesStarted.push_back(stage);
}

void RunEventBuffer::sample(MetricSample sample) {
    QMutexLocker lock(&m_mutex);
    if (sample.run.isEmpty()) sample.run = m_currentStage;
    // "experiment" events only count stages, which the plan and stagesStarted already carry.
    if (sample.stage == QLatin1String("experiment")) return;
    if (m_batch.samples.size() < kMaxSamples) m_batch.samples.push_back(std::move(sample));
}

void RunEventBuffer::log(const QString& line) {
    QMutexLocker lock(&m_mutex);
    m_batch.log.push_back(line);
}

void RunEventBuffer::victim(const pacd::VictimResult& victim) {
    QMutexLocker lock(&m_mutex);
    m_batch.victims.push_back(victim);
}

void RunEventBuffer::preview(PoisonPreview preview) {
    QMutexLocker lock(&m_mutex);
    m_batch.preview = std::move(preview);
}

RunEventBuffer::Batch RunEventBuffer::drain() {
    QMutexLocker lock(&m_mutex);
    return std::exchange(m_batch, Batch{});
}

} // namespace pacd::ui
