#pragma once
// A plot's caption: one short line under the axes that says what the plot shows, so that five plot frames explain
// themselves before any data arrives (and in exports). Kept out of LivePlot's title and font handling.
#include "plots/qcustomplot_include.h"

namespace pacd::ui {

/// Adds an empty caption row at the bottom of `plot`'s layout; set its text with setText() on language change.
QCPTextElement* addPlotCaption(QCustomPlot* plot);

/// Whether `element` is a caption made by addPlotCaption() (the plot's fonts give it regular, smaller type than the
/// bold title: plot_style.h).
bool isPlotCaption(const QCPLayoutElement* element);

} // namespace pacd::ui
