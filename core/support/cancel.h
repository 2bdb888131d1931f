#pragma once
#include <atomic>
#include <stdexcept>

namespace pacd {

/// Why work was asked to stop: front ends record a paused run as paused, not as cancelled.
enum class CancelReason {
    None,   ///< not cancelled
    User,   ///< the user cancelled (the GUI's Cancel)
    Pause,  ///< the user paused: the same spec runs again later and resumes
    Signal, ///< SIGINT / SIGTERM (Ctrl-C in the CLI, a cluster's time limit)
};

/// Thrown by CancelToken::throwIfCancelled(); long operations let it escape after leaving state consistent.
class Cancelled : public std::runtime_error {
  public:
    explicit Cancelled(CancelReason reason = CancelReason::User) : std::runtime_error("cancelled"), m_reason(reason) {}
    CancelReason reason() const noexcept { return m_reason; }

  private:
    CancelReason m_reason;
};

/// Shared, thread-safe cancel flag checked by long work between batches. Async-signal-safe: a signal handler
/// may call cancel() (a lock-free atomic store).
class CancelToken {
  public:
    void cancel(CancelReason reason = CancelReason::User) noexcept {
        // The latest reason wins: Cancel pressed while a pause is under way ends the run as cancelled.
        m_reason.store(static_cast<int>(reason == CancelReason::None ? CancelReason::User : reason), std::memory_order_relaxed);
    }
    void reset() noexcept { m_reason.store(static_cast<int>(CancelReason::None), std::memory_order_relaxed); }
    bool isCancelled() const noexcept { return reason() != CancelReason::None; }
    CancelReason reason() const noexcept { return static_cast<CancelReason>(m_reason.load(std::memory_order_relaxed)); }
    void throwIfCancelled() const {
        if (const auto why = reason(); why != CancelReason::None) throw Cancelled(why);
    }

  private:
    std::atomic<int> m_reason{static_cast<int>(CancelReason::None)};
};

/// How a run that stopped for this reason is recorded: "paused", or "cancelled".
inline const char* stoppedStatus(CancelReason reason) {
    return reason == CancelReason::Pause ? "paused" : "cancelled";
}

} // namespace pacd
