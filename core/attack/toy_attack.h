#pragma once
#include "attack/approx_grad.h"
#include "data/toy_gaussians.h"
#include "support/cancel.h"
#include "support/progress.h"

#include <cstdint>
#include <functional>
#include <vector>

namespace pacd {

/// The paper's toy (App. D.2): poison class y = −1 of two 2-D isotropic Gaussians against logistic regression
/// trained with Gaussian augmentation, by ApproxGrad, then retrain from scratch and measure the radius.
struct ToyAttackConfig {
    ToyGaussiansConfig data{2000, 0.2, 0.8, 0.3, 0};       ///< training data; class 0 (y = −1) is poisoned entirely
    double epsilon = 0.1;                                  ///< ℓ∞ budget per coordinate
    double sigma = 0.25;                                   ///< Gaussian augmentation noise of the lower level and retraining
    std::int64_t warmupSteps = 300;                        ///< lower-level steps on clean data before the attack
    std::int64_t upperSteps = 40;                          ///< ApproxGrad upper steps (all poisons in one batch)
    std::int64_t retrainSteps = 1500;                      ///< full-batch Adam steps of each retraining
    double learningRate = 0.05;                            ///< Adam's lr for the logistic regression (lower level, retraining)
    LinearSolver solver = LinearSolver::ConjugateGradient; ///< 6 parameters: CG solves the system exactly
    std::uint64_t seed = 0;

    /// Throws pacd::Error naming the first bad setting.
    void validate() const;
};

/// Radii are distances from the class −1 mean (the population's, not the sample's) to the decision boundary:
/// for a linear classifier the smoothed classifier is the classifier itself and its certified radius is exactly
/// that distance (Cohen et al.).
struct ToyAttackResult {
    double analyticClean = 0.0;    ///< |μ₊ − μ₋|·√2/2 = 0.4243 for the paper's means
    double analyticPoisoned = 0.0; ///< the same with class −1's training mean moved by ε away: 0.3536
    double cleanRadius = 0.0;      ///< measured on logistic regression retrained on clean data
    double poisonedRadius = 0.0;   ///< measured on logistic regression retrained on the poisons
    double cleanAcr = 0.0;         ///< mean exact radius (0 if misclassified) over fresh class −1 test points
    double poisonedAcr = 0.0;
    std::vector<double> meanShift;                 ///< mean of (u − x_base) per coordinate; negative = away from class +1
    torch::Tensor base, poisons;                   ///< [n, 2]
    torch::Tensor cleanBoundary, poisonedBoundary; ///< [3]: (a, b, c) of a·x + b·y + c = 0
    std::vector<UpperStepStats> steps;
};

/// The state after one upper step of the toy attack, for watching the poisons move (the GUI's toy playground):
/// progress events carry only metrics, and copying 2n coordinates per step is cheap at the toy's size.
struct ToyAttackStep {
    std::int64_t step = 0;       ///< upper steps done, 1..total
    std::int64_t total = 0;      ///< config.upperSteps
    torch::Tensor poisons;       ///< [n, 2] after this step (a copy the observer may keep)
    torch::Tensor lowerBoundary; ///< [3]: (a, b, c) of the lower level's current boundary a·x + b·y + c = 0
    UpperStepStats stats;
};

/// Called on the attack's thread after every upper step, before the cancel check of the next one.
using ToyStepObserver = std::function<void(const ToyAttackStep&)>;

/// Runs the whole toy experiment; reports stage "toy" per upper step (metrics: upper, hypergradient, shift) and,
/// when `observer` is set, hands it the poisons and the lower level's boundary after each upper step.
ToyAttackResult runToyAttack(const ToyAttackConfig& config, CancelToken& cancel, const ProgressSink& progress,
                             const ToyStepObserver& observer = {});

/// Exact certified radius of a two-class linear classifier's smoothed version for each point: the signed
/// distance to the boundary on the label's side, 0 when misclassified. logits = x·Wᵀ + b, W [2, d].
torch::Tensor linearCertifiedRadius(const torch::Tensor& weight, const torch::Tensor& bias, const torch::Tensor& points,
                                    const torch::Tensor& labels);

/// Distance of the class −1 mean to the bisector of the class means after moving class −1's (training) mean by
/// `shift` per coordinate, in `dimensions` dimensions.
double toyAnalyticRadius(double negativeMean, double positiveMean, double shift, std::int64_t dimensions = 2);

} // namespace pacd
