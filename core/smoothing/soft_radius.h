#pragma once
#include "models/classifier.h"

#include <torch/types.h>

#include <cstdint>
#include <optional>

namespace pacd {

/// Settings of the soft smoothed classifier (paper §3.2, Alg. 1; MACER's relaxation).
struct SoftRadiusConfig {
    double sigma = 0.25;              ///< smoothing noise level
    std::int64_t samples = 20;        ///< k noise samples per point (App. E.3: K = 20)
    double inverseTemperature = 16.0; ///< softmax sharpness β (App. E.3: 16)
    double clampMargin = 0.001;       ///< a in (1 − 2a)·p + a, which keeps Φ⁻¹ finite

    /// Throws pacd::Error naming the first bad setting.
    void validate() const;
};

/// The soft smoothed classifier on a batch and its differentiable certified radius.
struct SoftRadius {
    torch::Tensor objective;     ///< scalar: sum of radii over the batch / batch size (Alg. 1's ξ)
    torch::Tensor radii;         ///< [N]: σ/2·(Φ⁻¹(p_y) − Φ⁻¹(max_{c≠y} p_c)), 0 where the soft prediction ≠ y
    torch::Tensor probabilities; ///< [N, C]: the averaged, clamped softmax
    torch::Tensor correct;       ///< [N] bool: soft prediction == label
};

/// Φ⁻¹ on tensors, differentiable: √2·erfinv(2p − 1).
torch::Tensor normalQuantile(const torch::Tensor& p);

/// Noise for softRadius(): σ·N(0, I) of shape [N, samples, ...input shape], on the inputs' device and dtype.
torch::Tensor drawSoftNoise(const torch::Tensor& inputs, std::int64_t samples, double sigma,
                            std::optional<torch::Generator> generator = std::nullopt);

/// Evaluates the soft smoothed classifier of `model` at inputs [N, ...] with labels [N]; the result is
/// differentiable w.r.t. the model's parameters and the inputs. `noise` ([N, k, ...], the perturbations added)
/// fixes the samples; when undefined, drawSoftNoise() draws k = config.samples from the global generator.
/// The model's train/eval mode is left as the caller set it.
SoftRadius softRadius(ClassifierImpl& model, const torch::Tensor& inputs, const torch::Tensor& labels,
                      const SoftRadiusConfig& config, const torch::Tensor& noise = {});

} // namespace pacd
