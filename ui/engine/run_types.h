#pragma once
// Torch-free values that the run controller hands to widgets (queued across threads, so registered as metatypes).
#include "results/run_record.h"
#include "support/progress.h"

#include <QMap>
#include <QMetaType>
#include <QString>
#include <QVector>

namespace pacd::ui {

/// One stage of a run as planned by the runner (poison, watermark, train ×K, certify ×K).
struct StageInfo {
    QString name; ///< "poison", "train clean seed 0", ... (for display)
    pacd::StageKind kind = pacd::StageKind::None;
    pacd::DataKind data = pacd::DataKind::None; ///< train / certify: the victim's data
    qint64 seed = 0;
    qint64 point = -1;   ///< points mode: the attacked test point
    qint64 index = 0;    ///< position in the plan
    qint64 total = 0;    ///< stages in the plan
    bool reused = false; ///< its output existed already (resume): it will finish at once
    double weight = 1.0; ///< estimated relative cost, for the run's ETA
};

/// Where a run is: the current stage's progress and the whole run's, each with an ETA (seconds; < 0 = unknown).
struct RunProgress {
    QString stage;            ///< the plan's stage name
    double stageFraction = 0; ///< [0, 1]
    double stageEtaSeconds = -1;
    double overallFraction = 0;
    double overallEtaSeconds = -1;
    double elapsedSeconds = 0;
};

/// One metrics report of a stage (the attack's upper/lower objectives per step, a victim's epoch, ...).
struct MetricSample {
    QString stage;          ///< the progress event's stage: poison | train | train-epoch | certify | ...
    QString run;            ///< the plan stage's name ("train poison seed 1"): one curve per victim
    qint64 stageIndex = -1; ///< the plan stage it belongs to
    pacd::StageKind stageKind = pacd::StageKind::None;
    pacd::DataKind dataKind = pacd::DataKind::None;
    qint64 step = 0;
    qint64 total = 0;
    QMap<QString, double> metrics;
};

/// A few of the attack's poisons as they just moved: clean base and poisoned image of each row, CHW floats in
/// [0, 1] (for the clean | poisoned | δ inspector; the engine's tensors never reach the widgets).
struct PoisonPreview {
    int channels = 0, height = 0, width = 0;
    qint64 setSize = 0; ///< poisons in the whole set when the preview knows it (a stored set's), else 0
    QVector<qint64> rows;
    QVector<QVector<float>> clean, poisoned;
};

} // namespace pacd::ui

Q_DECLARE_METATYPE(pacd::ui::StageInfo)
Q_DECLARE_METATYPE(pacd::ui::RunProgress)
Q_DECLARE_METATYPE(pacd::ui::MetricSample)
Q_DECLARE_METATYPE(pacd::ui::PoisonPreview)
Q_DECLARE_METATYPE(pacd::VictimResult)
Q_DECLARE_METATYPE(pacd::RunRecord)
