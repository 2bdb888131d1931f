#pragma once
// Float CHW images → QImage for display: the image itself, a blend of two, and the perturbation δ through a
// diverging colour map centred on δ = 0. imageFromFloats() is the one CHW → QImage conversion of the UI (the
// inspector's cells, the target picker's class thumbnails).
#include "inspector/image_metrics.h"

#include <QColor>
#include <QImage>

namespace pacd::ui {

/// Grayscale8 (1 channel) or RGB888 (3 channels); values clamped to [0, 1] and rounded to 8 bits.
QImage imageFromFloats(const float* image, const ImageShape& shape);

/// (1 − t)·clean + t·poisoned: t = 0 shows the clean image, t = 1 the poison (the lecture slider).
QImage blendedImage(const float* clean, const float* poisoned, const ImageShape& shape, double t);

/// The colour of an amplified perturbation value a = k·δ: the diverging part of OpenCV's TWILIGHT_SHIFTED map,
/// near white at a = 0, blue-violet at a = −0.5 and dark red at a = +0.5; |a| ≥ 0.5 saturates. For an ε-bounded poison k = 0.5/ε
/// uses the whole map.
QColor perturbationColour(double amplified);

/// δ = poisoned − clean, amplified by `amplification`, through perturbationColour(); colour images show the
/// mean of δ over the channels (its sign per pixel).
QImage perturbationImage(const float* clean, const float* poisoned, const ImageShape& shape, double amplification);

/// A horizontal bar of the colour map from −0.5 to +0.5 (the inspector's legend).
QImage perturbationLegend(int width, int height);

} // namespace pacd::ui
