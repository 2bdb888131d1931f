// resolve(): the one place that knows the paper's (App. E) and the demo's defaults, and how stage folders are
// addressed. The folder keys below are content addresses on users' disks: changing a key's shape orphans every
// artefact computed before (tests/core/tst_plan_golden pins them).
#include "plan/experiment_plan.h"

#include "plan/cost_model.h"
#include "support/error.h"
#include "support/hash.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <set>

namespace pacd {
namespace {

using nlohmann::ordered_json;

template <typename E> E parseField(const char* field, const std::string& value) {
    require(isName<E>(value), "spec field '", field, "': '", value, "' is not one of ", joinedNames<E>());
    return parseName<E>(value);
}

void requireRange(const char* field, double value, double lo, double hi, const char* allowed) {
    require(std::isfinite(value) && value >= lo && value <= hi, "spec field '", field, "': ", value, " is outside ", allowed);
}

void requireCount(const char* field, std::int64_t value, double lo, double hi, const char* allowed) {
    requireRange(field, static_cast<double>(value), lo, hi, allowed);
}

// The defaults of every unset field (demo: a 2-core CPU in minutes; paper: App. E.3 on a GPU).
ExperimentSpec withDefaults(ExperimentSpec spec, DatasetId dataset, Scale scale, PoisonMode mode, TrainMethod poisonDefense) {
    const bool paper = scale == Scale::Paper;
    const bool cifar = dataset == DatasetId::Cifar10;
    const bool toy = dataset == DatasetId::ToyGaussians;
    const bool points = mode == PoisonMode::Points;
    if (!spec.poisonArch) spec.poisonArch = nameOf(toy ? Arch::Logistic : cifar ? Arch::ResNet20 : Arch::MnistCnn);
    if (!spec.retrainArch) spec.retrainArch = spec.poisonArch;
    if (!spec.epsilon) spec.epsilon = points ? 0.06 : cifar ? 0.03 : 0.1;
    // The toy's 900 training points are its whole data: no subset, one minibatch holds every point.
    if (!spec.subset) spec.subset = paper || toy ? 0 : 6000;
    // Demo: 20 epochs of T1 = 5 lower steps. Measured on 2 cores (MNIST digit 8, GA, σ = 0.25): the ACR drop was
    // −25 % with 8 epochs of T1 = 10 (150–200 s of attack), −40 % with 16 (403 s), −43 % with 20 of T1 = 5 (319 s).
    if (!spec.attackEpochs) spec.attackEpochs = toy ? 40 : paper ? 50 : 20;
    if (!spec.hessian)
        spec.hessian = nameOf(toy ? LinearSolver::ConjugateGradient : paper ? LinearSolver::Adam : LinearSolver::FirstOrder);
    if (!spec.lowerSteps) spec.lowerSteps = poisonDefense == TrainMethod::SmoothAdv ? 1 : paper || toy ? 10 : 5;
    if (!spec.upperSamples) spec.upperSamples = paper ? (cifar ? 5 : 20) : 8;
    if (!spec.cleanBatch) spec.cleanBatch = toy ? 500 : paper ? (cifar ? 180 : 900) : 180;
    if (!spec.poisonBatch) spec.poisonBatch = toy ? 500 : paper ? (cifar ? 20 : 100) : 20;
    if (!spec.validationBatch) spec.validationBatch = paper ? (cifar ? 20 : 100) : 50;
    if (!spec.targetPoints) spec.targetPoints = paper ? 5 : 2;
    if (!spec.poisonCount) spec.poisonCount = paper ? 500 : 60;
    if (!spec.seeds) spec.seeds = paper ? 5 : 2;
    if (!spec.trainEpochs) spec.trainEpochs = toy ? 60 : paper ? 100 : 8;
    if (!spec.learningRate) spec.learningRate = toy ? 0.05 : 1e-3;
    // The toy's logistic victims certify 10^5 samples per point in a second; at n = 1,000 the radius cap
    // σΦ⁻¹(α^(1/n)) = 2.46σ clipped its far points and hid a quarter of the drop (0.046 vs exact 0.065).
    if (!spec.n) spec.n = paper || toy ? 100000 : 1000;
    if (!spec.points) spec.points = toy ? 200 : paper ? 500 : 100;
    if (!spec.precision) spec.precision = nameOf(Precision::Auto);
    if (!spec.hvp) spec.hvp = nameOf(HessianProduct::Autograd);
    // Table 1 (App. D.1): poisons made against standard training use Eq. 4's objective, not PACD's soft ACR.
    if (!spec.objective)
        spec.objective =
            nameOf(poisonDefense == TrainMethod::Standard ? AttackObjective::CrossEntropy : AttackObjective::SoftAcr);
    if (!spec.beta) spec.beta = 1e-3;
    if (!spec.rho) spec.rho = 1e-3;
    if (!spec.attackEpoch) spec.attackEpoch = nameOf(points ? AttackEpoch::CleanData : AttackEpoch::Poisons);
    if (!spec.poisonStep) spec.poisonStep = nameOf(PoisonStep::Adam);
    if (!spec.poisonLearningRate) spec.poisonLearningRate = 0.1;
    if (!spec.poisonFraction) spec.poisonFraction = 1.0;
    if (!spec.sanitizer) spec.sanitizer = nameOf(Sanitizer::None);
    if (!spec.filter) spec.filter = nameOf(Detector::None);
    return spec;
}

void checkRanges(const ExperimentSpec& spec, const ExperimentPlan& plan) {
    const bool toy = plan.dataset == DatasetId::ToyGaussians;
    const bool cifar = plan.dataset == DatasetId::Cifar10;
    require(archFits(plan.poisonArch, plan.dataset) && archFits(plan.retrainArch, plan.dataset),
            "spec fields 'poison_arch'/'retrain_arch': ",
            toy     ? "the toy needs logistic"
            : cifar ? "CIFAR-10 needs a ResNet (resnet20, resnet56, resnet110)"
                    : "MNIST-like data needs mnist-cnn");
    requireCount("target", spec.target, 0, classCount(plan.dataset) - 1, toy ? "[0, 1] (the toy has two classes)" : "[0, 9]");
    require(!(toy && plan.mode == PoisonMode::Points), "spec field 'mode': 'points' needs an image data set, not the toy");
    requireRange("sigma", spec.sigma, 1e-6, 4, "(0, 4]");
    for (const auto& [field, value] : {std::pair<const char*, std::optional<double>>{"attack_sigma", spec.attackSigma},
                                       {"retrain_sigma", spec.retrainSigma},
                                       {"certify_sigma", spec.certifySigma}})
        if (value) requireRange(field, *value, 1e-6, 4, "(0, 4]");
    requireRange("epsilon", *spec.epsilon, 0, 1, "[0, 1]");
    requireCount("subset", *spec.subset, 0, 1e9, ">= 0 (0 = all)");
    requireCount("attack_epochs", *spec.attackEpochs, 1, 1e6, ">= 1");
    requireCount("T1", *spec.lowerSteps, 0, 1e6, ">= 0");
    requireCount("T2", spec.linearSteps, 1, 1e6, ">= 1");
    requireCount("k", *spec.upperSamples, 1, 1e6, ">= 1");
    requireCount("clean_batch", *spec.cleanBatch, 0, 1e7, ">= 0");
    requireCount("poison_batch", *spec.poisonBatch, 1, 1e7, ">= 1");
    requireCount("val_batch", *spec.validationBatch, 1, 1e7, ">= 1");
    requireCount("target_points", *spec.targetPoints, 1, 1e4, "[1, 10000]");
    requireCount("poison_count", *spec.poisonCount, 1, 1e7, ">= 1");
    requireRange("learning_rate", *spec.learningRate, 1e-8, 10, "(0, 10]");
    requireRange("beta", *spec.beta, 1e-12, 10, "(0, 10]");
    requireRange("rho", *spec.rho, 0, 1e3, "[0, 1000]");
    requireRange("poison_lr", *spec.poisonLearningRate, 1e-12, 10, "(0, 10]");
    requireRange("weight_decay", spec.weightDecay, 0, 10, "[0, 10]");
    requireCount("seeds", *spec.seeds, 1, 1000, "[1, 1000]");
    requireCount("train_epochs", *spec.trainEpochs, 1, 1e6, ">= 1");
    requireCount("n0", spec.n0, 1, 1e12, ">= 1");
    requireCount("n", *spec.n, 1, 1e12, ">= 1");
    require(spec.alpha > 0 && spec.alpha < 1, "spec field 'alpha': ", spec.alpha, " is outside (0, 1)");
    requireCount("points", *spec.points, 1, 1e9, ">= 1");
    requireRange("poison_fraction", *spec.poisonFraction, 1e-9, 1, "(0, 1]");
    require(*spec.poisonFraction == 1.0 || plan.mode == PoisonMode::Class,
            "spec field 'poison_fraction' applies to class mode (points mode sets poison_count instead)");
    require(plan.sanitizer.kind == Sanitizer::None || !toy, "spec field 'sanitizer': sanitizers work on images, not the toy");
    require(!plan.detect || plan.mode == PoisonMode::Class, "spec fields 'detect'/'filter' need class mode");
}

// Alg. 1's settings: App. E.3 (MNIST), with CIFAR-10's batches and k, SmoothAdv's T1 = 1 and R = 20.
PacdConfig attackConfig(const ExperimentSpec& spec, const ExperimentPlan& plan) {
    PacdConfig config;
    config.defense = plan.poisonDefense;
    config.objective = plan.objective;
    if (plan.poisonDefense == TrainMethod::SmoothAdv) config.reinitEvery = 20;
    config.target = spec.target;
    config.sigma = spec.sigmaForAttack();
    config.epsilon = *spec.epsilon;
    config.epochs = *spec.attackEpochs;
    config.epochOver = plan.attackEpoch;
    config.cleanBatch = *spec.cleanBatch;
    config.poisonBatch = *spec.poisonBatch;
    config.validationBatch = *spec.validationBatch;
    config.upperSamples = *spec.upperSamples;
    config.approx.lowerSteps = *spec.lowerSteps;
    config.approx.linearSteps = spec.linearSteps;
    config.approx.linearLearningRate = *spec.beta;
    config.approx.damping = *spec.rho;
    config.approx.poisonStep = plan.poisonStep;
    config.approx.poisonLearningRate = *spec.poisonLearningRate;
    config.approx.lowerLearningRate = *spec.learningRate;
    config.approx.solver = plan.solver;
    config.approx.hessianProduct = plan.hessianProduct;
    config.precision = plan.precision;
    config.seed = spec.seed;
    return config;
}

// A victim's training (App. E.2), without checkpoint or device.
TrainConfig victimConfig(const ExperimentSpec& spec, const ExperimentPlan& plan, std::int64_t seed) {
    auto config = TrainConfig::paper(plan.retrainDefense, spec.dataset, spec.sigmaForRetraining());
    config.epochs = *spec.trainEpochs;
    config.learningRate = *spec.learningRate;
    config.weightDecay = spec.weightDecay;
    config.seed = static_cast<std::uint64_t>(seed);
    config.datasetLabel = spec.dataset;
    config.precision = plan.precision;
    return config;
}

// Table 5's measurement (App. E.3: m = 20 MNIST, 10 CIFAR-10), scaled down at demo scale: the paper's 100 steps ×
// 10 bisections × 20 samples per point take hours on a CPU.
PgdDistortionConfig pgdConfig(const ExperimentSpec& spec, const ExperimentPlan& plan, std::int64_t batch) {
    PgdDistortionConfig config;
    config.sigma = spec.sigmaForCertification();
    config.samples = plan.dataset == DatasetId::Cifar10 ? 10 : 20;
    config.batch = batch;
    config.seed = spec.seed;
    config.clipToUnitBox = plan.dataset != DatasetId::ToyGaussians;
    if (plan.scale == Scale::Demo) {
        config.samples = 8;
        config.steps = 20;
        config.iterations = 6;
        config.evalSamples = 200;
    }
    return config;
}

// The content addresses of a plan's folders: what each artefact depends on, hashed.
struct Addresses {
    const ExperimentPlan& plan;
    std::int64_t certifyBatch;

