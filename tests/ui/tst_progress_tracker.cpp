// ETA and overall fraction from the plan's stage weights: analytic cases.
#include "engine/progress_tracker.h"

#include <QtTest/QtTest>

using pacd::ui::ProgressTracker;
using pacd::ui::StageInfo;

namespace {
QVector<StageInfo> plan(std::initializer_list<std::pair<double, bool>> stages) {
    QVector<StageInfo> out;
    qint64 i = 0;
    for (const auto& [weight, reused] : stages) {
        StageInfo s;
        s.name = QStringLiteral("stage %1").arg(i);
        s.index = i++;
        s.total = static_cast<qint64>(stages.size());
        s.weight = weight;
        s.reused = reused;
        out << s;
    }
    return out;
}
} // namespace

class TestProgressTracker : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void weightsSplitTheRun() {
        ProgressTracker t;
        t.setPlan(plan({{6, false}, {2, false}, {2, false}}));
        t.stageStarted(0);
        t.stageProgress(1, 2);
        auto p = t.progressAt(30, 30);
        QCOMPARE(p.stageFraction, 0.5);
        QCOMPARE(p.overallFraction, 0.3);    // half of 6/10
        QCOMPARE(p.stageEtaSeconds, 30.0);   // 30 s for the first half
        QCOMPARE(p.overallEtaSeconds, 70.0); // 30 s for 30 %
        t.stageStarted(2);
        t.stageProgress(1, 4);
        p = t.progressAt(10, 100);
        QCOMPARE(p.stage, QStringLiteral("stage 2"));
        QCOMPARE(p.overallFraction, 0.85); // 8/10 done + a quarter of 2/10
        QCOMPARE(p.stageEtaSeconds, 30.0);
    }
    // The plan guesses that a poison weight unit costs what a training one does; here a poison stage of weight
    // 2 took 200 s and a training stage of weight 1 took 10 s. The remaining trainings must be priced at the
    // measured 10 s each, not at the run's average of 70 s per unit (which would say 210 s instead of 30 s).
    void measuredKindsPriceTheRest() {
        ProgressTracker t;
        auto stages = plan({{2, false}, {1, false}, {1, false}, {1, false}, {1, false}});
        stages[0].kind = pacd::StageKind::Poison;
        for (int i = 1; i < stages.size(); ++i)
            stages[i].kind = pacd::StageKind::Train;
        stages[4].kind = pacd::StageKind::Certify;
        t.setPlan(stages);
        t.stageStartedAfter(0, 0);
        t.stageStartedAfter(1, 200);
        t.stageStartedAfter(2, 10);
        auto p = t.progressAt(0, 210);
        QCOMPARE(p.overallFraction, 0.5);
        // This training (no progress yet) and the next at 10 s; the certification, a kind not seen yet, at the
        // run's own rate: 210 s for 3 units.
        QCOMPARE(p.overallEtaSeconds, 10.0 + 10.0 + 70.0);
        t.stageProgress(1, 2);
        p = t.progressAt(4, 214); // this one runs faster than the last: its own rate counts as far as it got
        QCOMPARE(p.stageEtaSeconds, 4.0);
        QCOMPARE(p.overallEtaSeconds, (0.5 * 4.0 + 0.5 * 5.0) + 10.0 + 214.0 / 3.5);
    }
    void reusedStagesCostNothing() {
        ProgressTracker t;
        t.setPlan(plan({{5, true}, {1, false}}));
        t.stageStarted(1);
        t.stageProgress(1, 2);
        QCOMPARE(t.progressAt(5, 5).overallFraction, 0.5);
    }
    // Before anything is measured the ETA is the plan's (the cost model's seconds), not blank; the stage's own
    // extrapolation takes over as the stage proceeds, so the ETA does not jump when the first progress arrives.
    void planPricesTheRunUntilSomethingHappened() {
        ProgressTracker t;
        t.setPlan(plan({{60, false}, {40, false}}));
        t.stageStarted(0);
        auto p = t.progressAt(0.1, 0.1);
        QCOMPARE(p.stageEtaSeconds, -1.0);
        QCOMPARE(p.overallEtaSeconds, 100.0);
        t.stageProgress(5, 0); // unknown total: ignored
        QCOMPARE(t.progressAt(10, 10).stageFraction, 0.0);
        // 2 % done after 3 s: the raw extrapolation says 147 s for this stage (200 s for the run); the ETA moves
        // only 2 % of the way there. Run rate: 3 s for 1.2 units = 2.5 s per unit.
        t.stageProgress(2, 100);
        p = t.progressAt(3, 3);
        QCOMPARE(p.stageEtaSeconds, 147.0);
        const double expected = 0.02 * 147.0 + 0.98 * (60 * 2.5 * 0.98) + 40 * 2.5;
        QVERIFY(std::abs(p.overallEtaSeconds - expected) < 1e-9);
        // Near the stage's end its own rate dominates.
        t.stageProgress(90, 100);
        p = t.progressAt(90, 90);
        QVERIFY(std::abs(p.overallEtaSeconds - (0.9 * 10.0 + 0.1 * (60 * 90.0 / 54.0 * 0.1) + 40 * 90.0 / 54.0)) < 1e-9);
    }
    void finishIsComplete() {
        ProgressTracker t;
        t.setPlan(plan({{1, false}, {1, false}}));
        t.stageStarted(0);
        t.finish();
        const auto p = t.progressAt(1, 1);
        QCOMPARE(p.overallFraction, 1.0);
        QCOMPARE(p.overallEtaSeconds, 0.0);
    }
};

QTEST_GUILESS_MAIN(TestProgressTracker)
#include "tst_progress_tracker.moc"
