// The worker → GUI hand-over: what a drain returns, and metrics tagged with the stage they belong to.
#include "engine/run_event_buffer.h"

#include <QtTest/QtTest>

#include <algorithm>
#include <atomic>
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
        QCOMPARE(batch.samples.size(), 1); // the experiment event (stages done) is not a metric
        QCOMPARE(batch.samples[0].run, QStringLiteral("train poison seed 1"));
        QCOMPARE(batch.samples[0].step, 3);
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
        // Written from another thread with no drain in between: exactly the cap arrives, the oldest samples, in
        // order (the curves stay continuous up to the cut).
        constexpr int kExtra = 500;
        RunEventBuffer buffer;
        std::thread writer([&] {
            for (int i = 0; i < RunEventBuffer::kMaxSamples + kExtra; ++i)
                buffer.sample(poisonSample(i));
        });
        writer.join();
        const auto full = buffer.drain().samples;
        QCOMPARE(full.size(), RunEventBuffer::kMaxSamples);
        for (int i = 0; i < full.size(); ++i)
            QCOMPARE(full[i].step, qint64(i));
        QVERIFY(buffer.drain().samples.isEmpty()); // the dropped ones do not come later either
        // A drain makes room again.
        buffer.sample(poisonSample(7));
        const auto after = buffer.drain().samples;
        QCOMPARE(after.size(), 1);
        QCOMPARE(after[0].step, qint64(7));
    }
    void drainsWhileAnotherThreadWrites() {
        // The GUI thread drains while the worker writes: every sample arrives once, in order, and no batch
        // exceeds the cap.
        constexpr int kWritten = 3 * RunEventBuffer::kMaxSamples;
        RunEventBuffer buffer;
        std::atomic<bool> done{false};
        std::thread writer([&] {
            for (int i = 0; i < kWritten; ++i)
                buffer.sample(poisonSample(i));
            done = true;
        });
        QVector<qint64> steps;
        int batches = 0, largest = 0;
        for (bool last = false; !last;) {
            last = done; // one more drain after the writer finished
            const auto samples = buffer.drain().samples;
            batches += samples.isEmpty() ? 0 : 1;
            largest = std::max(largest, static_cast<int>(samples.size()));
            for (const auto& s : samples)
                steps.push_back(s.step);
        }
        writer.join();
        QVERIFY(largest <= RunEventBuffer::kMaxSamples);
        QVERIFY(!steps.isEmpty());
        QVERIFY(steps.size() <= kWritten);
        QCOMPARE(steps.first(), qint64(0)); // the oldest sample is never the one dropped
        for (int i = 1; i < steps.size(); ++i)
            QVERIFY2(steps[i] > steps[i - 1], qPrintable(QStringLiteral("step %1 after %2").arg(steps[i]).arg(steps[i - 1])));
        qInfo("%d batches, %lld of %d samples kept", batches, static_cast<long long>(steps.size()), kWritten);
    }

  private:
    static MetricSample poisonSample(int step) {
        MetricSample s;
        s.stage = QStringLiteral("poison");
        s.step = step;
        return s;
    }
};

QTEST_GUILESS_MAIN(TestRunEventBuffer)
#include "tst_run_event_buffer.moc"
