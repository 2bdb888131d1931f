#include "plan/cost_model.h"

#include <algorithm>
#include <cmath>

namespace pacd {
namespace {

// Relative cost per image of a model's forward + backward, MNIST CNN = 1 (bench: 4,436 vs 476 images/s).
double modelCost(Arch arch) {
    switch (arch) {
    case Arch::ResNet110:
        return 50.0;
    case Arch::ResNet56:
        return 26.0;
    case Arch::ResNet20:
        return 9.3;
    case Arch::MnistCnn:
    case Arch::Logistic:
        return 1.0;
    }
    return 1.0;
}

// Relative cost of a training step under each defense (bench: GA 3,921, MACER 173, SmoothAdv 1,541 images/s;
// Table 1's demo victims, 24 epochs, bf16, 2 cores: GA 29-37 s, SmoothAdv 75-84 s, MACER 624-834 s).
double defenseCost(TrainMethod defense) {
    return defense == TrainMethod::Macer ? 22.0 : defense == TrainMethod::SmoothAdv ? 2.5 : 1.0;
}

// Relative cost of an upper step's hypergradient against the first-order shortcut, whose mixed partial runs through
// the poisons' rows only (December 2026): demo row, 2 cores, bf16, T1 = 5, T2 = 10: first-order 0.40 s a step, CG
// 2.4 s (6x); ApproxGrad's Adam solve takes two products an iteration to CG's one (bench: 1.36x CG).
double solverCost(LinearSolver solver) {
    return solver == LinearSolver::FirstOrder ? 1.0 : solver == LinearSolver::ConjugateGradient ? 6.0 : 8.2;
}

// An upper step's cost under Eq. 4's cross-entropy relative to PACD's soft ACR, whose ξ evaluates k noisy copies of
// every validation point (k = 8 at demo scale): Table 1's 40-epoch demo attack took 286 s, the demo row's 20 epochs
// of soft ACR 239 s (bf16, 2 cores).
double objectiveCost(AttackObjective objective) {
    return objective == AttackObjective::CrossEntropy ? 0.6 : 1.0;
}

// bf16's cost relative to fp32 per stage kind (pacd-bench, MNIST CNN, 2 cores): with native bf16 (AVX512-BF16)
// certify ran 1.41x and the attack's upper step 1.06-1.6x faster (training taken as certify); emulated (AVX2 only)
// certify 16.7x, training 12.7x and the attack 13x slower. Where auto chose bf16 the first case holds.
struct PrecisionCost {
    double attack = 1.0, train = 1.0, certify = 1.0;
};
PrecisionCost precisionCost(const ExperimentPlan& plan) {
    if (plan.precision != Precision::Bf16) return {};
    if (plan.nativeBf16) return {1.0 / 1.2, 1.0 / 1.4, 1.0 / 1.41};
    return {13.0, 12.7, 16.7};
}

// An upper step's cost relative to one with T1 = 10: the T1 lower steps plus a fixed part (ξ, the mixed partial, the
// projection). Measured on 2 cores, MNIST demo: 25 s an epoch at T1 = 10, 16 s at T1 = 5.
double lowerStepShare(std::int64_t lowerSteps) {
    return 0.28 + 0.072 * static_cast<double>(lowerSteps);
}

} // namespace

StageSeconds estimateStageSeconds(const ExperimentPlan& plan) {
    if (plan.dataset == DatasetId::ToyGaussians) return {20.0, 0.1, 1.0, 1.0}; // the whole toy run takes about half a minute
    const auto& attack = plan.attack;
    const bool points = plan.mode == PoisonMode::Points;
    // One GPU vs 2 CPU cores: an unmeasured guess until scripts/gpu-check.sh has run on a GPU server (README "GPU
    // server"); its stage-rates figures are what should replace it.
    const double speed = plan.scale == Scale::Paper ? 60.0 : 1.0;
    const double trainPoints =
        plan.subset > 0 ? static_cast<double>(plan.subset) : (plan.dataset == DatasetId::Cifar10 ? 45000.0 : 55000.0);
    const double poisons = points ? static_cast<double>(plan.poisonCount) : trainPoints / 10.0 * plan.poisonFraction;
    // An upper step costs in proportion to its minibatch; the demo's is 180 + 20 points, 29 steps an epoch.
    const double batchCost = static_cast<double>(attack.cleanBatch + attack.poisonBatch) / 200.0;
    double stepsPerEpoch = std::ceil(poisons / static_cast<double>(attack.poisonBatch));
    if (attack.epochOver == AttackEpoch::CleanData && attack.cleanBatch > 0)
        stepsPerEpoch = std::max(stepsPerEpoch, std::ceil((trainPoints - poisons) / static_cast<double>(attack.cleanBatch)));
    const auto& victim = plan.victims.front();
    const auto precision = precisionCost(plan);
    StageSeconds out;
    // 22 s: a first-order demo epoch at T1 = 10, fp32 (measured: 20 epochs at T1 = 5 in 240 s, bf16, 2 cores).
    out.attack = 22.0 * static_cast<double>(attack.epochs) * (stepsPerEpoch / 29.0) * solverCost(plan.solver) *
                 objectiveCost(plan.objective) * batchCost * lowerStepShare(attack.approx.lowerSteps) *
                 modelCost(plan.poisonArch) * std::min(defenseCost(plan.poisonDefense), 3.0) * precision.attack / speed;
    out.watermark = 0.5;
    // 1.9 s an epoch of 6,000 images in fp32 (GA, 2 cores; bf16 1.2-1.5 s measured on the demo row's and Table 1's
    // victims).
    out.trainVictim = 1.9 * static_cast<double>(victim.epochs) * (trainPoints / 6000.0) * modelCost(plan.retrainArch) *
                      defenseCost(plan.retrainDefense) * precision.train / speed;
    const double certified = points ? 1.0 : static_cast<double>(plan.points);
    // Features of the training set (a forward pass per image) and three detectors on the target class: a few seconds
    // at demo scale (not yet measured on its own; the forward pass dominates).
    out.detect = 0.5 * (trainPoints / 6000.0) * modelCost(plan.retrainArch) / speed + 2.0;
    out.certifyVictim = certified * static_cast<double>(plan.certify.n + plan.certify.n0) / 9500.0 * modelCost(plan.retrainArch) *
                        (plan.measurePgd ? 3.0 : 1.0) * precision.certify / speed;
    return out;
}

} // namespace pacd
