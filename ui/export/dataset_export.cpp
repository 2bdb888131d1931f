// Core (and so torch) headers first, by habit: with QT_NO_KEYWORDS there are no Qt keyword macros to break them.
#include "experiment/poison_export.h"
#include "support/paths.h"

#include "export/dataset_export.h"

#include <exception>

namespace pacd::ui {

DatasetExportResult exportPoisonedDataset(const DatasetExportRequest& request) {
    DatasetExportResult result;
    try {
        PoisonExportConfig config;
        config.format = parseExportFormat(request.format.toStdString());
        config.subset = request.subset;
        config.splitSeed = request.splitSeed;
        config.poisonsOnly = request.poisonsOnly;
        const auto summary = exportPoisonedTrainingSet(request.manifest.toStdString(), request.outDir.toStdString(), config,
                                                       resolveDataDir(request.dataDir.toStdString()));
        result.ok = true;
        result.points = summary.points;
        result.poisons = summary.poisons;
        result.target = summary.target;
    } catch (const std::exception& error) {
        result.error = QString::fromStdString(error.what());
    }
    return result;
}

} // namespace pacd::ui
