#pragma once
// An experiment saved from the window: its spec and, when it has run, its result. The file is JSON,
// {"pacd_session": 1, "spec": {...}, "result": {...} | null}; a bare spec file (pacd-cli spec) opens too.
#include "plan/spec.h"
#include "results/run_record.h"

#include <QString>

#include <optional>

namespace pacd::ui {

struct Session {
    pacd::ExperimentSpec spec;
    std::optional<pacd::RunRecord> result;
};

/// Writes atomically; throws pacd::Error naming the file.
void saveSession(const QString& path, const Session& session);
/// Reads a session or a bare spec; throws pacd::Error naming the file and the bad field.
Session loadSession(const QString& path);

} // namespace pacd::ui
