#pragma once
#include <atomic>
#include <stdexcept>

namespace pacd {

/// Thrown by CancelToken::throwIfCancelled(); long operations let it escape after leaving state consistent.
class Cancelled : public std::runtime_error {
public:
    Cancelled() : std::runtime_error("cancelled") {}
};

/// Shared, thread-safe cancel flag checked by long work between batches.
class CancelToken {
public:
    void cancel() noexcept { m_cancelled.store(true, std::memory_order_relaxed); }
    void reset() noexcept { m_cancelled.store(false, std::memory_order_relaxed); }
    bool isCancelled() const noexcept { return m_cancelled.load(std::memory_order_relaxed); }
    void throwIfCancelled() const {
        if (isCancelled()) throw Cancelled();
    }

private:
    std::atomic<bool> m_cancelled{false};
};

} // namespace pacd
