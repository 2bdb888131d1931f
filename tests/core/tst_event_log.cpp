#include "test_helpers.h"

#include "run_record_fixtures.h"

#include "results/event_log.h"

#include <chrono>
#include <cmath>
#include <thread>

using namespace pacd;
namespace fs = std::filesystem;

namespace {

std::vector<RecordedStage> twoStages() {
    return {{"poison", StageKind::Poison, DataKind::None, 0, -1, 0, false, 5.0},
            {"certify poison seed 1", StageKind::Certify, DataKind::Poison, 1, -1, 1, false, 2.0}};
}

ProgressEvent poisonStep(std::int64_t step, double upper) {
    ProgressEvent e;
    e.stage = "poison";
    e.step = step;
    e.total = 40;
    e.metrics = {{"upper", upper}, {"lower", 0.5}};
    e.stageIndex = 0;
    e.stageKind = StageKind::Poison;
    return e;
}

std::string readAll(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

} // namespace

class TestEventLog : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    fs::path path(const char* name) const { return fs::path(m_dir.path().toStdString()) / name; }

  private Q_SLOTS:
    // Every kind of event comes back with its typed fields; poisons to 8-bit precision.
    void roundTrip() {
        const auto file = path("round.jsonl");
        RecordedPoisons poisons;
        poisons.rows = {17, 4};
        poisons.channels = 1;
        poisons.height = 2;
        poisons.width = 2;
        poisons.clean = {0.0f, 0.25f, 0.5f, 1.0f, 0.1f, 0.2f, 0.3f, 0.4f};
        poisons.poisoned = {0.1f, 0.35f, 0.4f, 0.9f, 0.0f, 0.3f, 0.2f, 0.5f};
        const auto victim = test::victimOf("poison", 1, 0.414, 0.91);
        {
            EventLogWriter writer(file, "mnist σ=0.25", "abc123", twoStages());
            writer.stageStarted(0);
            auto step = poisonStep(3, 0.61);
            step.metrics["nan"] = std::nan("");
            step.message = "epoch 1";
            writer.progress(step);
            QVERIFY(writer.poisonsDue());
            writer.poisons(0, poisons);
            QVERIFY(!writer.poisonsDue()); // throttled for kPoisonInterval
            writer.stageStarted(1);
            writer.victim(1, victim);
            writer.end("finished");
        }
        const auto log = readEventLog(file);
        QCOMPARE(log.version, kEventLogVersion);
        QCOMPARE(log.name, std::string("mnist σ=0.25"));
        QCOMPARE(log.specHash, std::string("abc123"));
        QCOMPARE(log.sessions, 1);
        QCOMPARE(log.skippedLines, 0);
        QCOMPARE(log.status, std::string("finished"));
        QCOMPARE(log.stages.size(), std::size_t(2));
        QCOMPARE(log.stages[1].name, std::string("certify poison seed 1"));
        QCOMPARE(log.stages[1].kind, StageKind::Certify);
        QCOMPARE(log.stages[1].data, DataKind::Poison);
        QCOMPARE(log.stages[1].seed, std::int64_t(1));
        QCOMPARE(log.stages[0].weight, 5.0);
        QCOMPARE(log.events.size(), std::size_t(6));
        using T = RecordedEvent::Type;
        QCOMPARE(log.events[0].type, T::Stage);
        QCOMPARE(log.events[0].stageIndex, std::int64_t(0));
        const auto& p = log.events[1].progress;
        QCOMPARE(log.events[1].type, T::Progress);
        QCOMPARE(p.stage, std::string("poison"));
        QCOMPARE(p.step, std::int64_t(3));
        QCOMPARE(p.total, std::int64_t(40));
        QCOMPARE(p.stageIndex, std::int64_t(0));
        QCOMPARE(p.stageKind, StageKind::Poison);
        QCOMPARE(p.dataKind, DataKind::None);
        QCOMPARE(p.metrics.at("upper"), 0.61);
        QVERIFY(std::isnan(p.metrics.at("nan")));
        QCOMPARE(p.message, std::string("epoch 1"));
        const auto& q = log.events[2].poisons;
        QCOMPARE(log.events[2].type, T::Poisons);
        QCOMPARE(q.rows, poisons.rows);
        QCOMPARE(q.clean.size(), poisons.clean.size());
        // Clean to 8 bits; δ keeps its largest value (the budget reads as it was), the rest within half a step of it.
        float linf = 0, wanted = 0;
        for (std::size_t i = 0; i < q.clean.size(); ++i) {
            QVERIFY(std::abs(q.clean[i] - poisons.clean[i]) <= 0.5f / 255.0f + 1e-6f);
            linf = std::max(linf, std::abs(q.poisoned[i] - q.clean[i]));
            wanted = std::max(wanted, std::abs(poisons.poisoned[i] - q.clean[i]));
        }
        QVERIFY(std::abs(linf - wanted) < 1e-6f);
        for (std::size_t i = 0; i < q.clean.size(); ++i)
            QVERIFY(std::abs(q.poisoned[i] - poisons.poisoned[i]) <= 0.5f * wanted / 127.0f + 1e-6f);
        QCOMPARE(log.events[4].type, T::Victim);
        QCOMPARE(log.events[4].stageIndex, std::int64_t(1));
        QCOMPARE(log.events[4].victim.acr, 0.414);
        QCOMPARE(log.events[4].victim.pointRadii, victim.pointRadii);
        QCOMPARE(log.events[5].type, T::End);
        for (std::size_t i = 1; i < log.events.size(); ++i)
            QVERIFY(log.events[i].t >= log.events[i - 1].t);
    }