    // The data and how it is cut.
    ordered_json dataKey() const { return {{"dataset", plan.spec.dataset}, {"subset", plan.subset}, {"split_seed", 0}}; }

    ordered_json unitKey(std::int64_t point) const {
        ordered_json key{{"data", dataKey()}, {"target", plan.target}, {"mode", plan.spec.mode}};
        if (point >= 0) key.update({{"point", point}, {"poison_count", plan.poisonCount}});
        // Only when partial, so that whole-class folders keep their addresses; the seed picks the points.
        if (plan.poisonFraction != 1.0) key.update({{"poison_fraction", plan.poisonFraction}, {"fraction_seed", plan.spec.seed}});
        return key;
    }

    static std::string folder(const std::string& kind, const ordered_json& key) { return kind + "-" + hashText(key.dump()); }

    std::string poison(std::int64_t point) const {
        ordered_json key{
            {"unit", unitKey(point)}, {"arch", nameOf(plan.poisonArch)}, {"attack", ordered_json::parse(plan.attack.toJson())}};
        // The toy's poisons were clamped to [0, 1] before its features were known to be unbounded: those folders
        // must not be found again. Images keep their addresses.
        if (plan.dataset == DatasetId::ToyGaussians) key["projection"] = "epsilon-ball";
        // ResNet poisons were made with batch-norm in train mode in the upper level and no crop-flip in the lower:
        // the attack now evaluates ξ in eval mode and augments as the victims train, so those folders are stale.
        if (plan.poisonArch != Arch::MnistCnn && plan.poisonArch != Arch::Logistic) key["cifar_attack"] = 2;
        return folder("poison", key);
    }

