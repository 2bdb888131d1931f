#include "experiment/stages.h"

#include "attack/baselines.h"
#include "attack/pacd_attack.h"
#include "data/splits.h"
#include "data/training_views.h"
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
        auto data = makePacdData(split.trainingFile, split.train, split.validation, ctx.plan.target);
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
        return base;
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
    const auto images =
        watermarkPoisons(data.base, data.cleanImages, plan.watermarkOpacity, plan.epsilon, plan.spec.seed, data.valueRange);
    const auto config = ordered_json{{"kind", "watermark"}, {"opacity", plan.watermarkOpacity}, {"epsilon", plan.epsilon}}.dump();
    writePoisonSet(dir / "poison.json", makePoisonSet(plan, data, images, config));
}

void train(const Context& ctx, const fs::path& dir, const fs::path& poisonManifest, std::int64_t seed) {
    fs::create_directories(dir);
    const auto& split = ctx.data.split;
    const auto& file = split.trainingFile;
    Dataset data;
    if (poisonManifest.empty()) {
        data = file.subset(split.train, ":paper-train");
    } else {
        const auto set = readPoisonSet(poisonManifest);
        data = ctx.plan.mode == PoisonMode::Points ? replacedView(file, split.train, set) : poisonedView(file, split.train, set);
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

VictimResult readVictim(const fs::path& dir) {
    const auto file = dir / "victim.json";
    return victimFromJson(readJson(file), file.string());
}

} // namespace pacd::stages
