#pragma once
// What the Defender tab shows, computed without widgets: a detect stage's scores (its detect.json) read back, one
// detector's ROC curve on them (core's roc.h, so the tab and the CLI's tables agree), the highest-scored points,
// and the ACR of every defense row of a preset.
#include "results/run_record.h"

#include <QMap>
#include <QPair>
#include <QPointF>
#include <QString>
#include <QStringList>
#include <QVector>

namespace pacd::ui {

/// The poison kinds a detector is judged on (data kinds of the victims' training sets), in the tab's order.
const QStringList& poisonKinds();
/// Every data kind of a victim, in the order of the ACR bars: clean, watermark, random, poison.
const QStringList& victimKinds();

/// One detect stage's output: every target-class training point of one victim's training set, scored by each
/// detector.
struct ScoredSet {
    QString data; ///< "clean", "watermark", "random" or "poison"
    qint64 seed = 0;
    qint64 target = -1;
    qint64 budget = 0;                               ///< the points a filter removes
    QVector<qint64> positions;                       ///< training-file positions, in row order
    QVector<bool> poisoned;                          ///< per row
    QVector<QPair<QString, QVector<double>>> scores; ///< per detector (its spec name), one score per row
    QString file;                                    ///< the detect.json it came from

    /// The detector's scores, nullptr when it did not score this set.
    const QVector<double>* scoresOf(const QString& detector) const;
    qint64 poisonCount() const;
};

/// Reads a detect stage's detect.json; throws std::runtime_error naming the file when it cannot be read or is not one.
ScoredSet readScoredSet(const QString& path);

/// The record's scored sets, one per data kind (its lowest seed's), in victimKinds() order. Files that are gone or
/// unreadable are skipped, their problem appended to `problems`.
QVector<ScoredSet> scoredSetsOf(const pacd::RunRecord& record, QStringList* problems = nullptr);

/// One detector's ROC curve on one poison kind's training set, with its AUC and TPR at 5 % FPR.
struct RocSeries {
    QString detector, data;
    QVector<QPointF> points; ///< (false-positive rate, true-positive rate) from (0, 0) to (1, 1)
    double auc = -1.0;
    double tprAt5 = -1.0;
    bool isValid() const { return !points.isEmpty(); }
};

/// The ROC of `detector` on `set` by core's rocCurve / rocAuc / tprAtFpr(0.05); invalid (no points) when the set
/// has no poisons or no clean points, or the detector did not score it.
RocSeries rocSeries(const ScoredSet& set, const QString& detector);

/// One of the highest-scored points.
struct ScoredPoint {
    int row = -1;         ///< in the scored set
    qint64 position = -1; ///< in the training file
    double score = 0.0;
    bool poisoned = false;
};

/// The `count` highest-scored points of `detector`, highest first; ties keep the earlier row first (as core's
/// topScored, which picks what a filter removes).
QVector<ScoredPoint> topScoredPoints(const ScoredSet& set, const QString& detector, int count);

/// One defense row of the ACR bars: one run of a preset (e.g. "filter spectral"), the ACR per victim data kind.
struct DefenseRow {
    QString label;
    qint64 runId = 0;
    QMap<QString, QPair<double, double>> acr; ///< data kind → (mean, sample s.d.) over seeds
};

/// The rows of `records` in their order, labelled by the records' names less the words they all begin with
/// ("mnist no defense", "mnist jpeg" → "no defense", "jpeg").
QVector<DefenseRow> defenseRows(const QVector<pacd::RunRecord>& records);

} // namespace pacd::ui
