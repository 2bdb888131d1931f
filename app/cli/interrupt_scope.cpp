#include "interrupt_scope.h"

#include <atomic>
#include <csignal>

namespace pacd::cli {
namespace {

// A signal handler may only touch lock-free atomics; CancelToken::cancel is one relaxed store.
std::atomic<CancelToken*> g_token{nullptr};
static_assert(std::atomic<CancelToken*>::is_always_lock_free);

extern "C" void onInterrupt(int signal) {
    if (auto* token = g_token.load()) token->cancel(CancelReason::Signal);
    std::signal(signal, SIG_DFL);
}

} // namespace

InterruptScope::InterruptScope(CancelToken& token) {
    g_token.store(&token);
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
}

InterruptScope::~InterruptScope() {
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    g_token.store(nullptr);
}

} // namespace pacd::cli
