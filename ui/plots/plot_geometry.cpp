#include "plots/plot_geometry.h"

#include <QFontMetrics>

#include <algorithm>
#include <cmath>

namespace pacd::ui {
namespace {

// QCPAxis keeps the painter that knows where it drew its tick labels and its label in a protected member; a
// pointer to that member, taken in a derived class, reads it without copying QCustomPlot's placement rules.
struct AxisAccess : QCPAxis {
    static QCPAxisPainterPrivate* painterOf(QCPAxis* axis) { return axis->*(&AxisAccess::mAxisPainter); }
};

QString axisName(QCPAxis* axis) {
    switch (axis->axisType()) {
    case QCPAxis::atLeft:
        return QStringLiteral("left axis");
    case QCPAxis::atRight:
        return QStringLiteral("right axis");
    case QCPAxis::atTop:
        return QStringLiteral("top axis");
    case QCPAxis::atBottom:
        break;
    }
    return QStringLiteral("bottom axis");
}

QSizeF textSize(const QFont& font, const QString& text) {
    return QFontMetrics(font).boundingRect(QRect(0, 0, 0, 0), Qt::TextDontClip | Qt::AlignHCenter, text).size();
}

struct Tick {
    double pixel;
    QSizeF size;
    QString text;
};

// The axis's drawn tick labels in pixel order (ticks outside the range are not drawn).
QVector<Tick> ticksOf(QCPAxis* axis) {
    QVector<Tick> ticks;
    if (!axis->visible() || !axis->tickLabels()) return ticks;
    const auto positions = axis->tickVector();
    const auto labels = axis->tickVectorLabels();
    const double slack = axis->range().size() * 1e-9;
    for (int i = 0; i < std::min(positions.size(), labels.size()); ++i) {
        if (positions[i] < axis->range().lower - slack || positions[i] > axis->range().upper + slack) continue;
        if (labels[i].isEmpty()) continue;
        ticks.push_back({axis->coordToPixel(positions[i]), textSize(axis->tickLabelFont(), labels[i]), labels[i]});
    }
    std::sort(ticks.begin(), ticks.end(), [](const Tick& a, const Tick& b) { return a.pixel < b.pixel; });
    return ticks;
}

// One tick label's box: across the axis it sits in the band QCustomPlot measured for all of them; along the axis
// it is centred on its tick (rotated labels end at their tick, as QCustomPlot draws them).
QRectF tickBox(QCPAxis* axis, const QRect& band, const Tick& tick) {
    const double angle = qDegreesToRadians(axis->tickLabelRotation());
    const double w = tick.size.width(), h = tick.size.height();
    const double along = w * std::abs(std::cos(angle)) + h * std::abs(std::sin(angle));
    const double across = w * std::abs(std::sin(angle)) + h * std::abs(std::cos(angle));
    if (axis->orientation() == Qt::Horizontal) {
        double left = tick.pixel - along / 2;
        if (angle < 0) left = tick.pixel + h * std::abs(std::sin(angle)) / 2 - along;
        if (angle > 0) left = tick.pixel - h * std::abs(std::sin(angle)) / 2;
        const double top = axis->axisType() == QCPAxis::atBottom ? band.top() : band.bottom() - across;
        return QRectF(left, top, along, across);
    }
    // A vertical axis's labels are upright text beside it: width across the axis, height along it (rotation turns
    // them the other way than on a horizontal axis). Category names (wider than tall) need this to be measured right.
    const double alongVertical = w * std::abs(std::sin(angle)) + h * std::abs(std::cos(angle));
    const double acrossVertical = w * std::abs(std::cos(angle)) + h * std::abs(std::sin(angle));
    const double left = axis->axisType() == QCPAxis::atLeft ? band.right() - acrossVertical : band.left();
    return QRectF(left, tick.pixel - alongVertical / 2, acrossVertical, alongVertical);
}

QRectF shrunk(const QRectF& rect) {
    return rect.adjusted(1, 1, -1, -1);
}

// Points of a polyline, one every two pixels, so that a segment crossing a rectangle is caught between its ends.
bool pathCrosses(const QVector<QPointF>& path, const QRectF& rect) {
    for (int i = 0; i < path.size(); ++i) {
        if (rect.contains(path[i])) return true;
        if (i == 0) continue;
        const QPointF a = path[i - 1], b = path[i];
        const double length = std::hypot(b.x() - a.x(), b.y() - a.y());
        if (!std::isfinite(length)) continue;
        const int steps = std::min(100000, static_cast<int>(length / 2.0));
        for (int s = 1; s < steps; ++s)
            if (rect.contains(a + (b - a) * (double(s) / steps))) return true;
    }
    return false;
}

} // namespace

bool tickLabelsCollide(QCPAxis* axis) {
    const auto ticks = ticksOf(axis);
    const double angle = qDegreesToRadians(axis->tickLabelRotation());
    for (int i = 1; i < ticks.size(); ++i) {
        const double spacing = ticks[i].pixel - ticks[i - 1].pixel;
        if (axis->orientation() == Qt::Horizontal) {
            if (std::abs(std::sin(angle)) > 0.05) {
                // Rotated labels are parallel strips: they touch when the strips' distance is below a line's height.
                if (spacing * std::abs(std::sin(angle)) < std::max(ticks[i].size.height(), ticks[i - 1].size.height()))
                    return true;
            } else if (spacing - (ticks[i].size.width() + ticks[i - 1].size.width()) / 2 < 2) {
                return true;
            }
        } else if (spacing - (ticks[i].size.height() + ticks[i - 1].size.height()) / 2 < 0) {
            return true;
        }
    }
    return false;
}

QVector<PlotTextBox> plotTextBoxes(QCustomPlot& plot) {
    QVector<PlotTextBox> boxes;
    for (auto* rect : plot.axisRects())
        for (auto* axis : rect->axes()) {
            if (!axis->visible()) continue;
            auto* painter = AxisAccess::painterOf(axis);
            const QRect band = painter->tickLabelsSelectionBox();
            for (const auto& tick : ticksOf(axis))
                boxes.push_back({QStringLiteral("%1 tick '%2'").arg(axisName(axis), tick.text), tickBox(axis, band, tick)});
            if (!axis->label().isEmpty()) {
                const QRect box = painter->labelSelectionBox();
                const QSizeF size = textSize(axis->labelFont(), axis->label());
                QRectF text;
                if (axis->orientation() == Qt::Horizontal)
                    text = QRectF(box.center().x() - size.width() / 2, box.top(), size.width(), box.height());
                else
                    text = QRectF(box.left(), box.center().y() - size.width() / 2, box.width(), size.width());
                boxes.push_back({QStringLiteral("%1 label '%2'").arg(axisName(axis), axis->label()), text});
            }
        }
    for (auto* element : plot.plotLayout()->elements(true))
        if (auto* title = qobject_cast<QCPTextElement*>(element); title && title->visible() && !title->text().isEmpty())
            boxes.push_back({QStringLiteral("title '%1'").arg(title->text()),
                             QFontMetrics(title->font()).boundingRect(title->rect(), Qt::AlignCenter, title->text())});
    if (plot.legend && plot.legend->visible() && plot.legend->itemCount() > 0)
        boxes.push_back({QStringLiteral("legend"), plot.legend->outerRect()});
    return boxes;
}

bool dataCrosses(QCustomPlot& plot, const QRectF& rect) {
    for (int i = 0; i < plot.plottableCount(); ++i) {
        auto* plottable = plot.plottable(i);
        if (!plottable->visible() || !plottable->keyAxis() || !plottable->valueAxis()) continue;
        auto* keyAxis = plottable->keyAxis();
        auto* valueAxis = plottable->valueAxis();
        const auto pixel = [&](double key, double value) {
            return keyAxis->orientation() == Qt::Horizontal ? QPointF(keyAxis->coordToPixel(key), valueAxis->coordToPixel(value))
                                                            : QPointF(valueAxis->coordToPixel(value), keyAxis->coordToPixel(key));
        };
        const double reach = plottable->pen().widthF() / 2 + 1;
        if (auto* graph = qobject_cast<QCPGraph*>(plottable)) {
            QVector<QPointF> path;
            for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it) {
                if (!path.isEmpty() && graph->lineStyle() == QCPGraph::lsStepLeft)
                    path.push_back(pixel(it->key, (it - 1)->value));
                path.push_back(pixel(it->key, it->value));
            }
            const double marker = graph->scatterStyle().isNone() ? 0 : graph->scatterStyle().size() / 2;
            const QRectF grown = rect.adjusted(-reach - marker, -reach - marker, reach + marker, reach + marker);
            if (graph->lineStyle() == QCPGraph::lsNone) {
                if (std::any_of(path.begin(), path.end(), [&](const QPointF& p) { return grown.contains(p); })) return true;
            } else if (pathCrosses(path, grown)) {
                return true;
            }
        } else if (auto* curve = qobject_cast<QCPCurve*>(plottable)) {
            QVector<QPointF> path;
            for (auto it = curve->data()->constBegin(); it != curve->data()->constEnd(); ++it)
                path.push_back(pixel(it->key, it->value));
            if (pathCrosses(path, rect.adjusted(-reach, -reach, reach, reach))) return true;
        } else if (auto* bars = qobject_cast<QCPBars*>(plottable)) {
            for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it) {
                const QRectF bar =
                    QRectF(pixel(it->key - bars->width() / 2, 0), pixel(it->key + bars->width() / 2, it->value)).normalized();
                if (bar.intersects(rect)) return true;
            }
        }
    }
    return false;
}

