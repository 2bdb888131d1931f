#include "plots/plot_style.h"

#include <algorithm>

namespace pacd::ui {
namespace {
const char* const kBaseWidth = "pacdBaseWidth"; // a plottable's pen width before any scale
}

void applyPlotFonts(QCustomPlot& plot, const QFont& base) {
    QFont small = base, large = base;
    small.setPointSizeF(base.pointSizeF() * 0.9);
    large.setPointSizeF(base.pointSizeF() * 1.1);
    large.setBold(true);
    for (auto* rect : plot.axisRects())
        for (auto* axis : rect->axes()) {
            axis->setLabelFont(base);
            axis->setTickLabelFont(small);
        }
    if (plot.legend) plot.legend->setFont(small); // QCPLegend passes it on to the items it has
    for (auto* element : plot.plotLayout()->elements(true))
        if (auto* title = qobject_cast<QCPTextElement*>(element)) title->setFont(large);
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
