#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <string>

namespace pacd {

/// One progress report from long work: where it is (stage, step of total) and named metrics (e.g. "acr").
struct ProgressEvent {
    std::string stage;                     ///< e.g. "certify", "train", "poison"
    std::int64_t step = 0;                 ///< steps done in this stage
    std::int64_t total = 0;                ///< steps in this stage; 0 when unknown
    std::map<std::string, double> metrics; ///< named values at this step
    std::string message;                   ///< optional human-readable note (log line)
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
