#include "experiment/runner.h"

#include "experiment/stages.h"
#include "models/precision_scope.h"
#include "results/event_log.h"
#include "support/atomic_file.h"
#include "support/error.h"
#include "support/folder_lock.h"
#include "support/paths.h"
#include "support/runtime.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <chrono>
#include <optional>

namespace pacd {
namespace fs = std::filesystem;

namespace {

// In every stage folder; never removed (support/folder_lock.h says why).
constexpr const char* kStageLockFile = ".lock";

RunOptions withDefaults(RunOptions options) {
    if (options.workRoot.empty()) options.workRoot = stateDir() / "runs";
    if (options.dataDir.empty()) options.dataDir = resolveDataDir("");
    require(options.certifyBatch >= 1, "run setting 'certify batch' must be >= 1, got ", options.certifyBatch);
    return options;
}

// Points mode names its units after the data's evaluation points, which only the data knows.
ExperimentPlan withPoints(const ExperimentPlan& plan, const ExperimentData& data, std::int64_t certifyBatch) {
    if (!plan.unitsArePlaceholders) return plan;
    PlanOptions options;
    options.certifyBatch = certifyBatch;
    options.nativeBf16 = plan.nativeBf16;
    options.points = data.evaluation;
    return resolve(plan.spec, options);
}

// The precision the run computes in ("auto" resolved): a property of spec and device, recorded like the device.
std::string withPrecision(const std::string& environment, Precision precision) {
    auto j = nlohmann::ordered_json::parse(environment);
    j["precision"] = nameOf(precision);
    return j.dump();
}

double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

} // namespace

ExperimentRunner::ExperimentRunner(const ExperimentSpec& spec, RunOptions options) : m_options(withDefaults(std::move(options))) {
    PlanOptions planOptions;
    planOptions.certifyBatch = m_options.certifyBatch;
    planOptions.nativeBf16 = hasNativeBf16(parseDevice(m_options.device));
    m_plan = resolve(spec, planOptions);
}

ExperimentRunner::ExperimentRunner(ExperimentPlan plan, RunOptions options)
    : m_plan(std::move(plan)), m_options(withDefaults(std::move(options))) {
    require(m_plan.certify.batch == m_options.certifyBatch, "the plan was resolved for certify batch ", m_plan.certify.batch,
            ", the run asks for ", m_options.certifyBatch);
    // "auto" precision is decided by the device that runs: a plan resolved for another device is resolved again.
    const bool native = hasNativeBf16(parseDevice(m_options.device));
    if (m_plan.nativeBf16 != native) {
        PlanOptions planOptions;
        planOptions.certifyBatch = m_options.certifyBatch;
        planOptions.nativeBf16 = native;
        if (!m_plan.unitsArePlaceholders && m_plan.mode == PoisonMode::Points) planOptions.points = m_plan.units;
        m_plan = resolve(m_plan.spec, planOptions);
    }
}

fs::path ExperimentRunner::runDir() const {
    return m_options.workRoot / "specs" / m_plan.specHash;
}

std::vector<StagePlan> ExperimentRunner::stagesOf(const ExperimentPlan& plan) const {
    const auto artefacts = m_options.workRoot / "artefacts";
    std::vector<StagePlan> out;
    for (const auto& planned : plan.stages) {
        StagePlan stage;
        static_cast<PlannedStage&>(stage) = planned;
        stage.index = static_cast<std::int64_t>(out.size());
        stage.dir = artefacts / planned.folder;
        stage.output = stage.dir / planned.doneFile;
        stage.done = fs::exists(stage.output);
        out.push_back(std::move(stage));
    }
    return out;
}

std::vector<StagePlan> ExperimentRunner::stages() const {
    if (!m_plan.unitsArePlaceholders) return stagesOf(m_plan);
    return stagesOf(withPoints(m_plan, loadExperimentData(m_plan, m_options.dataDir), m_options.certifyBatch));
}

RunRecord ExperimentRunner::run(CancelToken& cancel, const RunObserver& observer) {
    const auto started = std::chrono::steady_clock::now();
    const auto device = parseDevice(m_options.device);
    const auto data = loadExperimentData(m_plan, m_options.dataDir);
    const auto plan = withPoints(m_plan, data, m_options.certifyBatch);
    RunRecord record;
    record.name = plan.spec.name;
    record.specJson = plan.spec.toJson();
    record.specHash = plan.specHash;
    record.environmentJson = withPrecision(environmentJson(describeDevice(device), torch::get_num_threads()), plan.precision);
    record.startedAt = utcNow();
    record.workDir = runDir().string();

    auto planned = stagesOf(plan);
    if (m_options.fresh) {
        for (auto& stage : planned) {
            fs::remove_all(stage.dir);
            stage.done = false;
        }
        fs::remove_all(runDir());
    }
    fs::create_directories(runDir());
    writeTextAtomically(runDir() / "spec.json", record.specJson);

    // The event log (results/event_log.h) records what the front end sees, so that the run can be replayed. A run
    // whose every stage is reused adds nothing to show: it keeps the log that recorded the work.
    std::unique_ptr<EventLogWriter> events;
    const bool anyWork = std::any_of(planned.begin(), planned.end(), [](const StagePlan& s) { return !s.done; });
    if (m_options.recordEvents && anyWork) {
        std::vector<RecordedStage> stagesForLog;
        for (const auto& stage : planned)
            stagesForLog.push_back(
                {stage.name, stage.kind, stage.data, stage.seed, stage.point, stage.index, stage.done, stage.weight});
        events = std::make_unique<EventLogWriter>(runDir() / kEventLogFile, plan.spec.name, plan.specHash, stagesForLog);
    }
    std::int64_t currentStage = -1;
    RunObserver recording = observer;
    if (events) {
        recording.progress = [&](const ProgressEvent& event) {
            events->progress(event);
            if (observer.progress) observer.progress(event);
        };
        recording.stageStarted = [&](const StagePlan& stage, std::int64_t total) {
            events->stageStarted(stage.index);
            if (observer.stageStarted) observer.stageStarted(stage, total);
        };
        recording.poisonBatch = [&](const torch::Tensor& rows, const torch::Tensor& images, const torch::Tensor& base) {
            if (events->poisonsDue()) events->poisons(currentStage, recordedPoisons(rows, images, base, 8));
            if (observer.poisonBatch) observer.poisonBatch(rows, images, base);
        };
        recording.victimDone = [&](const VictimResult& victim) {
            events->victim(currentStage, victim);
            if (observer.victimDone) observer.victimDone(victim);
        };
    }
    try {
        runStages(plan, data, device, cancel, recording, planned, record, currentStage);
    } catch (const Cancelled& stop) {
        if (events) events->end(stoppedStatus(stop.reason()));
        throw;
    } catch (...) {
        if (events) events->end("failed");
        throw;
    }
    if (events) events->end("finished");
    record.status = "finished";
    record.finishedAt = utcNow();
    record.wallSeconds = secondsSince(started);
    writeTextAtomically(runDir() / "result.json", record.toJson());
    return record;
}

void ExperimentRunner::runStages(const ExperimentPlan& plan, const ExperimentData& data, const torch::Device& device,
                                 CancelToken& cancel, const RunObserver& observer, const std::vector<StagePlan>& planned,
                                 RunRecord& record, std::int64_t& currentStage) const {
    const auto total = static_cast<std::int64_t>(planned.size());
    const auto artefacts = m_options.workRoot / "artefacts";
    const auto manifestOf = [&](const StagePlan& stage) {
        return stage.poisonFolder.empty() ? fs::path() : artefacts / stage.poisonFolder / "poison.json";
    };
    for (const auto& stage : planned) {
        cancel.throwIfCancelled();
        currentStage = stage.index;
        // Every event of the stage says which stage it belongs to.
        RunObserver tagged = observer;
        if (observer.progress)
            tagged.progress = [&](const ProgressEvent& event) {
                auto out = event;
                out.stageIndex = stage.index;
                out.stageKind = stage.kind;
                out.dataKind = stage.data;
                observer.progress(out);
            };
        ProgressEvent begin;
        begin.stage = "experiment";
        begin.step = stage.index;
        begin.total = total;
        begin.message = stage.name;
        report(tagged.progress, begin);
        if (observer.stageStarted) observer.stageStarted(stage, total);
        const stages::Context ctx{plan, data, device, cancel, tagged, m_options.trainProgressSeconds};
        const auto stageStart = std::chrono::steady_clock::now();
        // Computed under the folder's lock: a run sharing the work root (another Slurm array task) that is
        // computing the same artefact finishes it first, and this one then finds it done and reuses it.
        std::optional<FolderLock> lock;
        bool reuse = fs::exists(stage.output);
        if (!reuse) {
            fs::create_directories(stage.dir);
            lock = FolderLock::acquire(stage.dir / kStageLockFile, cancel, [&] {
                if (observer.stageWaiting) observer.stageWaiting(stage);
            });
            reuse = fs::exists(stage.output);
        }
        switch (stage.kind) {
        case StageKind::Poison:
            if (!reuse) stages::poison(ctx, stage.dir, stage.point);
            record.artefacts[stage.name] = stage.output.string();
            break;
        case StageKind::Watermark:
            if (!reuse) stages::watermark(ctx, stage.dir, stage.point);
            record.artefacts[stage.name] = stage.output.string();
            break;
        case StageKind::Random:
            if (!reuse) stages::randomNoise(ctx, stage.dir, stage.point);
            record.artefacts[stage.name] = stage.output.string();
            break;
        case StageKind::Train:
            if (!reuse) {
                const auto detectFile = stage.detectFolder.empty() ? fs::path() : artefacts / stage.detectFolder / "detect.json";
                stages::train(ctx, stage.dir, manifestOf(stage), stage.seed, detectFile);
            }
            break;
        case StageKind::Detect: {
            const auto found =
                reuse ? stages::readDetections(stage.dir)
                      : stages::detect(ctx, stage.dir, artefacts / stage.modelFolder, manifestOf(stage), stage.data, stage.seed);
            record.detections.insert(record.detections.end(), found.begin(), found.end());
            record.artefacts[stage.name] = stage.output.string();
            break;
        }
        case StageKind::Certify: {
            const auto victim = reuse ? stages::readVictim(stage.dir)
                                      : stages::certify(ctx, stage.dir, stage.dir.parent_path() / stage.trainFolder, stage.data,
                                                        stage.seed, stage.point);
            record.victims.push_back(victim);
            if (observer.victimDone) observer.victimDone(victim);
            break;
        }
        case StageKind::None:
            fail("stage '", stage.name, "' has no kind");
        }
        record.timings.push_back(StageTiming{stage.name, reuse ? 0.0 : secondsSince(stageStart), reuse});
    }
    ProgressEvent end;
    end.stage = "experiment";
    end.step = total;
    end.total = total;
    end.message = "finished";
    report(observer.progress, end);
}

RecordedPoisons recordedPoisons(const torch::Tensor& rows, const torch::Tensor& images, const torch::Tensor& base,
                                std::int64_t maxRows) {
    RecordedPoisons out;
    const auto count = std::min<std::int64_t>(maxRows, images.size(0));
    if (count == 0 || images.dim() != 4) return out;
    const auto poisoned = images.slice(0, 0, count).to(torch::kCPU, torch::kFloat32).contiguous();
    const auto clean = base.slice(0, 0, count).to(torch::kCPU, torch::kFloat32).contiguous();
    const auto ids = rows.slice(0, 0, count).to(torch::kCPU, torch::kInt64).contiguous();
    out.channels = static_cast<int>(poisoned.size(1));
    out.height = static_cast<int>(poisoned.size(2));
    out.width = static_cast<int>(poisoned.size(3));
    out.rows.assign(ids.data_ptr<std::int64_t>(), ids.data_ptr<std::int64_t>() + count);
    out.poisoned.assign(poisoned.data_ptr<float>(), poisoned.data_ptr<float>() + poisoned.numel());
    out.clean.assign(clean.data_ptr<float>(), clean.data_ptr<float>() + clean.numel());
    return out;
}

} // namespace pacd
