#pragma once
#include "models/classifier.h"
#include "smoothing/pgd_config.h"
#include "support/cancel.h"
#include "support/progress.h"

#include <torch/types.h>

#include <cstdint>
#include <vector>

namespace pacd {

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
std::vector<DistortionResult> pgdDistortion(ClassifierImpl& model, const torch::Tensor& inputs, const torch::Tensor& labels,
                                            const PgdDistortionConfig& config, CancelToken& cancel, const ProgressSink& progress,
                                            const std::vector<std::int64_t>& indices = {});

/// Mean distortion over the points where an attack was found (NaN when none).
double meanDistortion(const std::vector<DistortionResult>& results);

} // namespace pacd
