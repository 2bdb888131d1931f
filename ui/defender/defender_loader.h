#pragma once
// Everything the Defender tab shows of one run, gathered in a worker thread (QtConcurrent): the detect stages'
// scores, the highest-scored training images per detector and poison kind (rebuilt from the training file and the
// poison sets, as the victims saw them), the PACD poisons for the sanitiser, and the ACR of every defense row of the
// run's preset from its results store. Loading the training file takes about a second, hence the thread.
#include "defender/defender_data.h"
#include "defender/defender_images.h"
#include "defender/top_scored_view.h"
#include "results/run_record.h"

#include <QMap>
#include <QString>
#include <QStringList>
#include <QVector>

#include <atomic>
#include <memory>
#include <vector>

namespace pacd::ui {

/// What one run gives the tab.
struct DefenderData {
    qint64 runId = 0;
    QString runName;
    bool hasDetections = false;          ///< the run has detect stages
    pacd::SanitizerSetting runSanitizer; ///< the run's sanitiser (None when it has none)
    pacd::Detector runFilter = pacd::Detector::None;
    QVector<ScoredSet> sets;                        ///< one per data kind (victimKinds() order)
    QMap<QString, QVector<TopScoredView::Row>> top; ///< poison kind → one row per detector
    std::vector<PoisonPair> pairs;                  ///< the PACD poisons with their clean bases
    QVector<DefenseRow> rows;                       ///< the preset's defense rows (this run's at least)
    QStringList problems;                           ///< what could not be read (the rest is shown)

    /// Whether there is anything of the defender to show (detections or a sanitiser).
    bool hasDefense() const { return hasDetections || runSanitizer.kind != pacd::Sanitizer::None; }
};

/// How many of the highest-scored images per detector the tab shows.
inline constexpr int kTopScored = 8;
/// How many PACD poisons the sanitiser's picker offers.
inline constexpr int kSanitizerPairs = 300;

/// The run's own record and the newest finished run of every other row of its preset in `storePath` (none when the
/// store is missing or the run has no preset) made on the same poisons (rows of another attack are left out), in
/// the order they were run.
QVector<pacd::RunRecord> presetRecords(const pacd::RunRecord& record, const QString& storePath, QStringList* problems);

/// Gathers a run's defender data; `dataDir` as the run's ("" = default). Images are left out when the data set
/// cannot be loaded (`problems` says why). Returns early with what it has when `cancelled` becomes true.
DefenderData loadDefenderData(const pacd::RunRecord& record, const QString& storePath, const QString& dataDir,
                              const std::shared_ptr<std::atomic<bool>>& cancelled = {});

} // namespace pacd::ui
