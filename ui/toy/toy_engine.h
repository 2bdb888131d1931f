#pragma once
// The toy playground's view of core/attack/toy_attack.h in plain types: no torch and no Qt here, so that the
// widgets never include torch (Qt's `slots` macro breaks its headers). toy_engine.cpp is the only file of ui/toy
// that includes torch, and it includes no Qt.
#include "support/cancel.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace pacd::ui {

/// What the playground lets the user change; the rest is ToyAttackConfig's defaults (App. D.2).
struct ToySettings {
    double epsilon = 0.1;            ///< ℓ∞ budget per coordinate
    double sigma = 0.25;             ///< Gaussian augmentation noise
    std::int64_t upperSteps = 40;    ///< ApproxGrad upper steps
    std::int64_t pointsPerClass = 0; ///< 0 = ToyAttackConfig's default
    std::int64_t retrainSteps = 0;   ///< 0 = ToyAttackConfig's default
    std::uint64_t seed = 0;          ///< seed of the lower level and retraining (the data's seed stays the paper's)
};

/// ToyAttackConfig's own defaults, in playground form (the single source of the defaults is the core).
ToySettings defaultToySettings();

/// A line a·x + b·y + c = 0; the positive side is class −1's (the class the attacker poisons).
struct ToyLine {
    double a = 0.0, b = 0.0, c = 0.0;
    bool isValid() const { return a != 0.0 || b != 0.0; }
    /// Euclidean distance of (x, y) to the line: a linear classifier's certified radius there (Cohen et al.).
    double distance(double x, double y) const;
    /// Which side: > 0 class −1, < 0 class +1.
    double side(double x, double y) const { return a * x + b * y + c; }
};

struct ToyPoints {
    std::vector<double> x, y;
    std::size_t size() const { return x.size(); }
};

/// The training data: class −1 (the clean bases of the poisons) and class +1, and the class means.
struct ToyData {
    ToyPoints negative, positive;
    double negativeMean = 0.2, positiveMean = 0.8;
};
/// The same points runToyAttack trains on for these settings.
ToyData toyData(const ToySettings& settings);

/// After one upper step of the attack.
struct ToyStepView {
    std::int64_t step = 0, total = 0;
    ToyPoints poisons;
    ToyLine lowerBoundary; ///< the lower level's current boundary
    double upper = 0.0;    ///< the upper objective (the class −1 validation ACR) before the step
};

/// The finished experiment: boundaries retrained from scratch on clean and on poisoned data, and the radii of the
/// class −1 mean, measured and analytic (0.4243 → 0.3536 at the paper's settings).
struct ToyOutcome {
    ToyData data;
    ToyPoints poisons;
    ToyLine cleanBoundary, poisonedBoundary;
    double analyticClean = 0, analyticPoisoned = 0, cleanRadius = 0, poisonedRadius = 0, cleanAcr = 0, poisonedAcr = 0;
    double meanShiftX = 0, meanShiftY = 0;
    double seconds = 0;
};

/// The Bayes boundary of the two Gaussians after class −1's mean moves by `shift` per coordinate: the bisector
/// x + y = μ₋ + shift + μ₊ (shift 0: the clean optimum; −ε: the optimally poisoned one).
ToyLine analyticToyBoundary(double negativeMean, double positiveMean, double shift);

/// Runs pacd::runToyAttack; calls `onStep` after every upper step on the calling thread. Throws pacd::Cancelled
/// when `cancel` is set, pacd::Error for bad settings.
ToyOutcome runToy(const ToySettings& settings, CancelToken& cancel, const std::function<void(const ToyStepView&)>& onStep);

} // namespace pacd::ui
