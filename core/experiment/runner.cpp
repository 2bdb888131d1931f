#include "experiment/runner.h"

#include "experiment/cost_model.h"
#include "experiment/stages.h"
#include "support/atomic_file.h"
#include "support/error.h"
#include "support/paths.h"
#include "support/runtime.h"

#include <torch/torch.h>

#include <nlohmann/json.hpp>

#include <chrono>
#include <map>
#include <set>

namespace pacd {
namespace fs = std::filesystem;
using nlohmann::ordered_json;

namespace {

// A stage with what the runner needs to execute it.
struct Stage {
    StagePlan plan;
    fs::path dir;            // the stage's content-addressed folder
    fs::path trainDir;       // certify: the victim's training folder
    fs::path poisonManifest; // train: the poison set ("" = clean data)
};

struct Planner {
    const ExperimentSpec& spec;
    fs::path artefacts;

    // What every artefact depends on: the data and how it is cut.
    ordered_json dataKey() const { return {{"dataset", spec.dataset}, {"subset", spec.subset}, {"split_seed", 0}}; }

    ordered_json unitKey(std::int64_t point) const {
        ordered_json key{{"data", dataKey()}, {"target", spec.target}, {"mode", spec.mode}};
        if (point >= 0) key.update({{"point", point}, {"poison_count", spec.poisonCount}});
        return key;
    }

    fs::path folder(const std::string& kind, const ordered_json& key) const {
        return artefacts / (kind + "-" + hashText(key.dump()));
    }

    fs::path poisonDir(std::int64_t point) const {
        return folder("poison", {{"unit", unitKey(point)},
                                 {"arch", spec.poisonArch},
                                 {"attack", ordered_json::parse(stages::attackConfig(spec).toJson())}});
    }

    fs::path watermarkDir(std::int64_t point) const {
        return folder("watermark", {{"unit", unitKey(point)}, {"epsilon", spec.epsilon}, {"opacity", 0.1}, {"seed", spec.seed}});
    }

    // Clean victims depend on neither target nor point: Fig. 6's ten targets and D.6's points share them.
    fs::path trainDir(const std::string& data, const fs::path& source, std::int64_t seed) const {
        return folder("train", {{"data", dataKey()},
                                {"kind", data},
                                {"source", source.empty() ? std::string() : source.filename().string()},
                                {"arch", spec.retrainArch},
                                {"train", ordered_json::parse(stages::victimConfig(spec, seed).toJson())}});
    }

