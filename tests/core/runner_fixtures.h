#pragma once
// Shared by the suites that run experiments end to end: the runner's options for a scratch work folder.
#include "test_helpers.h"

#include "experiment/runner.h"

#include <QTemporaryDir>

namespace pacd::test {

/// Artefacts under `dir`, the provisioned data sets, the CPU, and certification in blocks of 250 samples.
inline RunOptions optionsIn(const QTemporaryDir& dir) {
    RunOptions options;
    options.workRoot = std::filesystem::path(dir.path().toStdString());
    options.dataDir = dataDir();
    options.device = "cpu";
    options.certifyBatch = 250;
    return options;
}

} // namespace pacd::test
