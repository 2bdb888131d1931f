#include "plots/plot_caption.h"

namespace pacd::ui {
namespace {
const char* const kCaptionProperty = "pacdPlotCaption";
}

QCPTextElement* addPlotCaption(QCustomPlot* plot) {
    const int row = plot->plotLayout()->rowCount();
    auto* caption = new QCPTextElement(plot, QString()); // its font: applyPlotFonts, with the plot's others
    caption->setProperty(kCaptionProperty, true);
    caption->setTextColor(QColor(80, 80, 80));
    caption->setMargins(QMargins(4, 0, 4, 3));
    plot->plotLayout()->addElement(row, 0, caption);
    plot->plotLayout()->setRowStretchFactor(row, 0.001); // as tall as its text, not a share of the plot
    return caption;
}

bool isPlotCaption(const QCPLayoutElement* element) {
    return element && element->property(kCaptionProperty).toBool();
}

} // namespace pacd::ui
