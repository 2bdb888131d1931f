#pragma once
// Image-quality figures of a poison against its clean base, on plain float buffers (no Qt, no torch, no OpenCV in
// this header), so that they can be checked against known values in isolation.

namespace pacd::ui {

/// Shape of a channel-major (C×H×W) float image in [0, 1]: 1 channel (MNIST) or 3 (CIFAR-10, RGB).
struct ImageShape {
    int channels = 1;
    int height = 0;
    int width = 0;

    int size() const { return channels * height * width; }
    bool isValid() const { return (channels == 1 || channels == 3) && height > 0 && width > 0; }
};

/// The figures the inspector shows per image, for δ = poisoned − clean.
struct PerturbationMetrics {
    double linf = 0.0; ///< max |δ|
    double l2 = 0.0;   ///< ‖δ‖₂ over all channels and pixels
    double psnr = 0.0; ///< dB, peak 1; +infinity when the images are equal
    double ssim = 1.0; ///< mean SSIM over channels
};

/// Peak signal-to-noise ratio for images in [0, 1] (peak 1): 10·log10(1 / MSE); +infinity when MSE = 0.
double psnr(const float* reference, const float* test, const ImageShape& shape);

/// Structural similarity (Wang et al. 2004): 11×11 Gaussian window with σ = 1.5, C1 = (0.01·L)², C2 = (0.03·L)²,
/// L = 1, population (co)variances, averaged over the window positions that lie inside the image (as Wang's
/// reference code, "valid" filtering) and then over channels. Images smaller than 11 pixels use every position
/// with reflected borders.
double ssim(const float* reference, const float* test, const ImageShape& shape);

/// L∞ and L2 norms of δ = poisoned − clean, PSNR and SSIM of the poisoned image against the clean one.
PerturbationMetrics perturbationMetrics(const float* clean, const float* poisoned, const ImageShape& shape);

} // namespace pacd::ui
