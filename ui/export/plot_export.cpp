#include "export/plot_export.h"

#include "plots/qcustomplot_include.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QImage>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>

#include <algorithm>
#include <cmath>
#include <functional>

namespace pacd::ui {
namespace {

constexpr double kLogicalDpi = 96.0; // the resolution QCustomPlot's fonts and pens are designed for
constexpr double kMmPerInch = 25.4;

// Messages go through tr() of this context (lupdate sees Q_DECLARE_TR_FUNCTIONS).
class PlotExport {
    Q_DECLARE_TR_FUNCTIONS(PlotExport)
};
using T = PlotExport;

bool fail(QString* error, const QString& message) {
    if (error) *error = message;
    return false;
}

// Lays the plot out at `pixels` × 96/dpi logical pixels and paints it scaled to `pixels` device pixels.
void paintPlot(QCustomPlot& plot, QCPPainter& painter, const QSize& pixels, int dpi) {
    const double scale = dpi / kLogicalDpi;
    const int logicalWidth = std::max(1, static_cast<int>(std::lround(pixels.width() / scale)));
    const int logicalHeight = std::max(1, static_cast<int>(std::lround(pixels.height() / scale)));
    // Separate factors absorb the rounding of the logical size, so the drawing fills the output exactly.
    painter.scale(static_cast<double>(pixels.width()) / logicalWidth, static_cast<double>(pixels.height()) / logicalHeight);
    plot.toPainter(&painter, logicalWidth, logicalHeight);
}

bool commit(QSaveFile& file, const QString& path, QString* error) {
    if (!file.commit()) return fail(error, T::tr("Cannot write %1: %2").arg(path, file.errorString()));
    return true;
}

} // namespace

QSize exportPixelSize(const PlotExportSettings& settings) {
    if (settings.unit == SizeUnit::Pixels)
        return {static_cast<int>(std::lround(settings.width)), static_cast<int>(std::lround(settings.height))};
    const double perCm = settings.dpi / 2.54;
    return {static_cast<int>(std::lround(settings.width * perCm)), static_cast<int>(std::lround(settings.height * perCm))};
}

QSizeF exportMillimetres(const PlotExportSettings& settings) {
    if (settings.unit == SizeUnit::Centimetres) return {settings.width * 10.0, settings.height * 10.0};
    return {settings.width / settings.dpi * kMmPerInch, settings.height / settings.dpi * kMmPerInch};
}

PlotFormat plotFormatForFile(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("pdf")) return PlotFormat::Pdf;
    if (suffix == QLatin1String("svg")) return PlotFormat::Svg;
    return PlotFormat::Png;
}

QString plotFormatSuffix(PlotFormat format) {
    switch (format) {
    case PlotFormat::Pdf:
        return QStringLiteral("pdf");
    case PlotFormat::Svg:
        return QStringLiteral("svg");
    case PlotFormat::Png:
        break;
    }
    return QStringLiteral("png");
}

bool exportPlot(QCustomPlot& plot, const QString& path, const PlotExportSettings& settings, QString* error) {
    const QSize pixels = exportPixelSize(settings);
    if (settings.dpi < 10 || settings.dpi > 2400)
        return fail(error, T::tr("Resolution %1 dpi is outside 10–2400 dpi").arg(settings.dpi));
    if (pixels.width() < 16 || pixels.height() < 16 || pixels.width() > 20000 || pixels.height() > 20000)
        return fail(error, T::tr("Size %1 × %2 pixels is outside 16–20000 pixels").arg(pixels.width()).arg(pixels.height()));

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return fail(error, T::tr("Cannot write %1: %2").arg(path, file.errorString()));

    switch (settings.format) {
    case PlotFormat::Png: {
        QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        {
            // Painted at the image's default 96 dpi (fonts in points then match QCustomPlot's layout, which is
            // measured at 96 dpi) and scaled; the real dpi is set afterwards, as metadata for the PNG.
            QCPPainter painter(&image);
            painter.setRenderHint(QPainter::Antialiasing);
            paintPlot(plot, painter, pixels, settings.dpi);
        }
        const int dotsPerMetre = static_cast<int>(std::lround(settings.dpi / 0.0254));
        image.setDotsPerMeterX(dotsPerMetre);
        image.setDotsPerMeterY(dotsPerMetre);
        if (!image.save(&file, "PNG")) {
            file.cancelWriting();
            return fail(error, T::tr("Cannot encode %1 as PNG").arg(path));
        }
        break;
    }
    case PlotFormat::Pdf: {
        // Vector output: the page has the physical size; at a device resolution of 96 dpi its width in device
        // pixels is the logical layout width, so fonts (in points) match the layout and no scaling is needed.
        QPdfWriter writer(&file);
        writer.setResolution(static_cast<int>(kLogicalDpi));
        writer.setPageSize(QPageSize(exportMillimetres(settings), QPageSize::Millimeter));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        writer.setCreator(QStringLiteral("pacd-studio"));
        QCPPainter painter(&writer);
        if (!painter.isActive()) return fail(error, T::tr("Cannot start a PDF in %1").arg(path));
        painter.setMode(QCPPainter::pmVectorized);
        painter.setMode(QCPPainter::pmNoCaching);
        paintPlot(plot, painter, QSize(writer.width(), writer.height()), static_cast<int>(kLogicalDpi));
        painter.end();
        break;
    }
    case PlotFormat::Svg: {
        QSvgGenerator generator;
        generator.setOutputDevice(&file);
        // User units of the drawing are the requested pixels (viewBox); the device is 96 dpi with the logical size,
        // so fonts match the layout and the document's physical size is pixels / dpi.
        const double scale = settings.dpi / kLogicalDpi;
        generator.setSize(QSize(std::max(1, static_cast<int>(std::lround(pixels.width() / scale))),
                                std::max(1, static_cast<int>(std::lround(pixels.height() / scale)))));
        generator.setViewBox(QRect(QPoint(0, 0), pixels));
        generator.setResolution(static_cast<int>(kLogicalDpi));
        generator.setTitle(QStringLiteral("pacd-studio plot"));
        QCPPainter painter(&generator);
        painter.setMode(QCPPainter::pmVectorized);
        painter.setMode(QCPPainter::pmNoCaching);
        paintPlot(plot, painter, pixels, settings.dpi);
        painter.end();
        break;
    }
    }
    return commit(file, path, error);
}

bool saveImagePng(const QImage& image, const QString& path, QString* error) {
    if (image.isNull()) return fail(error, T::tr("Nothing to save in %1: the image is empty").arg(path));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return fail(error, T::tr("Cannot write %1: %2").arg(path, file.errorString()));
    if (!image.save(&file, "PNG")) {
        file.cancelWriting();
        return fail(error, T::tr("Cannot encode %1 as PNG").arg(path));
    }
    return commit(file, path, error);
}

} // namespace pacd::ui