    std::string watermark(std::int64_t point) const {
        return folder(
            "watermark",
            {{"unit", unitKey(point)}, {"epsilon", plan.epsilon}, {"opacity", plan.watermarkOpacity}, {"seed", plan.spec.seed}});
    }

    std::string random(std::int64_t point) const {
        return folder("random", {{"unit", unitKey(point)}, {"epsilon", plan.epsilon}, {"seed", plan.spec.seed}});
    }

    // Clean victims depend on neither target nor point: Fig. 6's ten targets and D.6's points share them. A
    // sanitiser or a filter enters the key only when set, so that undefended victims keep their addresses.
    std::string train(DataKind data, const std::string& poisonFolder, std::int64_t seed,
                      const std::string& detectFolder = {}) const {
        ordered_json key{{"data", dataKey()},
                         {"kind", nameOf(data)},
                         {"source", poisonFolder},
                         {"arch", nameOf(plan.retrainArch)},
                         {"train", ordered_json::parse(plan.victim(seed).toJson())}};
        if (plan.sanitizer.kind != Sanitizer::None)
            key["sanitizer"] = {{"kind", nameOf(plan.sanitizer.kind)}, {"parameter", plan.sanitizer.parameter}};
        if (!detectFolder.empty())
            key["filter"] = {{"detect", detectFolder},
                             {"detector", nameOf(plan.filter)},
                             {"budget", kFilterBudget},
                             {"target", plan.target},
                             {"poison_fraction", plan.poisonFraction}};
        return folder("train", key);
    }

