#pragma once
// Where a QCustomPlot put its text and its data, in widget pixels, after its last replot: the checks behind
// presentation mode (no label overlaps another or leaves the widget, no legend covers a curve) and their tests.
#include "plots/qcustomplot_include.h"

#include <QRectF>
#include <QString>
#include <QStringList>
#include <QVector>

namespace pacd::ui {

/// One piece of text as drawn: what it is ("x axis tick '0.5'", "title") and its bounding rectangle.
struct PlotTextBox {
    QString what;
    QRectF rect;
};

/// Every visible text of the plot: each tick label (its own rectangle, rotation included), each axis label,
/// each title (QCPTextElement) and the legend (its outer rectangle, one box).
QVector<PlotTextBox> plotTextBoxes(QCustomPlot& plot);

/// Whether two neighbouring tick labels of `axis` touch each other (rotated labels: their parallel strips).
bool tickLabelsCollide(QCPAxis* axis);

/// Whether any plottable's drawn data (scatter points, line and step segments, bars) passes through `rect`.
bool dataCrosses(QCustomPlot& plot, const QRectF& rect);

/// What is wrong with the plot's text as laid out, one line per problem (empty = fine): overlapping text boxes,
/// text outside the widget, colliding tick labels, a legend over the data, an axis rectangle squeezed below
/// `minimumAxisSide` pixels by its labels.
QStringList plotLayoutProblems(QCustomPlot& plot, int minimumAxisSide = 60);

} // namespace pacd::ui
