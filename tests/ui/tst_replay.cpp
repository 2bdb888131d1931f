// Replays: a recorded run goes through the same plots as the live run did, at the recorded pace times the speed
// (idle gaps shortened); a stored run opens from any results store with every plot, the inspector and the banner.
#include "engine/recorded_events.h"
#include "engine/run_controller.h"
#include "inspector/image_inspector.h"
#include "main_window/main_window.h"
#include "plots/acr_bars_plot.h"
#include "plots/attack_plot.h"
#include "plots/certified_accuracy_plot.h"
#include "plots/plots_view.h"
#include "plots/radius_histogram_plot.h"
#include "plots/result_card.h"
#include "plots/training_plot.h"
#include "results/event_log.h"
#include "results/results_store.h"
#include "session/replay_banner.h"
#include "session/results_browser.h"
#include "ui_test_support.h"

#include <QElapsedTimer>
#include <QTableWidget>
#include <QtTest/QtTest>

using namespace pacd::ui;
using pacd::RecordedEvent;

namespace {

pacd::ProgressEvent progress(const char* stage, qint64 index, pacd::StageKind kind, pacd::DataKind data, qint64 step,
                             qint64 total, std::map<std::string, double> metrics) {
    pacd::ProgressEvent e;
    e.stage = stage;
    e.step = step;
    e.total = total;
    e.metrics = std::move(metrics);
    e.stageIndex = index;
    e.stageKind = kind;
    e.dataKind = data;
    return e;
}

pacd::VictimResult victim(const char* data, double acr, std::vector<double> radii) {
    pacd::VictimResult v;
    v.data = data;
    v.acr = acr;
    v.aca = 0.9;
    v.pointRadii = std::move(radii);
    return v;
}

// A run of five stages as the runner reports it: 30 attack steps, two victims trained 3 epochs and certified, with
// a 100-second silence before the first training (a stage that reported nothing for long).
pacd::EventLog syntheticLog() {
    using K = pacd::StageKind;
    using D = pacd::DataKind;
    pacd::EventLog log;
    log.name = "synthetic";
    log.status = "finished";
    log.sessions = 1;
    log.stages = {{"poison", K::Poison, D::None, 0, -1, 0, false, 10},
                  {"train clean seed 0", K::Train, D::Clean, 0, -1, 1, false, 2},
                  {"certify clean seed 0", K::Certify, D::Clean, 0, -1, 2, false, 1},
                  {"train poison seed 0", K::Train, D::Poison, 0, -1, 3, false, 2},
                  {"certify poison seed 0", K::Certify, D::Poison, 0, -1, 4, false, 1}};
    double t = 0;
    auto add = [&](RecordedEvent::Type type, qint64 index, double dt) {
        t += dt;
        RecordedEvent e;
        e.type = type;
        e.t = t;
        e.stageIndex = index;
        log.events.push_back(e);
        return &log.events.back();
    };
    add(RecordedEvent::Type::Stage, 0, 0);
    for (int step = 1; step <= 30; ++step)
        add(RecordedEvent::Type::Progress, 0, 0.05)->progress =
            progress("poison", 0, K::Poison, D::None, step, 30,
                     {{"upper", 0.6 - 0.004 * step + 0.01 * (step % 3)}, {"lower", 2.0 / step}, {"poisons", 582}});
    auto* poisons = add(RecordedEvent::Type::Poisons, 0, 0.01);
    poisons->poisons.rows = {3, 9};
    poisons->poisons.channels = 1;
    poisons->poisons.height = poisons->poisons.width = 2;
    poisons->poisons.clean = {0, 0.2f, 0.4f, 0.6f, 1, 0.8f, 0.6f, 0.4f};
    poisons->poisons.poisoned = {0.1f, 0.2f, 0.3f, 0.6f, 0.9f, 0.8f, 0.7f, 0.4f};
    for (qint64 train : {1, 3}) {
        const auto data = train == 1 ? D::Clean : D::Poison;
        add(RecordedEvent::Type::Stage, train, train == 1 ? 100.0 : 0.01);
        for (int epoch = 1; epoch <= 3; ++epoch) {
            add(RecordedEvent::Type::Progress, train, 0.02)->progress =
                progress("train", train, K::Train, data, epoch * 10, 30, {{"loss", 1.0 / epoch + 0.1}});
            add(RecordedEvent::Type::Progress, train, 0.001)->progress =
                progress("train-epoch", train, K::Train, data, epoch, 3, {{"loss", 1.0 / epoch}});
        }
        add(RecordedEvent::Type::Stage, train + 1, 0.01);
        add(RecordedEvent::Type::Victim, train + 1, 0.02)->victim =
            train == 1 ? victim("clean", 0.55, {0.0, 0.3, 0.616, 0.616}) : victim("poison", 0.35, {0.0, 0.0, 0.2, 0.616});
    }
    add(RecordedEvent::Type::End, -1, 0.001)->status = "finished";
    return log;
}

// What the live run fed the plots (MainWindow's connections, RunEventBuffer naming each sample by its stage).
void feedLive(PlotsView& view, const pacd::EventLog& log) {
    QString stage;
    for (const auto& e : log.events) {
        if (e.type == RecordedEvent::Type::Stage) stage = QString::fromStdString(log.stages[std::size_t(e.stageIndex)].name);
        if (e.type == RecordedEvent::Type::Progress) {
            auto sample = sampleOf(e.progress);
            sample.run = stage;
            view.addMetrics({sample});
        }
        if (e.type == RecordedEvent::Type::Victim) view.addVictim(e.victim);
    }
}

QVector<QPointF> points(QCPGraph* graph) {
    QVector<QPointF> out;
    for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it)
        out << QPointF(it->key, it->value);
    return out;
}

