#pragma once
#include "data/dataset.h"

#include <cstdint>

namespace pacd {

/// The paper's 2-D toy (App. D.2): two isotropic Gaussians with equal priors. Class 0 is y = -1 (the class
/// the attacker poisons), class 1 is y = +1. Defaults are the paper's.
struct ToyGaussiansConfig {
    std::int64_t pointsPerClass = 500; ///< points drawn from each class
    double negativeMean = 0.2;         ///< mean of class y = -1 in each coordinate
    double positiveMean = 0.8;         ///< mean of class y = +1 in each coordinate
    double stddev = 0.3;               ///< per-coordinate standard deviation of both classes
    std::uint64_t seed = 0;            ///< draws are identical on every platform for the same seed
};

/// Draws the toy data set: images [2 * pointsPerClass, 2] (not clipped to [0, 1]), labels 0 then 1.
Dataset makeToyGaussians(const ToyGaussiansConfig& config = {});

} // namespace pacd
