#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <string>

namespace pacd {

/// The kinds of stage an experiment runs (plan/experiment_plan.h; names in plan/vocabulary.h). Here because every
/// progress event says which stage it belongs to.
enum class StageKind { None, Poison, Watermark, Train, Certify, Random, Detect };
/// The training data of a victim: clean, the watermark baseline, the PACD poisons, or the random ±ε baseline.
enum class DataKind { None, Clean, Watermark, Poison, Random };

/// One progress report from long work: where it is (stage, step of total) and named metrics (e.g. "acr").
struct ProgressEvent {
    std::string stage;                     ///< e.g. "certify", "train", "poison"
    std::int64_t step = 0;                 ///< steps done in this stage
    std::int64_t total = 0;                ///< steps in this stage; 0 when unknown
    std::map<std::string, double> metrics; ///< named values at this step
    std::string message;                   ///< optional human-readable note (log line)
    // Set by the experiment runner on every event of a run, so that front ends need not parse stage names.
    std::int64_t stageIndex = -1;          ///< position of the stage in the plan (-1 outside a run)
    StageKind stageKind = StageKind::None; ///< its kind
    DataKind dataKind = DataKind::None;    ///< train / certify stages: the victim's data
};

/// Receives progress; may be called from a worker thread, so it must be cheap and thread-safe.
using ProgressSink = std::function<void(const ProgressEvent&)>;

/// A sink that drops everything (tests, nested work).
inline ProgressSink silentProgress() {
    return [](const ProgressEvent&) {};
}

/// Calls the sink if it is set.
inline void report(const ProgressSink& sink, const ProgressEvent& event) {
    if (sink) sink(event);
}

} // namespace pacd