    // A crash tears at most the line being written: the reader skips it and keeps everything before.
    void truncatedLastLine() {
        const auto file = path("torn.jsonl");
        {
            EventLogWriter writer(file, "run", "h", twoStages());
            writer.stageStarted(0);
            for (int i = 1; i <= 5; ++i)
                writer.progress(poisonStep(i, 0.6 - 0.01 * i));
            writer.end("finished");
        }
        // Cut the file inside the end line and again inside the last progress line, as a kill mid-write would.
        auto text = readAll(file);
        const auto endLine = text.rfind("{\"t\"");
        text.resize(endLine); // no end line: the run was killed
        const auto lastProgress = text.rfind("{\"t\"");
        text.resize(lastProgress + 25);
        std::ofstream(file, std::ios::binary | std::ios::trunc) << text;
        const auto log = readEventLog(file);
        QCOMPARE(log.skippedLines, 1);
        QCOMPARE(log.status, std::string("interrupted"));
        QCOMPARE(log.events.size(), std::size_t(5)); // the stage line and 4 whole progress lines
        QCOMPARE(log.events.back().progress.step, std::int64_t(4));

        // Resuming appends a new session on a fresh line, after the torn one.
        {
            EventLogWriter writer(file, "run", "h", twoStages());
            writer.stageStarted(0);
            writer.progress(poisonStep(5, 0.55));
            writer.end("finished");
        }
        const auto resumed = readEventLog(file);
        QCOMPARE(resumed.sessions, 2);
        QCOMPARE(resumed.skippedLines, 1);
        QCOMPARE(resumed.status, std::string("finished"));
        QCOMPARE(resumed.events.back().type, RecordedEvent::Type::End);
        QCOMPARE(resumed.events[resumed.events.size() - 2].progress.step, std::int64_t(5));
    }

    // A resumed session is appended; its times continue the first session's, and the stages the first finished
    // (which the resume only walks past) are not repeated.
    void resumeJoinsSessions() {
        const auto file = path("resume.jsonl");
        {
            EventLogWriter writer(file, "run", "h", twoStages());
            writer.stageStarted(0);
            writer.progress(poisonStep(1, 0.6));
            std::this_thread::sleep_for(std::chrono::milliseconds(60));
            writer.stageStarted(1); // stage 0 finished
            writer.end("paused");
        }
        {
            EventLogWriter writer(file, "run", "h", twoStages());
            writer.stageStarted(0); // reused at once
            writer.progress(poisonStep(40, 0.3));
            std::this_thread::sleep_for(std::chrono::milliseconds(30));
            writer.stageStarted(1);
            writer.victim(1, test::victimOf("poison", 1, 0.4, 0.9));
            writer.end("finished");
        }
        const auto log = readEventLog(file);
        QCOMPARE(log.sessions, 2);
        QCOMPARE(log.status, std::string("finished"));
        using T = RecordedEvent::Type;
        std::vector<T> types;
        for (const auto& e : log.events)
            types.push_back(e.type);
        const std::vector<T> expected{T::Stage, T::Progress, T::Stage, T::End, T::Stage, T::Victim, T::End};
        QVERIFY(types == expected);
        QVERIFY(log.events[2].t >= 0.06);
        QVERIFY(log.events[4].t >= log.events[3].t + 0.03); // the second session's clock continues the first's
        QVERIFY(std::abs(log.duration() - log.events.back().t) < 1e-12);

        // A finished log is replaced when its spec runs again (fresh artefacts), not appended to.
        {
            EventLogWriter writer(file, "run", "h", twoStages());
            writer.end("cancelled");
        }
        QCOMPARE(readEventLog(file).sessions, 1);
    }

    void refusesOtherFiles() {
        PACD_EXPECT_ERROR(readEventLog(path("missing.jsonl")), "missing.jsonl", "run the spec again");
        std::ofstream(path("other.jsonl")) << "{\"t\": 0, \"type\": \"session\", \"format\": \"other\"}\n";
        PACD_EXPECT_ERROR(readEventLog(path("other.jsonl")), "other.jsonl", "not a pacd event log");
        std::ofstream(path("future.jsonl")) << "{\"t\": 0, \"type\": \"session\", \"format\": \"pacd-events\", \"version\": 9, "
                                               "\"stages\": []}\n";
        PACD_EXPECT_ERROR(readEventLog(path("future.jsonl")), "version 9", "update pacd-studio");
        std::ofstream(path("empty.jsonl")) << "";
        PACD_EXPECT_ERROR(readEventLog(path("empty.jsonl")), "empty");
    }
};

QTEST_GUILESS_MAIN(TestEventLog)
#include "tst_event_log.moc"
