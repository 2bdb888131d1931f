#pragma once
#include "models/classifier.h"
#include "smoothing/certify_config.h"
#include "smoothing/metrics.h"
#include "support/cancel.h"
#include "support/progress.h"

#include <torch/types.h>

#include <cstdint>
#include <vector>

namespace pacd {

/// How noisy samples go through the model: speed only, the noise of the votes is the same whatever these are.
struct ForwardPasses {
    std::int64_t rows = 0;     ///< samples per forward pass; 0 = one pass per noise block
    bool channelsLast = false; ///< 4-D inputs in channels-last layout (for models whose weights are; models/layout.h)
};

/// Class vote counts of the base classifier under noise: [points, classes] int64 on the CPU.
/// Draws `samplesPerPoint` noisy copies of every input (inputs [P, ...] in pixel space) in blocks of `batch`
/// rows, several points per block when samplesPerPoint is small, and classifies them in passes of passes.rows.
/// The model is used as it is (callers put it in eval mode and set the precision); cancel is checked per block.
torch::Tensor sampleVoteCounts(ClassifierImpl& model, const torch::Tensor& inputs, std::int64_t samplesPerPoint, double sigma,
                               std::int64_t batch, torch::Generator& generator, const CancelToken* cancel = nullptr,
                               const ForwardPasses& passes = {});

/// A seeded noise generator for `device`, so that runs are reproducible.
torch::Generator makeNoiseGenerator(const torch::Device& device, std::uint64_t seed);

/// Runs CERTIFY on every point (inputs [N, ...] in [0, 1], labels [N]); `indices` name the points in the
/// results (empty = 0..N-1). Abstentions have predicted = -1 and radius 0. Reports stage "certify".
std::vector<PointResult> certify(ClassifierImpl& model, const torch::Tensor& inputs, const torch::Tensor& labels,
                                 const CertifyConfig& config, CancelToken& cancel, const ProgressSink& progress,
                                 const std::vector<std::int64_t>& indices = {});

/// Runs PREDICT on every point: the top vote among n samples unless a two-sided binomial test between the top
/// two counts has p-value > alpha (then predicted = -1). Radius is 0. Reports stage "predict".
std::vector<PointResult> predict(ClassifierImpl& model, const torch::Tensor& inputs, const torch::Tensor& labels,
                                 const CertifyConfig& config, CancelToken& cancel, const ProgressSink& progress,
                                 const std::vector<std::int64_t>& indices = {});

} // namespace pacd
