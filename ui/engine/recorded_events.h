#pragma once
// A recorded run's events (core results/event_log.h) as the live run's values (run_types.h), so that a replay or a
// restored run goes through the same RunEventBuffer, controller signals and plots as the run did. Torch-free; the
// live run (run_job.cpp) converts its progress events with the same sampleOf().
#include "engine/run_event_buffer.h"
#include "results/event_log.h"

namespace pacd::ui {

/// A progress event as the plots' sample (its message is the log's, not the sample's).
MetricSample sampleOf(const pacd::ProgressEvent& event);
/// A recorded stage of a plan with `total` stages.
StageInfo stageInfoOf(const pacd::RecordedStage& stage, qint64 total);
/// The plan a log recorded.
QVector<StageInfo> planOf(const pacd::EventLog& log);
/// Recorded poisons as the inspector's preview.
PoisonPreview previewOf(const pacd::RecordedPoisons& poisons);
/// Appends one recorded event to `events` as the live run appended it (End events carry nothing to show).
void feed(RunEventBuffer& events, const pacd::EventLog& log, const pacd::RecordedEvent& event);

/// When a replay shows each event: the recorded times with every idle gap longer than `maxGapSeconds` (a stage
/// that reported nothing for minutes, a pause between sessions) shortened to it. Seconds at 1×, ascending.
QVector<double> replayTimeline(const pacd::EventLog& log, double maxGapSeconds);

} // namespace pacd::ui
