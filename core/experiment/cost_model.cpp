#include "experiment/cost_model.h"

#include <algorithm>

namespace pacd {
namespace {

// Relative cost per image of a model's forward + backward, MNIST CNN = 1 (bench: 4,436 vs 476 images/s).
double modelCost(const std::string& arch) {
    return arch == "resnet110" ? 50.0 : arch == "resnet56" ? 26.0 : arch == "resnet20" ? 9.3 : 1.0;
}

// Relative cost of a training step under each defense (bench: GA 3,921, MACER 173, SmoothAdv 1,541 images/s).
double defenseCost(const std::string& defense) {
    return defense == "macer" ? 25.0 : defense == "smoothadv" ? 2.8 : 1.0;
}

} // namespace

StageSeconds estimateStageSeconds(const ExperimentSpec& spec) {
    if (spec.dataset == "toy-gaussians") return {20.0, 0.1, 1.0, 1.0}; // the whole toy run takes about half a minute
    const bool points = spec.mode == "points";
    const double speed = spec.scale == "paper" ? 60.0 : 1.0; // one H100 vs 2 CPU cores (assumed, not measured here)
    const double trainPoints = spec.subset > 0 ? static_cast<double>(spec.subset) : (spec.dataset == "cifar10" ? 45000.0 : 55000.0);
    const double poisons = points ? static_cast<double>(spec.poisonCount) : trainPoints / 10.0;
    const double hessianCost = spec.hessian == "first-order" ? 1.0 : spec.hessian == "cg" ? 2.0 : 3.3;
    const double batchCost = static_cast<double>(spec.cleanBatch + spec.poisonBatch) / 200.0;
    StageSeconds out;
    out.attack = 18.0 * static_cast<double>(spec.attackEpochs) * (poisons / 582.0) * hessianCost * batchCost *
                 static_cast<double>(spec.lowerSteps) / 10.0 * modelCost(spec.poisonArch) * std::min(defenseCost(spec.poisonDefense), 3.0) /
                 speed;
    out.watermark = 0.5;
    out.trainVictim = 2.5 * static_cast<double>(spec.trainEpochs) * (trainPoints / 6000.0) * modelCost(spec.retrainArch) *
                      defenseCost(spec.retrainDefense) / speed;
    const double certified = points ? 1.0 : static_cast<double>(spec.points);
    out.certifyVictim = certified * static_cast<double>(spec.n + spec.n0) / 7000.0 * modelCost(spec.retrainArch) *
                        (spec.measurePgd ? 3.0 : 1.0) / speed;
    return out;
}

double estimateMinutes(const ExperimentSpec& spec) {
    const auto stage = estimateStageSeconds(spec);
    // As the runner plans them: per target unit a poison (and a watermark); per seed one clean victim shared by
    // every unit, and per unit a poisoned (and a watermarked) victim; every victim certified on every unit.
    const double units = spec.mode == "points" ? static_cast<double>(spec.targetPoints) : 1.0;
    const double seeds = static_cast<double>(spec.seeds);
    const double perturbed = spec.watermark ? 2.0 : 1.0;
    const double trainings = seeds * (1.0 + units * perturbed);
    const double certifications = seeds * units * (1.0 + perturbed);
    const double seconds = units * (stage.attack + (spec.watermark ? stage.watermark : 0.0)) + trainings * stage.trainVictim +
                           certifications * stage.certifyVictim;
    return seconds / 60.0;
}

} // namespace pacd