// Every plot's data, point for point.
void comparePlots(PlotsView& replayed, PlotsView& live) {
    const std::initializer_list<std::pair<LivePlot*, LivePlot*>> pairs{
        {replayed.attackPlot(), live.attackPlot()},
        {replayed.trainingPlot(), live.trainingPlot()},
        {replayed.certifiedAccuracyPlot(), live.certifiedAccuracyPlot()}};
    for (const auto& [a, b] : pairs) {
        QCOMPARE(a->graphCount(), b->graphCount());
        for (int i = 0; i < a->graphCount(); ++i) {
            QCOMPARE(points(a->graph(i)), points(b->graph(i)));
            QCOMPARE(a->graph(i)->name(), b->graph(i)->name());
        }
    }
    for (const auto* data : {"clean", "poison"}) {
        QCOMPARE(replayed.radiusHistogramPlot()->fractions(QLatin1String(data)),
                 live.radiusHistogramPlot()->fractions(QLatin1String(data)));
        QCOMPARE(replayed.acrBarsPlot()->shown(QLatin1String(data)), live.acrBarsPlot()->shown(QLatin1String(data)));
    }
    QCOMPARE(replayed.resultCard()->text(), live.resultCard()->text());
}

void connectPlots(RunController& controller, PlotsView& view) {
    QObject::connect(&controller, &RunController::metricsArrived, &view, &PlotsView::addMetrics);
    QObject::connect(&controller, &RunController::victimFinished, &view, &PlotsView::addVictim);
}

} // namespace

