#include "plots/plot_caption.h"

namespace pacd::ui {

QCPTextElement* addPlotCaption(QCustomPlot* plot) {
    const int row = plot->plotLayout()->rowCount();
    QFont font = plot->font();
    font.setPointSizeF(font.pointSizeF() * 0.9);
    font.setItalic(true);
    auto* caption = new QCPTextElement(plot, QString(), font);
    caption->setTextColor(QColor(80, 80, 80));
    caption->setMargins(QMargins(4, 0, 4, 3));
    plot->plotLayout()->addElement(row, 0, caption);
    plot->plotLayout()->setRowStretchFactor(row, 0.001); // as tall as its text, not a share of the plot
    return caption;
}

} // namespace pacd::ui
