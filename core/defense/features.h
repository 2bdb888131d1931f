#pragma once
#include "models/classifier.h"

#include <torch/types.h>

namespace pacd {

/// The penultimate-layer features [N, D] (float32, on the CPU) of `images` under `model` in eval mode without
/// gradients, `batch` rows per forward pass on the model's device (the detectors' input).
torch::Tensor extractFeatures(ClassifierImpl& model, const torch::Tensor& images, std::int64_t batch = 500);

} // namespace pacd