class TestReplay : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

  private Q_SLOTS:
    void replayReproducesLiveCurves() {
        const auto log = syntheticLog();
        PlotsView live, replayed;
        feedLive(live, log);
        QCOMPARE(live.attackPlot()->pointCount(), 90);
        QCOMPARE(live.trainingPlot()->pointCount(), 6);
        RunController controller;
        connectPlots(controller, replayed);
        QSignalSpy stages(&controller, &RunController::stageStarted);
        QSignalSpy previews(&controller, &RunController::poisonPreview);
        QSignalSpy done(&controller, &RunController::replayFinished);
        QVERIFY(controller.replay(log, 60));
        QCOMPARE(controller.state(), RunController::State::Replaying);
        QVERIFY(done.wait(10000));
        QCOMPARE(controller.state(), RunController::State::Idle);
        comparePlots(replayed, live);
        QCOMPARE(stages.size(), 5);
        QCOMPARE(previews.size(), 1);
        QCOMPARE(previews[0][0].value<PoisonPreview>().rows, (QVector<qint64>{3, 9}));

        // Shown at once (opening a stored run): the same plots again.
        PlotsView shown;
        RunController instant;
        connectPlots(instant, shown);
        QVERIFY(instant.showRecorded(log));
        comparePlots(shown, live);
    }

    // The recorded pace, times the speed, with the 100-s silence shortened to kReplayMaxGapSeconds.
    void replayKeepsScaledTiming() {
        const auto log = syntheticLog();
        const auto timeline = replayTimeline(log, RunController::kReplayMaxGapSeconds);
        QCOMPARE(timeline.size(), qsizetype(log.events.size()));
        const double recorded = log.events.back().t;
        QVERIFY(recorded > 100.0);
        QVERIFY(std::abs(timeline.back() - (recorded - 100.0 + RunController::kReplayMaxGapSeconds)) < 1e-9);
        for (qsizetype i = 1; i < timeline.size(); ++i)
            QVERIFY(timeline[i] >= timeline[i - 1]);

        RunController controller;
        controller.setReplaySpeed(100);
        QCOMPARE(controller.replaySpeed(), 60.0);
        controller.setReplaySpeed(0.2);
        QCOMPARE(controller.replaySpeed(), 1.0);

        // At 1× only what the run had reported by then shows: the attack steps come 0.05 s apart, the
        // training 100 s (shortened to 2 s) after the attack.
        PlotsView view;
        connectPlots(controller, view);
        QSignalSpy done(&controller, &RunController::replayFinished);
        QVERIFY(controller.replay(log, 1));
        QTest::qWait(400);
        const int early = view.attackPlot()->pointCount();
        QVERIFY2(early > 0 && early < 90, qPrintable(QString::number(early)));
        QCOMPARE(view.trainingPlot()->pointCount(), 0);
        // Faster from here on; the whole timeline is under 4 s of recorded time: at 20× well under a second.
        QElapsedTimer clock;
        clock.start();
        controller.setReplaySpeed(20);
        QVERIFY(done.wait(10000));
        QVERIFY2(clock.elapsed() < 2500, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(done[0][0].toDouble() >= 0.4);
        QCOMPARE(view.trainingPlot()->pointCount(), 6);

        // Cancel stops a replay where it is.
        PlotsView stopped;
        RunController other;
        connectPlots(other, stopped);
        QVERIFY(other.replay(log, 1));
        QTest::qWait(150);
        other.cancel();
        QCOMPARE(other.state(), RunController::State::Idle);
        const int kept = stopped.attackPlot()->pointCount();
        QTest::qWait(200);
        QCOMPARE(stopped.attackPlot()->pointCount(), kept);
        QVERIFY(kept < 90);
    }

    // A run recorded in a results store at any path: listed by path, opened with every plot, the inspector and the
    // banner, then replayed.
    void openStoreByPath() {
        const QString storeFile = m_dir.filePath(QStringLiteral("lecture.sqlite"));
        const QString runDir = m_dir.filePath(QStringLiteral("run"));
        QDir().mkpath(runDir);
        const auto log = syntheticLog();
        {
            pacd::EventLogWriter writer((runDir + QStringLiteral("/events.jsonl")).toStdString(), log.name, "h", log.stages);
            for (const auto& e : log.events) {
                switch (e.type) {
                case RecordedEvent::Type::Stage:
                    writer.stageStarted(e.stageIndex);
                    break;
                case RecordedEvent::Type::Progress:
                    writer.progress(e.progress);
                    break;
                case RecordedEvent::Type::Poisons:
                    writer.poisons(e.stageIndex, e.poisons);
                    break;
                case RecordedEvent::Type::Victim:
                    writer.victim(e.stageIndex, e.victim);
                    break;
                case RecordedEvent::Type::End:
                    writer.end(e.status);
                    break;
                }
            }
        }
        pacd::RunRecord record;
        record.name = "mnist σ=0.25";
        record.preset = "table2-mnist";
        record.specJson = test::tinySpec("replay store").toJson();
        record.status = "finished";
        record.startedAt = "2026-12-03T13:10:00Z";
        record.workDir = runDir.toStdString();
        record.victims = {log.events[40].victim};
        qint64 id = 0;
        {
            pacd::ResultsStore store(storeFile.toStdString());
            id = store.insert(record);
        }
        ResultsBrowser browser(storeFile);
        QCOMPARE(browser.table()->rowCount(), 1);
        QCOMPARE(browser.table()->item(0, 1)->text(), QStringLiteral("mnist σ=0.25"));

        MainWindowOptions options;
        options.resultsStore = storeFile;
        options.restoreSettings = false;
        MainWindow window(options);
        QCOMPARE(window.resultsStorePath(), storeFile);
        QVERIFY(window.openStoredRun(id));
        auto* plots = window.plots();
        QCOMPARE(plots->attackPlot()->pointCount(), 90);
        QCOMPARE(plots->trainingPlot()->pointCount(), 6);
        QCOMPARE(plots->certifiedAccuracyPlot()->curve(1), CertifiedAccuracyPlot::steps({0.0, 0.0, 0.2, 0.616}));
        QVERIFY(plots->radiusHistogramPlot()->capMarker().cap() > 0); // from the spec's σ, n, α
        QVERIFY(plots->resultCard()->text().contains(QStringLiteral("0.550 → 0.350")));
        QCOMPARE(window.inspector()->rowCount(), 2); // the recorded poisons
        // The attack's steps told the set's size: two previewed of 582.
        const QString count = QStringLiteral("Showing 1–2 of 582 poisons (2 received so far) — scroll or filter");
        QCOMPARE(window.inspector()->countText(), count);
        QVERIFY(window.canReplay());
        auto* banner = window.replayBanner();
        QVERIFY(banner->isVisibleTo(&window));
        QVERIFY2(banner->text().contains(QStringLiteral("recorded run")), qPrintable(banner->text()));
        QVERIFY(banner->text().contains(QStringLiteral("table2-mnist")));
        QVERIFY(banner->text().contains(QStringLiteral("#%1").arg(id)));
        const auto attack = points(plots->attackPlot()->graph(1));

        QVERIFY(window.replayShownRun(60));
        QVERIFY2(banner->text().contains(QStringLiteral("replay ×60")), qPrintable(banner->text()));
        QTRY_COMPARE_WITH_TIMEOUT(banner->mode(), ReplayBanner::Mode::Replayed, 10000);
        QCOMPARE(points(plots->attackPlot()->graph(1)), attack);
        QCOMPARE(plots->trainingPlot()->pointCount(), 6);
        QVERIFY(banner->text().contains(QStringLiteral("replayed ×60")));
        QCOMPARE(window.inspector()->countText(), count); // the replay tells it again

        // Another store by path; a missing one is refused with its name.
        window.openResultsStore(m_dir.filePath(QStringLiteral("missing.sqlite")));
        QVERIFY(window.message());
        QVERIFY(window.message()->text().contains(QStringLiteral("missing.sqlite")));
    }
};

QTEST_MAIN(TestReplay)
#include "tst_replay.moc"
