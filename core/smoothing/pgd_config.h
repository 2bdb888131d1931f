#pragma once
// The PGD distortion measurement's settings, torch-free so that plans can hold them.
#include <cstdint>

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
    double stepScale = 2.5;          ///< step size = stepScale·ε / steps (Madry et al.'s rule)
    std::int64_t evalSamples = 1000; ///< noise samples of the vote that decides whether the prediction changed
    bool clipToUnitBox = true;       ///< keep x + δ in [0, 1] (images); off for feature vectors such as the toy
    std::int64_t batch = 1000;       ///< noisy samples per forward pass
    std::uint64_t seed = 0;          ///< seed of the noise generator

    /// Throws pacd::Error naming the first bad setting.
    void validate() const;
};

} // namespace pacd
