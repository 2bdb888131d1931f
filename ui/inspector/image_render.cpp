#include "inspector/image_render.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <QVector>

#include <algorithm>
#include <cmath>
#include <functional>

namespace pacd::ui {
namespace {

int toByte(double v) {
    return static_cast<int>(std::lround(std::clamp(v, 0.0, 1.0) * 255.0));
}

// The 256 colours of the map, computed once through OpenCV (BGR → QColor).
const QVector<QColor>& colourTable() {
    static const QVector<QColor> table = [] {
        cv::Mat ramp(1, 256, CV_8UC1);
        for (int i = 0; i < 256; ++i)
            ramp.at<std::uint8_t>(0, i) = static_cast<std::uint8_t>(i);
        cv::Mat coloured;
        cv::applyColorMap(ramp, coloured, cv::COLORMAP_TWILIGHT_SHIFTED);
        QVector<QColor> colours(256);
        for (int i = 0; i < 256; ++i) {
            const auto bgr = coloured.at<cv::Vec3b>(0, i);
            colours[i] = QColor(bgr[2], bgr[1], bgr[0]);
        }
        return colours;
    }();
    return table;
}

QImage fromFunction(const ImageShape& shape, const std::function<double(int, int, int)>& value) {
    if (shape.channels == 1) {
        QImage out(shape.width, shape.height, QImage::Format_Grayscale8);
        for (int y = 0; y < shape.height; ++y) {
            auto* line = out.scanLine(y);
            for (int x = 0; x < shape.width; ++x)
                line[x] = static_cast<uchar>(toByte(value(0, y, x)));
        }
        return out;
    }
    QImage out(shape.width, shape.height, QImage::Format_RGB888);
    for (int y = 0; y < shape.height; ++y) {
        auto* line = out.scanLine(y);
        for (int x = 0; x < shape.width; ++x)
            for (int c = 0; c < 3; ++c)
                line[3 * x + c] = static_cast<uchar>(toByte(value(c, y, x)));
    }
    return out;
}

} // namespace

QImage imageFromFloats(const float* image, const ImageShape& shape) {
    const int plane = shape.height * shape.width;
    return fromFunction(shape, [&](int c, int y, int x) { return image[c * plane + y * shape.width + x]; });
}

QImage blendedImage(const float* clean, const float* poisoned, const ImageShape& shape, double t) {
    const int plane = shape.height * shape.width;
    return fromFunction(shape, [&](int c, int y, int x) {
        const int i = c * plane + y * shape.width + x;
        return (1.0 - t) * clean[i] + t * poisoned[i];
    });
}

QColor perturbationColour(double amplified) {
    // TWILIGHT_SHIFTED is cyclic: both of its ends are the same dark purple, so +ε and −ε would look alike. The
    // diverging part is indices 40 (blue-violet) … 128 (white) … 216 (dark red); a = ±0.5 maps to those.
    constexpr double kMiddle = 128.0, kHalfSpan = 88.0;
    const int index = static_cast<int>(std::lround(kMiddle + 2.0 * kHalfSpan * std::clamp(amplified, -0.5, 0.5)));
    return colourTable()[std::clamp(index, 0, 255)];
}

QImage perturbationImage(const float* clean, const float* poisoned, const ImageShape& shape, double amplification) {
    const int plane = shape.height * shape.width;
    QImage out(shape.width, shape.height, QImage::Format_RGB32);
    for (int y = 0; y < shape.height; ++y)
        for (int x = 0; x < shape.width; ++x) {
            double delta = 0.0;
            for (int c = 0; c < shape.channels; ++c) {
                const int i = c * plane + y * shape.width + x;
                delta += static_cast<double>(poisoned[i]) - static_cast<double>(clean[i]);
            }
            out.setPixelColor(x, y, perturbationColour(amplification * delta / shape.channels));
        }
    return out;
}

QImage perturbationLegend(int width, int height) {
    QImage out(width, height, QImage::Format_RGB32);
    for (int x = 0; x < width; ++x) {
        const QColor colour = perturbationColour(width > 1 ? -0.5 + static_cast<double>(x) / (width - 1) : 0.0);
        for (int y = 0; y < height; ++y)
            out.setPixelColor(x, y, colour);
    }
    return out;
}

} // namespace pacd::ui
