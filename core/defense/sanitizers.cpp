#include "defense/sanitizers.h"

#include "support/error.h"

#include <torch/torch.h>

#include <cmath>

namespace pacd {
namespace {

void requireImages(const torch::Tensor& images, const char* what) {
    require(images.dim() == 4, what, ": needs images [N, C, H, W], got ", images.sizes());
}

} // namespace

torch::Tensor reduceBitDepth(const torch::Tensor& images, int bits) {
    require(bits >= 1 && bits <= 8, "bit-depth reduction: ", bits, " bits is outside [1, 8]");
    const double levels = std::ldexp(1.0, bits) - 1.0;
    return torch::round(images.to(torch::kFloat) * levels) / levels;
}

torch::Tensor medianFilter(const torch::Tensor& images, int kernel) {
    requireImages(images, "median filter");
    require(kernel >= 1 && kernel % 2 == 1, "median filter: kernel ", kernel, " is not odd and positive");
    if (kernel == 1) return images.to(torch::kFloat).clone();
    const int r = kernel / 2;
    namespace F = torch::nn::functional;
    const auto padded = F::pad(images.to(torch::kFloat), F::PadFuncOptions({r, r, r, r}).mode(torch::kReplicate));
    // [N, C, H, W, k, k] windows; k² is odd, so the median is the middle value.
    const auto windows = padded.unfold(2, kernel, 1).unfold(3, kernel, 1).flatten(4);
    return std::get<0>(windows.median(-1));
}

torch::Tensor gaussianBlur(const torch::Tensor& images, double sigma) {
    requireImages(images, "Gaussian blur");
    require(std::isfinite(sigma) && sigma > 0, "Gaussian blur: s.d. ", sigma, " must be > 0");
    const auto r = static_cast<std::int64_t>(std::ceil(3 * sigma));
    auto taps = torch::arange(-r, r + 1, torch::kDouble);
    taps = torch::exp(-taps.pow(2) / (2 * sigma * sigma));
    taps = (taps / taps.sum()).to(torch::kFloat);
    const auto channels = images.size(1);
    namespace F = torch::nn::functional;
    auto x = F::pad(images.to(torch::kFloat), F::PadFuncOptions({r, r, r, r}).mode(torch::kReplicate));
    const auto horizontal = taps.view({1, 1, 1, -1}).expand({channels, 1, 1, 2 * r + 1}).contiguous();
    const auto vertical = taps.view({1, 1, -1, 1}).expand({channels, 1, 2 * r + 1, 1}).contiguous();
    x = F::conv2d(x, horizontal, F::Conv2dFuncOptions().groups(channels));
    return F::conv2d(x, vertical, F::Conv2dFuncOptions().groups(channels));
}

torch::Tensor sanitize(const torch::Tensor& images, const SanitizerSetting& setting) {
    const auto p = setting.parameter;
    switch (setting.kind) {
    case Sanitizer::None:
        return images;
    case Sanitizer::BitDepth:
        return reduceBitDepth(images, static_cast<int>(p));
    case Sanitizer::Jpeg:
        return jpegReencode(images, static_cast<int>(p));
    case Sanitizer::Median:
        return medianFilter(images, static_cast<int>(p));
    case Sanitizer::Blur:
        return gaussianBlur(images, p);
    }
    fail("unknown sanitizer #", static_cast<int>(setting.kind));
}

} // namespace pacd
