#pragma once
#include "models/classifier.h"

#include <cstdint>

namespace pacd {

/// A model's size in float32 values, worked out from its spec (no model is built, no generator is touched),
/// for refusing runs that cannot fit in memory before they start.
struct ModelFootprint {
    std::int64_t parameters = 0;  ///< trainable scalars (equals parameterCount() of the built model)
    std::int64_t inputs = 0;      ///< values of one input sample (C·H·W)
    std::int64_t activations = 0; ///< values of every layer output for one sample: what autograd keeps for backward
    std::int64_t widestLayer = 0; ///< values of the largest single layer output for one sample: the inference peak
};

/// Throws pacd::Error for an unknown architecture.
ModelFootprint modelFootprint(const ModelSpec& spec);

/// Estimates in bytes (float32). They count the tensors that dominate; LibTorch's workspaces and allocator slack
/// come on top, so they are lower bounds meant to catch settings that cannot possibly fit, not tight predictions.
///
/// Inference (CERTIFY/PREDICT) on `rows` noisy samples per forward pass: the weights, then per row the clean copy,
/// the noise and the normalised input (3 × inputs) and two layers alive at once (2 × widest layer).
std::int64_t inferenceBytes(const ModelFootprint& model, std::int64_t rows);
/// One training step on `rows` inputs (batch × noise samples per point): weights, gradients and Adam's two
/// moments (4 × parameters), and per row the input and its noisy copy plus every activation and its gradient.
std::int64_t trainingBytes(const ModelFootprint& model, std::int64_t rows);
/// One PACD upper step: `lowerRows` (clean + poison batch × noise samples) through a double backward (the first
/// backward's graph is kept: 3 × activations), `upperRows` (validation batch × k) through the soft smoothed
/// classifier (2 × activations), and 8 parameter-sized tensors (weights, gradients, Adam, q, Hessian-vector products).
std::int64_t attackBytes(const ModelFootprint& model, std::int64_t lowerRows, std::int64_t upperRows);

} // namespace pacd
