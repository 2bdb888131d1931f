#include "engine/recorded_events.h"

#include <algorithm>

namespace pacd::ui {

MetricSample sampleOf(const pacd::ProgressEvent& event) {
    MetricSample sample;
    sample.stage = QString::fromStdString(event.stage);
    sample.step = event.step;
    sample.total = event.total;
    sample.stageIndex = event.stageIndex;
    sample.stageKind = event.stageKind;
    sample.dataKind = event.dataKind;
    for (const auto& [key, value] : event.metrics)
        sample.metrics.insert(QString::fromStdString(key), value);
    return sample;
}

StageInfo stageInfoOf(const pacd::RecordedStage& stage, qint64 total) {
    StageInfo out;
    out.name = QString::fromStdString(stage.name);
    out.kind = stage.kind;
    out.data = stage.data;
    out.seed = stage.seed;
    out.point = stage.point;
    out.index = stage.index;
    out.total = total;
    out.reused = stage.reused;
    out.weight = stage.weight;
    return out;
}

QVector<StageInfo> planOf(const pacd::EventLog& log) {
    QVector<StageInfo> out;
    for (const auto& stage : log.stages)
        out << stageInfoOf(stage, static_cast<qint64>(log.stages.size()));
    return out;
}

PoisonPreview previewOf(const pacd::RecordedPoisons& poisons) {
    PoisonPreview out;
    out.channels = poisons.channels;
    out.height = poisons.height;
    out.width = poisons.width;
    const auto plane = static_cast<std::size_t>(poisons.channels) * poisons.height * poisons.width;
    for (std::size_t i = 0; i < poisons.rows.size(); ++i) {
        out.rows << poisons.rows[i];
        const auto begin = static_cast<std::ptrdiff_t>(i * plane), end = static_cast<std::ptrdiff_t>((i + 1) * plane);
        out.clean << QVector<float>(poisons.clean.begin() + begin, poisons.clean.begin() + end);
        out.poisoned << QVector<float>(poisons.poisoned.begin() + begin, poisons.poisoned.begin() + end);
    }
    return out;
}

void feed(RunEventBuffer& events, const pacd::EventLog& log, const pacd::RecordedEvent& event) {
    using Type = pacd::RecordedEvent::Type;
    switch (event.type) {
    case Type::Stage: {
        const auto index = static_cast<std::size_t>(event.stageIndex);
        if (index < log.stages.size())
            events.stageStarted(stageInfoOf(log.stages[index], static_cast<qint64>(log.stages.size())));
        break;
    }
    case Type::Progress:
        if (!event.progress.message.empty()) events.log(QString::fromStdString(event.progress.message));
        events.sample(sampleOf(event.progress));
        break;
    case Type::Poisons:
        events.preview(previewOf(event.poisons));
        break;
    case Type::Victim:
        events.victim(event.victim);
        break;
    case Type::End:
        break;
    }
}

QVector<double> replayTimeline(const pacd::EventLog& log, double maxGapSeconds) {
    QVector<double> out;
    out.reserve(static_cast<qsizetype>(log.events.size()));
    double shown = 0, previous = 0;
    for (const auto& event : log.events) {
        shown += std::clamp(event.t - previous, 0.0, maxGapSeconds);
        previous = std::max(previous, event.t);
        out << shown;
    }
    return out;
}

} // namespace pacd::ui
