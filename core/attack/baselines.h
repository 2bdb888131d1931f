#pragma once
#include "data/value_range.h"

#include <torch/types.h>

#include <cstdint>

namespace pacd {

/// The watermarking baseline (§4, App. E.3): each base image gets a random image of another class overlaid at
/// `opacity` (poison = γ·other + (1 − γ)·base), then clipped to the ℓ∞ ball of radius ε around the base and, for
/// images (`range` UnitInterval), to [0, 1], so that it is comparable to PACD's budget. `others` is the pool of
/// other-class images.
torch::Tensor watermarkPoisons(const torch::Tensor& base, const torch::Tensor& others, double opacity, double epsilon,
                               std::uint64_t seed, ValueRange range);

/// Uniform random sign noise: every value moves by +ε or −ε with equal probability, then, for images, is clipped to
/// [0, 1].
torch::Tensor randomSignPoisons(const torch::Tensor& base, double epsilon, std::uint64_t seed, ValueRange range);

} // namespace pacd