    fs::path certifyDir(const fs::path& train, std::int64_t point, std::int64_t batch) const {
        return folder("certify", {{"victim", train.filename().string()},
                                  {"target", spec.target},
                                  {"point", point},
                                  {"points", point < 0 ? spec.points : 1},
                                  {"evaluation_seed", spec.seed},
                                  {"sigma", spec.sigmaForCertification()},
                                  {"n0", spec.n0},
                                  {"n", spec.n},
                                  {"alpha", spec.alpha},
                                  {"batch", batch},
                                  {"pgd", spec.measurePgd},
                                  {"scale", spec.scale}});
    }
};

std::string seedName(std::int64_t seed, std::int64_t point) {
    return "seed " + std::to_string(seed) + (point >= 0 ? " point " + std::to_string(point) : "");
}

} // namespace

ExperimentRunner::ExperimentRunner(ExperimentSpec spec, RunOptions options) : m_spec(std::move(spec)), m_options(std::move(options)) {
    m_spec.applyDefaults();
    m_spec.validate();
    if (m_options.workRoot.empty()) m_options.workRoot = stateDir() / "runs";
    if (m_options.dataDir.empty()) m_options.dataDir = resolveDataDir("");
    require(m_options.certifyBatch >= 1, "run setting 'certify batch' must be >= 1, got ", m_options.certifyBatch);
}

fs::path ExperimentRunner::runDir() const { return m_options.workRoot / "specs" / hashText(m_spec.toJson()); }

namespace {

// Points mode needs the evaluation points to name its units; class mode has one unit (point -1).
std::vector<std::int64_t> unitsOf(const ExperimentSpec& spec, const std::vector<std::int64_t>& evaluation) {
    return spec.mode == "points" ? evaluation : std::vector<std::int64_t>{-1};
}

std::vector<Stage> buildStages(const ExperimentSpec& spec, const fs::path& workRoot, std::int64_t certifyBatch,
                               const std::vector<std::int64_t>& units) {
    const Planner planner{spec, workRoot / "artefacts"};
    std::vector<Stage> stages;
    const auto add = [&](StagePlan plan, fs::path dir, fs::path output, fs::path trainDir = {}, fs::path poison = {}) {
        plan.output = std::move(output);
        plan.done = fs::exists(plan.output);
        stages.push_back(Stage{std::move(plan), std::move(dir), std::move(trainDir), std::move(poison)});
    };
    // Stage weights for an overall ETA: the estimated seconds of each kind of stage.
    const auto seconds = estimateStageSeconds(spec);
    const double poisonWeight = seconds.attack;
    const double trainWeight = seconds.trainVictim;
    const double certifyWeight = seconds.certifyVictim;
    for (const auto point : units) {
        const auto suffix = point >= 0 ? " point " + std::to_string(point) : std::string();
        const auto poison = planner.poisonDir(point);
        add({"poison" + suffix, "poison", "", 0, point, poisonWeight, false, {}}, poison, poison / "poison.json");
        if (spec.watermark) {
            const auto mark = planner.watermarkDir(point);
            add({"watermark" + suffix, "watermark", "", 0, point, seconds.watermark, false, {}}, mark, mark / "poison.json");
        }
    }
    std::set<fs::path> trained;
    for (std::int64_t s = 0; s < spec.seeds; ++s) {
        const std::int64_t seed = static_cast<std::int64_t>(spec.seed) + s;
        for (const auto point : units) {
            std::vector<std::pair<std::string, fs::path>> kinds{{"clean", {}}};
            if (spec.watermark) kinds.emplace_back("watermark", planner.watermarkDir(point) / "poison.json");
            kinds.emplace_back("poison", planner.poisonDir(point) / "poison.json");
            for (const auto& [data, manifest] : kinds) {
                const auto train = planner.trainDir(data, manifest.empty() ? fs::path() : manifest.parent_path(), seed);
                if (trained.insert(train).second)
                    add({"train " + data + " " + seedName(seed, -1) + (data == "clean" ? "" : (point >= 0 ? " point " + std::to_string(point) : "")),
                         "train", data, seed, point, trainWeight, false, {}},
                        train, train / "train.json", {}, manifest);
                const auto cert = planner.certifyDir(train, point, certifyBatch);
                add({"certify " + data + " " + seedName(seed, point), "certify", data, seed, point, certifyWeight, false, {}}, cert,
                    cert / "victim.json", train);
            }
        }
    }
    return stages;
}

double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

} // namespace

std::vector<StagePlan> ExperimentRunner::plan() const {
    std::vector<std::int64_t> units{-1};
    if (m_spec.mode == "points") units = loadExperimentData(m_spec, m_options.dataDir).evaluation;
    std::vector<StagePlan> out;
    for (auto& stage : buildStages(m_spec, m_options.workRoot, m_options.certifyBatch, units)) out.push_back(stage.plan);
    return out;
}

RunRecord ExperimentRunner::run(CancelToken& cancel, const RunObserver& observer) {
    const auto started = std::chrono::steady_clock::now();
    const auto device = parseDevice(m_options.device);
    RunRecord record;
    record.name = m_spec.name;
    record.specJson = m_spec.toJson();
    record.specHash = hashText(record.specJson);
    record.environmentJson = environmentJson(describeDevice(device), torch::get_num_threads());
    record.startedAt = utcNow();
    record.workDir = runDir().string();

    const auto data = loadExperimentData(m_spec, m_options.dataDir);
    auto stages = buildStages(m_spec, m_options.workRoot, m_options.certifyBatch, unitsOf(m_spec, data.evaluation));
    if (m_options.fresh) {
        for (auto& stage : stages) {
            fs::remove_all(stage.dir);
            stage.plan.done = false;
        }
        fs::remove_all(runDir());
    }
    fs::create_directories(runDir());
    writeTextAtomically(runDir() / "spec.json", record.specJson);

    const stages::Context ctx{m_spec, data, device, cancel, observer, m_options.certifyBatch, m_options.trainProgressSeconds};
    const auto total = static_cast<std::int64_t>(stages.size());
    for (std::int64_t i = 0; i < total; ++i) {
        const auto& stage = stages[static_cast<std::size_t>(i)];
        const auto& plan = stage.plan;
        cancel.throwIfCancelled();
        report(observer.progress, ProgressEvent{"experiment", i, total, {}, plan.name});
        if (observer.stageStarted) observer.stageStarted(plan, i, total);
        const auto stageStart = std::chrono::steady_clock::now();
        const bool reuse = fs::exists(plan.output);
        if (plan.kind == "poison") {
            if (!reuse) stages::poison(ctx, stage.dir, plan.point);
            record.artefacts[plan.name] = plan.output.string();
        } else if (plan.kind == "watermark") {
            if (!reuse) stages::watermark(ctx, stage.dir, plan.point);
            record.artefacts[plan.name] = plan.output.string();
        } else if (plan.kind == "train") {
            if (!reuse) stages::train(ctx, stage.dir, stage.poisonManifest, plan.seed);
        } else {
            const auto victim = reuse ? stages::readVictim(stage.dir)
                                      : stages::certify(ctx, stage.dir, stage.trainDir, plan.data, plan.seed, plan.point);
            record.victims.push_back(victim);
            if (observer.victimDone) observer.victimDone(victim);
        }
        record.timings.push_back(StageTiming{plan.name, reuse ? 0.0 : secondsSince(stageStart), reuse});
    }
    report(observer.progress, ProgressEvent{"experiment", total, total, {}, "finished"});
    record.status = "finished";
    record.finishedAt = utcNow();
    record.wallSeconds = secondsSince(started);
    writeTextAtomically(runDir() / "result.json", record.toJson());
    return record;
}

} // namespace pacd
