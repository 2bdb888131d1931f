#pragma once
// The poisoned training set exported for other tools, through the same core function as `pacd-cli export`
// (core/experiment/poison_export.h). Torch-free: dataset_export.cpp includes the core (torch) before any Qt header.
#include <QString>

namespace pacd::ui {

/// What `pacd-cli export` takes, in GUI form.
struct DatasetExportRequest {
    QString manifest;                       ///< poison-set manifest (JSON)
    QString outDir;                         ///< created when missing
    QString dataDir;                        ///< empty = the default data directory ($PACD_DATA_DIR, XDG, ~/.local/share)
    QString format = QStringLiteral("idx"); ///< idx (uint8), idx-float (exact) or png (class folders)
    qint64 subset = 0;                      ///< the stratified subset the poisons were made on; 0 = the whole train part
    quint64 splitSeed = 0;
    bool poisonsOnly = false;
};

struct DatasetExportResult {
    bool ok = false;
    QString error; ///< the engine's message (it names the file or setting) when !ok
    qint64 points = 0, poisons = 0, target = 0;
};

/// Blocking (seconds for a full training set as PNG): call it off the GUI thread. Never throws.
DatasetExportResult exportPoisonedDataset(const DatasetExportRequest& request);

} // namespace pacd::ui
