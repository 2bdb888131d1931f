// The worker → GUI hand-over: what a drain returns, and metrics tagged with the stage they belong to.
#include "engine/run_event_buffer.h"

#include <QtTest/QtTest>

#include <thread>

using pacd::ui::MetricSample;
using pacd::ui::RunEventBuffer;
using pacd::ui::StageInfo;

class TestRunEventBuffer : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void samplesCarryTheirStage() {
        RunEventBuffer buffer;
        StageInfo stage;
        stage.name = QStringLiteral("train poison seed 1");
        buffer.stageStarted(stage);
        MetricSample sample;
        sample.stage = QStringLiteral("train");
        sample.step = 3;
        buffer.sample(sample);
        MetricSample experiment;
        experiment.stage = QStringLiteral("experiment");
        experiment.step = 2;
        buffer.sample(experiment);
        auto batch = buffer.drain();
        QCOMPARE(batch.stagesStarted.size(), 1);
        QCOMPARE(batch.samples.size(), 1); // the experiment event is kept apart
        QCOMPARE(batch.samples[0].run, QStringLiteral("train poison seed 1"));
        QVERIFY(batch.lastExperimentEvent.has_value());
        QCOMPARE(batch.lastExperimentEvent->step, 2);
        QVERIFY(buffer.drain().empty());
    }
    void keepsOnlyTheNewestPreview() {
        RunEventBuffer buffer;
        pacd::ui::PoisonPreview a, b;
        a.rows = {1};
        b.rows = {2};
        buffer.preview(a);
        buffer.preview(b);
        QCOMPARE(buffer.drain().preview->rows, QVector<qint64>{2});
    }
    void boundedAndThreadSafe() {
        RunEventBuffer buffer;
        std::thread writer([&] {
            for (int i = 0; i < RunEventBuffer::kMaxSamples + 500; ++i) {
                MetricSample s;
                s.stage = QStringLiteral("poison");
                s.step = i;
                buffer.sample(s);
            }
        });
        int drained = 0;
        while (drained == 0)
            drained += buffer.drain().samples.size();
        writer.join();
        drained += buffer.drain().samples.size();
        QVERIFY(drained <= RunEventBuffer::kMaxSamples + 500);
        QVERIFY(drained >= RunEventBuffer::kMaxSamples);
    }
};

QTEST_GUILESS_MAIN(TestRunEventBuffer)
#include "tst_run_event_buffer.moc"
