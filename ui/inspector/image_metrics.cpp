#include "inspector/image_metrics.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace pacd::ui {
namespace {

constexpr int kWindow = 11;
constexpr double kWindowSigma = 1.5;
constexpr double kC1 = 0.01 * 0.01; // (K1·L)², L = 1
constexpr double kC2 = 0.03 * 0.03; // (K2·L)²

// One channel as a double matrix (a copy: the caller's buffer stays const).
cv::Mat channelOf(const float* image, const ImageShape& shape, int channel) {
    cv::Mat plane(shape.height, shape.width, CV_32F, const_cast<float*>(image + channel * shape.height * shape.width));
    cv::Mat out;
    plane.convertTo(out, CV_64F);
    return out;
}

cv::Mat blur(const cv::Mat& m) {
    cv::Mat out;
    cv::GaussianBlur(m, out, cv::Size(kWindow, kWindow), kWindowSigma, kWindowSigma, cv::BORDER_REFLECT_101);
    return out;
}

double ssimOfChannel(const cv::Mat& x, const cv::Mat& y) {
    const cv::Mat muX = blur(x), muY = blur(y);
    const cv::Mat muXX = muX.mul(muX), muYY = muY.mul(muY), muXY = muX.mul(muY);
    const cv::Mat sigmaXX = blur(x.mul(x)) - muXX;
    const cv::Mat sigmaYY = blur(y.mul(y)) - muYY;
    const cv::Mat sigmaXY = blur(x.mul(y)) - muXY;
    cv::Mat numerator = (2 * muXY + kC1).mul(2 * sigmaXY + kC2);
    cv::Mat denominator = (muXX + muYY + kC1).mul(sigmaXX + sigmaYY + kC2);
    cv::Mat map;
    cv::divide(numerator, denominator, map);
    // Positions whose whole window lies inside the image: the border handling then plays no part.
    const int margin = kWindow / 2;
    if (x.rows > 2 * margin && x.cols > 2 * margin) map = map(cv::Rect(margin, margin, x.cols - 2 * margin, x.rows - 2 * margin));
    return cv::mean(map)[0];
}

} // namespace

double psnr(const float* reference, const float* test, const ImageShape& shape) {
    double squares = 0.0;
    for (int i = 0; i < shape.size(); ++i) {
        const double d = static_cast<double>(test[i]) - static_cast<double>(reference[i]);
        squares += d * d;
    }
    if (squares == 0.0) return std::numeric_limits<double>::infinity();
    return 10.0 * std::log10(1.0 / (squares / shape.size()));
}

double ssim(const float* reference, const float* test, const ImageShape& shape) {
    double sum = 0.0;
    for (int c = 0; c < shape.channels; ++c)
        sum += ssimOfChannel(channelOf(reference, shape, c), channelOf(test, shape, c));
    return sum / shape.channels;
}

PerturbationMetrics perturbationMetrics(const float* clean, const float* poisoned, const ImageShape& shape) {
    PerturbationMetrics metrics;
    double squares = 0.0;
    for (int i = 0; i < shape.size(); ++i) {
        const double d = static_cast<double>(poisoned[i]) - static_cast<double>(clean[i]);
        metrics.linf = std::max(metrics.linf, std::abs(d));
        squares += d * d;
    }
    metrics.l2 = std::sqrt(squares);
    metrics.psnr = psnr(clean, poisoned, shape);
    metrics.ssim = ssim(clean, poisoned, shape);
    return metrics;
}

} // namespace pacd::ui
