#pragma once
// Saving a QCustomPlot as PNG, PDF or SVG at a chosen size (pixels or centimetres) and resolution.
#include <QSize>
#include <QSizeF>
#include <QString>

class QCustomPlot;
class QImage;

namespace pacd::ui {

enum class PlotFormat { Png, Pdf, Svg };
enum class SizeUnit { Pixels, Centimetres };

/// Defaults: a 16 × 10 cm figure at 300 dpi, a common single-column journal size.
struct PlotExportSettings {
    PlotFormat format = PlotFormat::Png;
    double width = 16.0;
    double height = 10.0;
    SizeUnit unit = SizeUnit::Centimetres;
    int dpi = 300; ///< dots per inch: converts between pixels and centimetres, and scales text and lines
};

/// The output's size in pixels: width × height in pixels, or centimetres × dpi / 2.54, rounded.
QSize exportPixelSize(const PlotExportSettings& settings);
/// The output's physical size in millimetres (pixels / dpi · 25.4, or the centimetres given).
QSizeF exportMillimetres(const PlotExportSettings& settings);
/// From the file name's suffix (.png, .pdf, .svg; case-insensitive); PNG otherwise.
PlotFormat plotFormatForFile(const QString& path);
QString plotFormatSuffix(PlotFormat format);

/// Renders the plot at the settings' size: the plot is laid out at (pixels × 96 / dpi) logical pixels and scaled by
/// dpi / 96, so that fonts and pens keep their printed size whatever the resolution. Written through QSaveFile
/// (a failed export leaves no half-written file). Returns false with a message naming the file on failure.
bool exportPlot(QCustomPlot& plot, const QString& path, const PlotExportSettings& settings, QString* error = nullptr);

/// Writes an image as PNG through QSaveFile (the inspector grid); false with a message naming the file on failure.
bool saveImagePng(const QImage& image, const QString& path, QString* error = nullptr);

} // namespace pacd::ui
