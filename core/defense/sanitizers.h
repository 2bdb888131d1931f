#pragma once
// Sanitisers applied to every training image before a victim is retrained (defense_config.h names them): cheap
// input transformations that may wash out small ℓ∞ perturbations and cost some clean accuracy.
#include "defense/defense_config.h"

#include <torch/types.h>

namespace pacd {

/// Bit-depth reduction: round(x (2^bits − 1)) / (2^bits − 1) (round half to even). images in [0, 1].
torch::Tensor reduceBitDepth(const torch::Tensor& images, int bits);
/// Median over a kernel x kernel window (kernel odd) per channel, edges replicated. images [N, C, H, W].
torch::Tensor medianFilter(const torch::Tensor& images, int kernel);
/// Gaussian blur per channel, s.d. `sigma` pixels, separable kernel of radius ceil(3 sigma) normalised to sum 1,
/// edges replicated. images [N, C, H, W].
torch::Tensor gaussianBlur(const torch::Tensor& images, double sigma);
/// JPEG encoding at `quality` and decoding (OpenCV; values quantised to 8 bits first; 3-channel images are taken
/// as RGB). Throws pacd::Error in a build without OpenCV. images [N, C, H, W] with C 1 or 3, in [0, 1].
torch::Tensor jpegReencode(const torch::Tensor& images, int quality);
/// Whether this build can JPEG-encode (it has OpenCV).
bool jpegSupported();

/// Applies one sanitiser to images [N, C, H, W] in [0, 1] (float32 out, same shape); None returns the input.
torch::Tensor sanitize(const torch::Tensor& images, const SanitizerSetting& setting);

} // namespace pacd
