#pragma once
// One style rule for every QCustomPlot of the window (the live plots and the toy's): all text from one base font,
// so that it grows and shrinks together; pens scaled from each plottable's own width for a projector.
#include "plots/qcustomplot_include.h"

#include <QFont>

namespace pacd::ui {

/// Axis labels in `base`; tick labels and the legend at 0.9 of it; titles (QCPTextElement) bold at 1.1; captions
/// (plot_caption.h) regular italic at 0.85.
void applyPlotFonts(QCustomPlot& plot, const QFont& base);

/// Every plottable's pen at `scale` times the width it had when first scaled (kept on the plottable, so that
/// scaling twice or back to 1 is exact). Invisible pens (bars' outlines) stay invisible.
void scalePlotPens(QCustomPlot& plot, double scale);

} // namespace pacd::ui
