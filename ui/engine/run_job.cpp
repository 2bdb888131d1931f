// torch first: Qt's keyword macros break its headers.
#include "experiment/runner.h"
#include "results/recorded_run.h"
#include "results/results_store.h"
#include "support/error.h"

#include "engine/recorded_events.h"
#include "engine/run_job.h"

#include <QCoreApplication>

#include <chrono>
#include <exception>
#include <memory>

namespace pacd::ui {
namespace {

using Clock = std::chrono::steady_clock;

StageInfo stageInfo(const pacd::StagePlan& stage, std::int64_t total) {
    StageInfo out;
    out.name = QString::fromStdString(stage.name);
    out.kind = stage.kind;
    out.data = stage.data;
    out.seed = stage.seed;
    out.point = stage.point;
    out.index = stage.index;
    out.total = total;
    out.reused = stage.done;
    out.weight = stage.weight;
    return out;
}

// The inspector gathers the poisons from these previews (merged by index, to scroll through): a whole batch of up
// to 64 images, at most a few times a second (MNIST: 400 KB a preview).
constexpr std::int64_t kPreviewRows = 64;
constexpr auto kPreviewInterval = std::chrono::milliseconds(250);

// The results store the run is recorded in (RunJobOptions::resultsStore); null for "none".
std::unique_ptr<pacd::ResultsStore> openStore(const RunJobOptions& options) {
    if (options.resultsStore == QLatin1String("none")) return nullptr;
    return std::make_unique<pacd::ResultsStore>(options.resultsStore.isEmpty()
                                                    ? pacd::ResultsStore::defaultPath(options.dataDir.toStdString())
                                                    : std::filesystem::path(options.resultsStore.toStdString()));
}

} // namespace

RunJobOutcome runExperimentJob(const pacd::ExperimentPlan& plan, const RunJobOptions& options, pacd::CancelToken& cancel,
                               RunEventBuffer& events) {
    RunJobOutcome outcome;
    try {
        // Grad mode is thread-local in LibTorch: this thread starts with the default, as the CLI's does.
        pacd::RunOptions runOptions;
        runOptions.workRoot = options.workRoot.toStdString();
        runOptions.dataDir = options.dataDir.toStdString();
        runOptions.device = options.device.toStdString();
        runOptions.fresh = options.fresh;
        // The batch is part of the certify stages' addresses: the plan was resolved with it.
        runOptions.certifyBatch = plan.certify.batch;
        pacd::ExperimentRunner runner(plan, runOptions);

        const auto planned = runner.stages();
        QVector<StageInfo> stages;
        for (const auto& stage : planned)
            stages << stageInfo(stage, static_cast<std::int64_t>(planned.size()));
        events.setPlan(stages);

        pacd::RunObserver observer;
        observer.progress = [&events](const pacd::ProgressEvent& event) {
            // As a replay converts the recorded event (recorded_events.h): the plots cannot tell them apart.
            if (!event.message.empty()) events.log(QString::fromStdString(event.message));
            events.sample(sampleOf(event));
        };
        observer.stageStarted = [&events](const pacd::StagePlan& stage, std::int64_t total) {
            events.stageStarted(stageInfo(stage, total));
        };
        auto lastPreview = Clock::now() - kPreviewInterval;
        observer.poisonBatch = [&events, &lastPreview](const torch::Tensor& rows, const torch::Tensor& images,
                                                       const torch::Tensor& base) {
            if (Clock::now() - lastPreview < kPreviewInterval) return;
            lastPreview = Clock::now();
            events.preview(previewOf(pacd::recordedPoisons(rows, images, base, kPreviewRows)));
        };
        observer.victimDone = [&events](const pacd::VictimResult& victim) { events.victim(victim); };
        // Another process (a CLI run, a Slurm task) computes this stage in the same work folder: the run waits for
        // it and reuses the result, which the log says rather than looking stalled.
        observer.stageWaiting = [&events](const pacd::StagePlan& stage) {
            events.log(QCoreApplication::translate("RunJob", "Waiting for stage '%1': another process is computing it in %2; "
                                                             "its result is then reused")
                           .arg(QString::fromStdString(stage.name), QString::fromStdString(stage.dir.string())));
        };

        // Recorded as pacd-cli run records it, so that `results list` and "Browse past runs" see runs from either.
        const auto store = openStore(options);
        pacd::RecordedRun recorded(store.get(), {runner.spec().name, runner.spec().toJson(), runner.runDir(),
                                                 options.preset.toStdString(), runOptions.certifyBatch});
        try {
            outcome.record = recorded.finish(runner.run(cancel, observer));
            outcome.kind = RunJobOutcome::Kind::Finished;
        } catch (const pacd::Cancelled& stop) {
            recorded.cancelled(pacd::stoppedStatus(stop.reason()));
            throw;
        } catch (const std::exception& e) {
            recorded.failed(e.what());
            throw;
        }
    } catch (const pacd::Cancelled&) {
        outcome.kind = RunJobOutcome::Kind::Cancelled;
    } catch (const std::exception& e) {
        outcome.kind = RunJobOutcome::Kind::Failed;
        outcome.error = QString::fromUtf8(e.what());
    } catch (...) {
        outcome.kind = RunJobOutcome::Kind::Failed;
        outcome.error = QStringLiteral("unknown error");
    }
    return outcome;
}

} // namespace pacd::ui
