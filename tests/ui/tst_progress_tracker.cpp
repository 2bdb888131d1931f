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
        p = t.progressAt(4, 214); // this one runs faster than the last: its own rate wins for itself
        QCOMPARE(p.stageEtaSeconds, 4.0);
        QCOMPARE(p.overallEtaSeconds, 4.0 + 10.0 + 214.0 / 3.5);
    }
    void reusedStagesCostNothing() {
        ProgressTracker t;
        t.setPlan(plan({{5, true}, {1, false}}));
        t.stageStarted(1);
        t.stageProgress(1, 2);
        QCOMPARE(t.progressAt(5, 5).overallFraction, 0.5);
    }
    void unknownUntilSomethingHappened() {
        ProgressTracker t;
        t.setPlan(plan({{1, false}}));
        t.stageStarted(0);
        const auto p = t.progressAt(10, 10);
        QCOMPARE(p.stageEtaSeconds, -1.0);
        QCOMPARE(p.overallEtaSeconds, -1.0);
        t.stageProgress(5, 0); // unknown total: ignored
        QCOMPARE(t.progressAt(10, 10).stageFraction, 0.0);
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
