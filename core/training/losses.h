#pragma once
#include "models/classifier.h"
#include "training/train_config.h"

#include <torch/types.h>

#include <optional>

namespace pacd {

/// A training loss on one batch: the scalar to minimise and which points the trained classifier got right.
struct BatchLoss {
    torch::Tensor loss;    ///< scalar, mean over the batch
    torch::Tensor correct; ///< [N] bool: the prediction the method trains (noisy, soft or adversarial) equals the label
};

/// Standard training: cross-entropy of the model at `inputs`.
BatchLoss crossEntropyLoss(ClassifierImpl& model, const torch::Tensor& inputs, const torch::Tensor& labels);

/// Gaussian augmentation: cross-entropy at inputs + noise, where noise (same shape) is σ·N(0, I), one draw per step.
BatchLoss gaussianAugmentationLoss(ClassifierImpl& model, const torch::Tensor& inputs, const torch::Tensor& labels,
                                   const torch::Tensor& noise);

/// MACER's loss and its parts (all means over the batch).
struct MacerLoss {
    torch::Tensor loss;           ///< classification + λ·robustness
    torch::Tensor classification; ///< −log of the averaged softmax at the label
    torch::Tensor robustness;     ///< σ/2 · max(0, γ − ξ) over the points it applies to, / N
    torch::Tensor correct;        ///< [N] bool: the β-soft classifier predicts the label
    torch::Tensor hinged;         ///< [N] bool: points that pay the hinge (correct, finite ξ, ξ < γ)
};

/// MACER from the logits of the k noisy copies, [N, k, C]: classification −log(mean softmax_y + 1e−10); robustness
/// σ/2·max(0, γ − ξ) with ξ = Φ⁻¹(p̂_top) − Φ⁻¹(p̂_second) of the averaged softmax at inverse temperature β, only on
/// points the soft classifier gets right (misclassified points and non-finite ξ pay nothing, as in macer.py).
MacerLoss macerLossFromLogits(const torch::Tensor& logits, const torch::Tensor& labels, const MacerConfig& config, double sigma);

/// MACER on a batch: noise is [N, k, ...input shape] (σ·N(0, I)).
MacerLoss macerLoss(ClassifierImpl& model, const torch::Tensor& inputs, const torch::Tensor& labels, const torch::Tensor& noise,
                    const MacerConfig& config, double sigma);

/// SmoothAdv's inner maximisation: ℓ2 PGD from x that ascends −log of the softmax averaged over the m noisy
/// copies x' + noise[:, j] (noise [N, m, ...]), with normalised-gradient steps of 2ε/steps, each followed by
/// clipping x' to [0, 1] and projecting δ onto the ε ball, so that x' stays in both. A zero gradient is replaced
/// by a random direction drawn from `generator`. Runs the model as the caller set it (SmoothAdv attacks in eval
/// mode) and leaves parameter gradients untouched. Returns x' (no gradient).
torch::Tensor smoothAdvAttack(ClassifierImpl& model, const torch::Tensor& inputs, const torch::Tensor& labels,
                              const torch::Tensor& noise, double epsilon, std::int64_t steps,
                              std::optional<torch::Generator> generator = std::nullopt);

/// 4-pixel zero padding + random 32×32-style crop back to the input size and a horizontal flip with probability
/// 1/2, per image, drawn from `generator` (CPU). Inputs [N, C, H, W].
torch::Tensor cropFlipAugment(const torch::Tensor& images, torch::Generator& generator, std::int64_t padding = 4);

} // namespace pacd
