#include "plots/plot_style.h"

#include "plots/plot_caption.h"

#include <algorithm>

namespace pacd::ui {
namespace {
const char* const kBaseWidth = "pacdBaseWidth"; // a plottable's pen width before any scale
}

void applyPlotFonts(QCustomPlot& plot, const QFont& base) {
    QFont small = base, large = base, caption = base;
    small.setPointSizeF(base.pointSizeF() * 0.9);
    large.setPointSizeF(base.pointSizeF() * 1.1);
    large.setBold(true);
    // A caption explains, the title names: regular italic type a step below the tick labels, so that the eye
    // finds the title first and a two-line caption leaves the axes their room.
    caption.setPointSizeF(base.pointSizeF() * 0.85);
    caption.setItalic(true);
    caption.setBold(false);
    for (auto* rect : plot.axisRects())
        for (auto* axis : rect->axes()) {
            axis->setLabelFont(base);
            axis->setTickLabelFont(small);
        }
    if (plot.legend) plot.legend->setFont(small); // QCPLegend passes it on to the items it has
    for (auto* element : plot.plotLayout()->elements(true))
        if (auto* text = qobject_cast<QCPTextElement*>(element)) text->setFont(isPlotCaption(text) ? caption : large);
}

void scalePlotPens(QCustomPlot& plot, double scale) {
    for (int i = 0; i < plot.plottableCount(); ++i) {
        auto* plottable = plot.plottable(i);
        QPen pen = plottable->pen();
        if (pen.style() == Qt::NoPen) continue;
        if (!plottable->property(kBaseWidth).isValid()) plottable->setProperty(kBaseWidth, std::max(1.0, pen.widthF()));
        pen.setWidthF(plottable->property(kBaseWidth).toDouble() * scale);
        plottable->setPen(pen);
    }
}

} // namespace pacd::ui