QStringList plotLayoutProblems(QCustomPlot& plot, int minimumAxisSide) {
    QStringList problems;
    const auto boxes = plotTextBoxes(plot);
    const QRectF widget(0, 0, plot.width(), plot.height());
    const auto group = [](const QString& what) { return what.section(QLatin1Char('\''), 0, 0); };
    for (int i = 0; i < boxes.size(); ++i) {
        if (!widget.contains(shrunk(boxes[i].rect)))
            problems << QStringLiteral("%1 leaves the plot (%2,%3 %4x%5 in %6x%7)")
                            .arg(boxes[i].what)
                            .arg(boxes[i].rect.x())
                            .arg(boxes[i].rect.y())
                            .arg(boxes[i].rect.width())
                            .arg(boxes[i].rect.height())
                            .arg(plot.width())
                            .arg(plot.height());
        for (int j = i + 1; j < boxes.size(); ++j) {
            // Tick labels of one axis are checked along the axis (tickLabelsCollide): their boxes of rotated text
            // overlap although the text does not.
            if (group(boxes[i].what) == group(boxes[j].what) && boxes[i].what.contains(QLatin1String(" tick "))) continue;
            if (shrunk(boxes[i].rect).intersects(shrunk(boxes[j].rect)))
                problems << QStringLiteral("%1 overlaps %2").arg(boxes[i].what, boxes[j].what);
        }
    }
    for (auto* rect : plot.axisRects()) {
        for (auto* axis : rect->axes())
            if (tickLabelsCollide(axis)) problems << QStringLiteral("%1: neighbouring tick labels collide").arg(axisName(axis));
        if (rect->width() < minimumAxisSide || rect->height() < minimumAxisSide)
            problems << QStringLiteral("axis rectangle squeezed to %1x%2").arg(rect->width()).arg(rect->height());
        if (plot.legend && plot.legend->visible() && plot.legend->itemCount() > 0 &&
            plot.legend->layout() == rect->insetLayout()) {
            if (!QRectF(rect->rect()).contains(shrunk(plot.legend->outerRect())))
                problems << QStringLiteral("legend spills out of the axes");
            if (dataCrosses(plot, plot.legend->outerRect())) problems << QStringLiteral("legend covers data");
        }
    }
    if (plot.legend && plot.legend->visible())
        for (int i = 0; i < plot.legend->itemCount(); ++i) {
            auto* item = plot.legend->item(i);
            // A squeezed legend cuts its entries' text ("waterm"): each entry needs its own minimum width.
            if (item && item->visible() && item->outerRect().width() + 1 < item->minimumOuterSizeHint().width()) {
                auto* entry = qobject_cast<QCPPlottableLegendItem*>(item);
                problems << QStringLiteral("legend entry '%1' clipped (%2 of %3 px)")
                                .arg(entry ? entry->plottable()->name() : QString::number(i))
                                .arg(item->outerRect().width())
                                .arg(item->minimumOuterSizeHint().width());
            }
        }
    return problems;
}

} // namespace pacd::ui
