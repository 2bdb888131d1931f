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

/// Class vote counts of the base classifier under noise: [points, classes] int64 on the CPU.
/// Draws `samplesPerPoint` noisy copies of every input (inputs [P, ...] in pixel space) and classifies them in
/// forward passes of at most config.batch rows, several points per pass when samplesPerPoint is small.
/// The model is used as it is (callers put it in eval mode); cancel is checked between passes.
torch::Tensor sampleVoteCounts(ClassifierImpl& model, const torch::Tensor& inputs, std::int64_t samplesPerPoint, double sigma,
                               std::int64_t batch, torch::Generator& generator, const CancelToken* cancel = nullptr);

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
