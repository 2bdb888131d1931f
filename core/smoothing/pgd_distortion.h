#pragma once
#include "models/classifier.h"
#include "support/cancel.h"
#include "support/progress.h"

#include <torch/types.h>

#include <cstdint>
#include <vector>

namespace pacd {

/// Settings of the empirical-robustness measurement (paper §4.6, App. E.3; Salman et al.'s ℓ2 PGD on the
/// smoothed classifier).
struct PgdDistortionConfig {
    double sigma = 0.25;          ///< smoothing noise level
    std::int64_t samples = 20;    ///< m noise samples per gradient step (App. E.3: 20 MNIST, 10 CIFAR-10)
    std::int64_t steps = 100;     ///< PGD steps per tried ε (App. E.3: 100)
    std::int64_t iterations = 10; ///< bisection rounds over ε (log scale; 10 rounds resolve 0.7 %)
    double minEpsilon = 0.01;     ///< search interval of ε (App. E.3: (0.01, 10))
    double maxEpsilon = 10.0;
    double stepScale = 2.5;       ///< step size = stepScale·ε / steps (Madry et al.'s rule)
    std::int64_t evalSamples = 1000; ///< noise samples of the vote that decides whether the prediction changed
    bool clipToUnitBox = true;    ///< keep x + δ in [0, 1] (images); off for feature vectors such as the toy
    std::int64_t batch = 1000;    ///< noisy samples per forward pass
    std::uint64_t seed = 0;       ///< seed of the noise generator

    /// Throws pacd::Error naming the first bad setting.
    void validate() const;
};

/// The smallest ℓ2 distortion found for one point.
struct DistortionResult {
    std::int64_t index = 0;           ///< position of the point in its data set
    std::int64_t label = 0;           ///< true class
    std::int64_t cleanPrediction = 0; ///< the smoothed classifier's vote at the clean point (the attacked class)
    bool found = false;               ///< an attack within maxEpsilon changed the prediction
    double distortion = 0.0;          ///< ‖δ‖₂ of the smallest successful attack; +inf when none was found
};

/// For every point (inputs [N, ...], labels [N]), bisects ε for the smallest ℓ2 PGD perturbation that changes
/// the smoothed classifier's vote. PGD ascends the cross-entropy of the averaged softmax with respect to the clean
/// vote, with normalised-gradient steps projected onto the ε ball (and [0, 1] when clipToUnitBox). Reports stage
/// "pgd-distortion".
std::vector<DistortionResult> pgdDistortion(ClassifierImpl& model, const torch::Tensor& inputs,
                                            const torch::Tensor& labels, const PgdDistortionConfig& config,
                                            CancelToken& cancel, const ProgressSink& progress,
                                            const std::vector<std::int64_t>& indices = {});

/// Mean distortion over the points where an attack was found (NaN when none).
double meanDistortion(const std::vector<DistortionResult>& results);

} // namespace pacd
