#include "experiment/stages.h"

#include "attack/baselines.h"
#include "attack/pacd_attack.h"
#include "data/splits.h"
#include "data/training_views.h"
#include "defense/detection.h"
#include "defense/features.h"
#include "defense/sanitizers.h"
#include "models/checkpoint.h"
#include "models/precision_scope.h"
#include "plan/vocabulary.h"
#include "results/victim_json.h"
#include "smoothing/certify.h"
#include "smoothing/eval_mode.h"
#include "smoothing/forward_batch.h"
#include "smoothing/metrics.h"
#include "smoothing/pgd_distortion.h"
#include "support/atomic_file.h"
#include "support/error.h"
#include "training/trainer.h"

#include <torch/torch.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>

namespace pacd::stages {
namespace fs = std::filesystem;
using nlohmann::json;
using nlohmann::ordered_json;

namespace {

json readJson(const fs::path& file) {
    try {
        return json::parse(readFile(file));
    } catch (const json::exception& e) {
        fail(file.string(), ": not valid JSON (", e.what(), ")");
    }
}

} // namespace

namespace {

// The attack's data: class mode cuts the whole target class (makePacdData); points mode poisons the training points
// nearest to one test point and makes that point the upper level's only validation point (App. D.6).
PacdData attackData(const Context& ctx, std::int64_t point) {
    const auto& split = ctx.data.split;
    if (point < 0) {
        auto data = makePacdData(split.trainingFile, split.train, split.validation, ctx.plan.target, ctx.plan.poisonFraction,
                                 ctx.plan.spec.seed);
        data.dataset = ctx.plan.spec.dataset;
        return data;
    }
    const auto base = poisonBase(ctx, point);
    std::vector<std::int64_t> clean;
    std::set_difference(split.train.begin(), split.train.end(), base.begin(), base.end(), std::back_inserter(clean));
    const auto& file = split.trainingFile;
    PacdData data;
    data.dataset = ctx.plan.spec.dataset;
    data.cleanImages = file.images.index_select(0, torch::tensor(clean, torch::kLong));
    data.cleanLabels = file.labels.index_select(0, torch::tensor(clean, torch::kLong));
    data.base = file.images.index_select(0, torch::tensor(base, torch::kLong));
    data.baseIndices = base;
    data.valueRange = file.valueRange;
    data.validation = ctx.data.test.images.index_select(0, torch::tensor(std::vector<std::int64_t>{point}, torch::kLong));
    return data;
}

PoisonSet makePoisonSet(const ExperimentPlan& plan, const PacdData& data, torch::Tensor images, const std::string& configJson) {
    PoisonSet set;
    set.dataset = plan.spec.dataset;
    set.targetClass = plan.target;
    set.indices = data.baseIndices;
    set.images = std::move(images);
    set.seed = plan.spec.seed;
    set.configJson = configJson;
    set.valueRange = data.valueRange;
    return set;
}

// Evaluation inputs of one victim: every evaluation point (class mode) or the one attacked point.
std::vector<std::int64_t> evaluationIndices(const Context& ctx, std::int64_t point) {
    return point < 0 ? ctx.data.evaluation : std::vector<std::int64_t>{point};
}

double baseAccuracy(ClassifierImpl& model, const torch::Tensor& inputs, const torch::Tensor& labels, std::int64_t batch,
                    Precision precision) {
    EvalModeScope eval(model);
    torch::NoGradGuard noGrad;
    const PrecisionScope scope(precision, modelDevice(model)); // the base classifier that was certified
    std::int64_t correct = 0;
    for (std::int64_t i = 0; i < inputs.size(0); i += batch) {
        const auto x = inputs.slice(0, i, std::min(inputs.size(0), i + batch));
        const auto y = labels.slice(0, i, std::min(inputs.size(0), i + batch));
        correct += model.forward(x).argmax(1).eq(y).sum().item<std::int64_t>();
    }
    return inputs.size(0) ? static_cast<double>(correct) / static_cast<double>(inputs.size(0)) : 0.0;
}

} // namespace

std::vector<std::int64_t> poisonBase(const Context& ctx, std::int64_t point) {
    const auto& split = ctx.data.split;
    if (point < 0) {
        std::vector<std::int64_t> base;
        const auto labels = split.trainingFile.labels.accessor<std::int64_t, 1>();
        for (const auto i : split.train)
            if (labels[i] == ctx.plan.target) base.push_back(i);
        return seededFraction(base, ctx.plan.poisonFraction, ctx.plan.spec.seed);
    }
    return nearestOfClass(split.trainingFile, split.train, ctx.plan.target, ctx.data.test.images[point], ctx.plan.poisonCount);
}

void poison(const Context& ctx, const fs::path& dir, std::int64_t point) {
    fs::create_directories(dir);
    auto data = attackData(ctx, point);
    const auto base = data.base;
    PacdAttack attack(ctx.plan.attack, std::move(data), defaultModelSpec(nameOf(ctx.plan.poisonArch), ctx.plan.spec.dataset),
                      ctx.device);
    PoisonBatchSink sink;
    if (ctx.observer.poisonBatch)
        sink = [&](const torch::Tensor& rows, const torch::Tensor& images) {
            ctx.observer.poisonBatch(rows.cpu(), images.cpu(), base.index_select(0, rows.cpu()));
        };
    const auto checkpoint = dir / "poison.ckpt";
    const auto result = attack.run(checkpoint, ctx.cancel, ctx.observer.progress, sink);
    require(result.finished, "the attack stopped before its last epoch (", result.epochsDone, " of ", ctx.plan.attack.epochs,
            ")");
    writePoisonSet(dir / "poison.json", attack.poisonSet());
    fs::remove(checkpoint); // the poisons are final; the checkpoint (model + optimiser state) is large
}

void watermark(const Context& ctx, const fs::path& dir, std::int64_t point) {
    fs::create_directories(dir);
    const auto data = attackData(ctx, point);
    const auto& plan = ctx.plan;
    // Overlays come from other classes: with partial poisoning the clean points include the target's unpoisoned ones.
    const auto others = plan.poisonFraction < 1.0 ? data.cleanImages.index({data.cleanLabels.ne(plan.target)}) : data.cleanImages;
    const auto images = watermarkPoisons(data.base, others, plan.watermarkOpacity, plan.epsilon, plan.spec.seed, data.valueRange);
    const auto config = ordered_json{{"kind", "watermark"}, {"opacity", plan.watermarkOpacity}, {"epsilon", plan.epsilon}}.dump();
    writePoisonSet(dir / "poison.json", makePoisonSet(plan, data, images, config));
}

void randomNoise(const Context& ctx, const fs::path& dir, std::int64_t point) {
    fs::create_directories(dir);
    const auto data = attackData(ctx, point);
    const auto& plan = ctx.plan;
    const auto images = randomSignPoisons(data.base, plan.epsilon, plan.spec.seed, data.valueRange);
    const auto config = ordered_json{{"kind", "random"}, {"epsilon", plan.epsilon}}.dump();
    writePoisonSet(dir / "poison.json", makePoisonSet(plan, data, images, config));
}

VictimData victimData(const Context& ctx, const fs::path& poisonManifest) {
    const auto& split = ctx.data.split;
    const auto& file = split.trainingFile;
    VictimData out;
    if (poisonManifest.empty()) {
        out.data = file.subset(split.train, ":paper-train");
    } else {
        const auto set = readPoisonSet(poisonManifest);
        // Partial poisoning keeps the target class's other points, as points mode does.
        const bool keepOthers = ctx.plan.mode == PoisonMode::Points || ctx.plan.poisonFraction < 1.0;
        out.data = keepOthers ? replacedView(file, split.train, set) : poisonedView(file, split.train, set);
        out.poisons = set.indices;
    }
    // Both views hold the train part's points sorted by position (in class mode the poisons stand at their bases).
    out.positions = split.train;
    std::sort(out.positions.begin(), out.positions.end());
    require(static_cast<std::int64_t>(out.positions.size()) == out.data.size(), "victim data: ", out.data.size(), " points for ",
            out.positions.size(), " positions (a poison set outside the train part?)");
    if (ctx.plan.sanitizer.kind != Sanitizer::None) out.data.images = sanitize(out.data.images, ctx.plan.sanitizer);
    return out;
}

void train(const Context& ctx, const fs::path& dir, const fs::path& poisonManifest, std::int64_t seed,
           const fs::path& detectFile) {
    fs::create_directories(dir);
    auto victim = victimData(ctx, poisonManifest);
    auto& data = victim.data;
    if (!detectFile.empty()) {
        // The defender drops the budget's top-scored target-class points of the filter's detector, then retrains.
        const auto scores = readJson(detectFile);
        const auto positions = scores.at("positions").get<std::vector<std::int64_t>>();
        const auto values = scores.at("scores").at(nameOf(ctx.plan.filter)).get<std::vector<double>>();
        const auto removed = topScored(positions, values, scores.at("budget").get<std::int64_t>());
        std::vector<std::int64_t> keep;
        for (std::size_t row = 0; row < victim.positions.size(); ++row)
            if (!std::binary_search(removed.begin(), removed.end(), victim.positions[row]))
                keep.push_back(static_cast<std::int64_t>(row));
        data = data.subset(keep, ":filtered");
    }
    const auto monitor = ctx.data.test.subset(ctx.data.evaluation, ":target");
    auto model = makeSeededClassifier(defaultModelSpec(nameOf(ctx.plan.retrainArch), ctx.plan.spec.dataset), seed);
    auto config = ctx.plan.victim(seed);
    config.device = ctx.device;
    config.checkpoint = dir / "model.pt";
    config.resume = true;
    config.progressIntervalSeconds = ctx.trainProgressSeconds;
    const auto result = pacd::train(*model, data, config, ctx.cancel, ctx.observer.progress, monitor);
    auto history = ordered_json::array();
    for (const auto& e : result.history)
        history.push_back({{"epoch", e.epoch}, {"loss", e.loss}, {"accuracy", e.accuracy}, {"soft_acr", e.targetSoftAcr}});
    // After a resume, seconds and history cover the last call only ("resumed_from" says from which epoch).
    writeTextAtomically(dir / "train.json", ordered_json{{"seconds", result.seconds},
                                                         {"epochs", result.epochs},
                                                         {"resumed_from", result.startEpoch},
                                                         {"points", data.size()},
                                                         {"history", history}}
                                                .dump(2));
}

VictimResult certify(const Context& ctx, const fs::path& dir, const fs::path& trainDir, DataKind data, std::int64_t seed,
                     std::int64_t point) {
    fs::create_directories(dir);
    const auto& plan = ctx.plan;
    auto loaded = loadCheckpoint(trainDir / "model.pt", {}, ctx.device);
    auto& model = *loaded.model;
    const auto indices = evaluationIndices(ctx, point);
    const auto index = torch::tensor(indices, torch::kLong);
    const auto inputs = ctx.data.test.images.index_select(0, index).to(ctx.device);
    const auto labels = ctx.data.test.labels.index_select(0, index).to(ctx.device);

    auto config = plan.certify;
    // Pass size and weight layout as probed for this device (once, then remembered).
    config.forwardBatch = chooseForwardPasses(model, config.precision, defaultForwardBatchCache()).rows;
    // Chunks of points, each with its own noise seed, saved as they finish: a killed certification resumes
    // after the last whole chunk with the same numbers as an uninterrupted one.
    constexpr std::int64_t chunk = 25;
    const auto partialFile = dir / "certify.partial.json";
    std::vector<PointResult> results;
    if (fs::exists(partialFile)) results = pointResultsFromJson(readJson(partialFile), partialFile.string());
    EvalModeScope eval(model);
    for (auto first = static_cast<std::int64_t>(results.size()); first < inputs.size(0); first += chunk) {
        const auto last = std::min(inputs.size(0), first + chunk);
        config.seed = seed * 1000003ULL + static_cast<std::uint64_t>(first / chunk);
        const std::vector<std::int64_t> part(indices.begin() + first, indices.begin() + last);
        // Progress counts the victim's points, not the chunk's.
        ProgressSink progress;
        if (ctx.observer.progress)
            progress = [&, first](const ProgressEvent& event) {
                auto shifted = event;
                shifted.step += first;
                shifted.total = inputs.size(0);
                ctx.observer.progress(shifted);
            };
        const auto got =
            pacd::certify(model, inputs.slice(0, first, last), labels.slice(0, first, last), config, ctx.cancel, progress, part);
        results.insert(results.end(), got.begin(), got.end());
        writeTextAtomically(partialFile, pointResultsToJson(results).dump());
    }
    const auto summary = summarize(results, config.sigma, config.n, config.alpha);
    writeCohenTsv(dir / "certify.tsv", results);

    VictimResult victim;
    victim.data = nameOf(data);
    victim.seed = seed;
    victim.point = point;
    victim.acr = summary.acr;
    victim.aca = summary.aca;
    victim.meanPA = summary.meanPAEstimate;
    victim.fractionAtCap = summary.fractionAtCap;
    victim.radii = summary.radii;
    victim.certifiedAccuracy = summary.certifiedAccuracy;
    for (const auto& r : results)
        victim.pointRadii.push_back(r.correct ? r.radius : 0.0);
    victim.baseAccuracy = baseAccuracy(model, inputs, labels, config.batch, config.precision);
    victim.certifySeconds = summary.seconds;
    victim.trainSeconds = readJson(trainDir / "train.json").value("seconds", 0.0);
    victim.checkpoint = (trainDir / "model.pt").string();
    victim.certificates = (dir / "certify.tsv").string();
    victim.precision = nameOf(config.precision);
    if (plan.measurePgd) {
        const std::int64_t count = std::min<std::int64_t>(inputs.size(0), plan.pgdPoints);
        const auto distortions =
            pgdDistortion(model, inputs.slice(0, 0, count), labels.slice(0, 0, count), plan.pgd, ctx.cancel,
                          ctx.observer.progress, std::vector<std::int64_t>(indices.begin(), indices.begin() + count));
        const double mean = meanDistortion(distortions);
        victim.pgdDistortion = std::isfinite(mean) ? mean : 0.0;
    }
    writeTextAtomically(dir / "victim.json", victimToJson(victim).dump(2));
    fs::remove(partialFile);
    return victim;
}

std::vector<DetectionResult> detect(const Context& ctx, const fs::path& dir, const fs::path& trainDir,
                                    const fs::path& poisonManifest, DataKind kind, std::int64_t seed) {
    fs::create_directories(dir);
    const auto& plan = ctx.plan;
    const auto victim = victimData(ctx, poisonManifest);
    auto loaded = loadCheckpoint(trainDir / "model.pt", {}, ctx.device);
    ProgressEvent event;
    event.stage = "detect";
    event.total = 2;
    event.message = "features";
    report(ctx.observer.progress, event);
    const auto features = extractFeatures(*loaded.model, victim.data.images);
    ctx.cancel.throwIfCancelled();
    const auto scored =
        scoreTargetClass(features, victim.data.labels, victim.positions, victim.poisons, plan.target, plan.detector);
    const auto budget = filterBudget(plan.poisonFraction, static_cast<std::int64_t>(scored.positions.size()));

    ordered_json out{{"data", nameOf(kind)},
                     {"seed", seed},
                     {"target", plan.target},
                     {"budget", budget},
                     {"positions", scored.positions},
                     {"poison", scored.poisoned},
                     {"scores", ordered_json::object()},
                     {"silhouette", scored.silhouette},
                     {"smaller_cluster", scored.smallerCluster}};
    std::vector<DetectionResult> results;
    auto verdicts = ordered_json::array();
    for (const auto& [detector, scores] : scored.scores) {
        out["scores"][nameOf(detector)] = scores;
        const auto verdict = judge(scored, detector, budget);
        DetectionResult result;
        result.data = nameOf(kind);
        result.detector = nameOf(detector);
        result.seed = seed;
        result.targetPoints = static_cast<std::int64_t>(scored.positions.size());
        result.poisons = scored.poisonCount();
        result.budget = budget;
        result.auc = verdict.auc;
        result.tprAt5 = verdict.tprAt5;
        result.removedPoisons = verdict.removedPoisons;
        if (detector == Detector::ActivationClustering) result.silhouette = scored.silhouette;
        result.scores = (dir / "detect.json").string();
        verdicts.push_back(detectionToJson(result));
        results.push_back(result);
    }
    out["results"] = verdicts;
    writeTextAtomically(dir / "detect.json", out.dump());
    event.step = 2;
    event.message = "scored";
    report(ctx.observer.progress, event);
    return results;
}

std::vector<DetectionResult> readDetections(const fs::path& dir) {
    const auto file = dir / "detect.json";
    std::vector<DetectionResult> out;
    const auto json = readJson(file); // named: a loop over a temporary's member would dangle
    for (const auto& r : json.at("results"))
        out.push_back(detectionFromJson(r, file.string()));
    return out;
}

VictimResult readVictim(const fs::path& dir) {
    const auto file = dir / "victim.json";
    return victimFromJson(readJson(file), file.string());
}

} // namespace pacd::stages