    // The scores of one victim's training set; the fraction sets the poison count the report's budget uses.
    std::string detect(const std::string& trainFolder) const {
        return folder("detect", {{"victim", trainFolder},
                                 {"target", plan.target},
                                 {"poison_fraction", plan.poisonFraction},
                                 {"clustering_dims", plan.detector.clusteringDims},
                                 {"neighbours", plan.detector.neighbours},
                                 {"seed", plan.detector.seed},
                                 {"budget", kFilterBudget}});
    }

    std::string certify(const std::string& trainFolder, std::int64_t point) const {
        ordered_json key{{"victim", trainFolder},
                         {"target", plan.target},
                         {"point", point},
                         {"points", point < 0 ? plan.points : 1},
                         {"evaluation_seed", plan.spec.seed},
                         {"sigma", plan.certify.sigma},
                         {"n0", plan.certify.n0},
                         {"n", plan.certify.n},
                         {"alpha", plan.certify.alpha},
                         {"batch", certifyBatch},
                         {"pgd", plan.measurePgd},
                         {"scale", plan.spec.scale}};
        // Only when not fp32, so that fp32 certificates keep the addresses they had before precision existed.
        if (plan.precision != Precision::Fp32) key["precision"] = nameOf(plan.precision);
        return folder("certify", key);
    }
};

std::string pointSuffix(std::int64_t point) {
    return point >= 0 ? " point " + std::to_string(point) : std::string();
}

std::string seedName(std::int64_t seed, std::int64_t point) {
    return "seed " + std::to_string(seed) + pointSuffix(point);
}

// Per target unit a poison (and a watermark) stage; per seed one clean victim shared by every unit, and per unit
// a poisoned (and a watermarked) victim; every victim certified on every unit.
std::vector<PlannedStage> planStages(const ExperimentPlan& plan, std::int64_t certifyBatch) {
    const Addresses address{plan, certifyBatch};
    std::vector<PlannedStage> stages;
    for (const auto point : plan.units) {
        PlannedStage poison;
        poison.kind = StageKind::Poison;
        poison.name = "poison" + pointSuffix(point);
        poison.point = point;
        poison.weight = plan.seconds.attack;
        poison.folder = address.poison(point);
        poison.doneFile = "poison.json";
        stages.push_back(poison);
        if (plan.watermark) {
            PlannedStage mark = poison;
            mark.kind = StageKind::Watermark;
            mark.name = "watermark" + pointSuffix(point);
            mark.weight = plan.seconds.watermark;
            mark.folder = address.watermark(point);
            stages.push_back(mark);
        }
        if (plan.randomBaseline) {
            PlannedStage noise = poison;
            noise.kind = StageKind::Random;
            noise.name = "random" + pointSuffix(point);
            noise.weight = plan.seconds.watermark;
            noise.folder = address.random(point);
            stages.push_back(noise);
        }
    }
    std::set<std::string> trained;
    for (std::int64_t s = 0; s < plan.seeds; ++s) {
        const std::int64_t seed = static_cast<std::int64_t>(plan.spec.seed) + s;
        for (const auto point : plan.units) {
            std::vector<std::pair<DataKind, std::string>> kinds{{DataKind::Clean, {}}};
            if (plan.watermark) kinds.emplace_back(DataKind::Watermark, address.watermark(point));
            if (plan.randomBaseline) kinds.emplace_back(DataKind::Random, address.random(point));
            kinds.emplace_back(DataKind::Poison, address.poison(point));
            for (const auto& kind : kinds) {
                // Named copies, not structured bindings: C++17 lambdas cannot capture a binding (clang refuses).
                const DataKind data = kind.first;
                const std::string& source = kind.second;
                const auto victimName =
                    nameOf(data) + " " + seedName(seed, -1) + (data == DataKind::Clean ? "" : pointSuffix(point));
                auto trainFolder = address.train(data, source, seed);
                const auto addTrain = [&](const std::string& folder, const std::string& detectFolder, const std::string& name) {
                    if (!trained.insert(folder).second) return;
                    PlannedStage train;
                    train.kind = StageKind::Train;
                    train.data = data;
                    train.name = name;
                    train.seed = seed;
                    train.point = point;
                    train.weight = plan.seconds.trainVictim;
                    train.folder = folder;
                    train.doneFile = "train.json";
                    train.poisonFolder = source;
                    train.detectFolder = detectFolder;
                    stages.push_back(train);
                };
                addTrain(trainFolder, {}, "train " + victimName);
                // The defender scores the victim's training set, then (filter) retrains without the top-scored points:
                // that victim is the one certified.
                if (plan.detect) {
                    const auto detectFolder = address.detect(trainFolder);
                    if (trained.insert(detectFolder).second) {
                        PlannedStage detect;
                        detect.kind = StageKind::Detect;
                        detect.data = data;
                        detect.name = "detect " + victimName;
                        detect.seed = seed;
                        detect.point = point;
                        detect.weight = plan.seconds.detect;
                        detect.folder = detectFolder;
                        detect.doneFile = "detect.json";
                        detect.poisonFolder = source;
                        detect.modelFolder = trainFolder;
                        stages.push_back(detect);
                    }
                    if (plan.filter != Detector::None) {
                        trainFolder = address.train(data, source, seed, detectFolder);
                        addTrain(trainFolder, detectFolder, "train " + victimName + " filtered by " + nameOf(plan.filter));
                    }
                }
                PlannedStage certify;
                certify.kind = StageKind::Certify;
                certify.data = data;
                certify.name = "certify " + nameOf(data) + " " + seedName(seed, point);
                certify.seed = seed;
                certify.point = point;
                certify.weight = plan.seconds.certifyVictim;
                certify.folder = address.certify(trainFolder, point);
                certify.doneFile = "victim.json";
                certify.trainFolder = trainFolder;
                stages.push_back(certify);
            }
        }
    }
    return stages;
}

} // namespace

const TrainConfig& ExperimentPlan::victim(std::int64_t seed) const {
    const auto index = seed - static_cast<std::int64_t>(spec.seed);
    require(index >= 0 && index < static_cast<std::int64_t>(victims.size()), "no victim with seed ", seed,
            " in this plan (seeds ", spec.seed, " to ", spec.seed + victims.size() - 1, ")");
    return victims[static_cast<std::size_t>(index)];
}

StageKind kindOfFolder(const std::string& folderName) {
    const auto dash = folderName.rfind('-');
    if (dash == std::string::npos || folderName.size() - dash - 1 != 16) return StageKind::None;
    const auto prefix = folderName.substr(0, dash);
    return isName<StageKind>(prefix) ? parseName<StageKind>(prefix) : StageKind::None;
}

double ExperimentPlan::estimatedSeconds() const {
    double total = 0;
    for (const auto& stage : stages)
        total += stage.weight;
    return total;
}

ExperimentPlan resolve(const ExperimentSpec& written, const PlanOptions& options) {
    require(options.certifyBatch >= 1, "run setting 'certify batch' must be >= 1, got ", options.certifyBatch);
    ExperimentPlan plan;
    // The names that decide the defaults first.
    plan.dataset = parseField<DatasetId>("dataset", written.dataset);
    plan.scale = parseField<Scale>("scale", written.scale);
    plan.mode = parseField<PoisonMode>("mode", written.mode);
    plan.poisonDefense = parseField<TrainMethod>("poison_defense", written.poisonDefense);
    plan.retrainDefense = parseField<TrainMethod>("retrain_defense", written.retrainDefense);
    auto spec = withDefaults(written, plan.dataset, plan.scale, plan.mode, plan.poisonDefense);
    plan.poisonArch = parseField<Arch>("poison_arch", *spec.poisonArch);
    plan.retrainArch = parseField<Arch>("retrain_arch", *spec.retrainArch);
    plan.solver = parseField<LinearSolver>("hessian", *spec.hessian);
    plan.hessianProduct = parseField<HessianProduct>("hvp", *spec.hvp);
    plan.objective = parseField<AttackObjective>("objective", *spec.objective);
    plan.attackEpoch = parseField<AttackEpoch>("attack_epoch", *spec.attackEpoch);
    plan.poisonStep = parseField<PoisonStep>("poison_step", *spec.poisonStep);
    plan.requestedPrecision = parseField<Precision>("precision", *spec.precision);
    plan.nativeBf16 = options.nativeBf16;
    plan.precision = plan.requestedPrecision == Precision::Auto ? (options.nativeBf16 ? Precision::Bf16 : Precision::Fp32)
                                                                : plan.requestedPrecision;
    plan.sanitizer.kind = parseField<Sanitizer>("sanitizer", *spec.sanitizer);
    if (plan.sanitizer.kind != Sanitizer::None && !spec.sanitizerParam)
        spec.sanitizerParam = defaultSanitizerParameter(plan.sanitizer.kind, plan.dataset == DatasetId::Cifar10);
    plan.sanitizer.parameter = plan.sanitizer.kind == Sanitizer::None ? 0.0 : *spec.sanitizerParam;
    requireSanitizerParameter(plan.sanitizer.kind, plan.sanitizer.parameter, "sanitizer_param");
    plan.filter = parseField<Detector>("filter", *spec.filter);
    plan.detect = spec.detect || plan.filter != Detector::None;
    checkRanges(spec, plan);

    plan.spec = spec;
    plan.specHash = hashText(spec.toJson());
    plan.target = spec.target;
    plan.epsilon = *spec.epsilon;
    plan.subset = *spec.subset;
    plan.seeds = *spec.seeds;
    plan.points = *spec.points;
    plan.targetPoints = *spec.targetPoints;
    plan.poisonCount = *spec.poisonCount;
    plan.watermark = spec.watermark;
    plan.measurePgd = spec.measurePgd;
    plan.poisonFraction = *spec.poisonFraction;
    plan.randomBaseline = spec.randomBaseline;

    plan.attack = attackConfig(spec, plan);
    for (std::int64_t s = 0; s < plan.seeds; ++s)
        plan.victims.push_back(victimConfig(spec, plan, static_cast<std::int64_t>(spec.seed) + s));
    plan.certify.sigma = spec.sigmaForCertification();
    plan.certify.n0 = spec.n0;
    plan.certify.n = *spec.n;
    plan.certify.alpha = spec.alpha;
    plan.certify.batch = options.certifyBatch;
    plan.certify.precision = plan.precision;
    plan.pgd = pgdConfig(spec, plan, options.certifyBatch);
    // §4.6: 200 MNIST and 100 CIFAR-10 test points of the target class.
    plan.pgdPoints = plan.scale == Scale::Demo ? 50 : plan.dataset == DatasetId::Cifar10 ? 100 : 200;

    if (plan.mode == PoisonMode::Points) {
        if (options.points) {
            plan.units = *options.points;
        } else {
            plan.units.clear();
            for (std::int64_t i = 0; i < plan.targetPoints; ++i)
                plan.units.push_back(i);
            plan.unitsArePlaceholders = true;
        }
    }
    plan.seconds = estimateStageSeconds(plan);
    if (options.planStages) plan.stages = planStages(plan, options.certifyBatch);
    return plan;
}

} // namespace pacd
