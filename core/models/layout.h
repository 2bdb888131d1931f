#pragma once
// Memory layout of a model's convolution weights. oneDNN (CPU) and cuDNN (tensor cores) run convolutions fastest
// on channels-last (NHWC) tensors; LibTorch's default is NCHW, and converting per call costs what it saves.
#include <torch/nn/module.h>

namespace pacd {

/// Whether the model's 4-D weights are channels-last (then its 4-D inputs should be too, see certify's passes).
bool usesChannelsLast(const torch::nn::Module& model);

/// Moves every 4-D parameter and buffer into channels-last (on = true) or back to NCHW, in place: the tensors
/// keep their identity, so optimisers, autocast and ApproxGrad keep their handles. Values are unchanged.
void setChannelsLast(torch::nn::Module& model, bool on);

} // namespace pacd
