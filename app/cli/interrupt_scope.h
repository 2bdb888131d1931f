#pragma once
#include "support/cancel.h"

namespace pacd::cli {

/// While alive, SIGINT and SIGTERM request a cancel from `token` instead of ending the process: the running
/// stage checkpoints, throws Cancelled, and the command reports how to resume. A second signal ends the process
/// at once (the default action is back after the first). The destructor restores the default actions on every
/// exit path, so no handler outlives the token it points at.
class InterruptScope {
  public:
    explicit InterruptScope(CancelToken& token);
    ~InterruptScope();
    InterruptScope(const InterruptScope&) = delete;
    InterruptScope& operator=(const InterruptScope&) = delete;
};

} // namespace pacd::cli
