#include "plots/live_plot.h"

#include <QCoreApplication>
#include <QEvent>

namespace pacd::ui {

LivePlot::LivePlot(QWidget* parent) : QCustomPlot(parent) {
    m_timer.setInterval(100);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (!m_dirty) return;
        m_dirty = false;
        ++m_replots;
        // An empty legend is a stray box: show it only when something is in it.
        if (m_wantsLegend) legend->setVisible(legend->itemCount() > 0);
        if (pointCount() > 0) fitAxes();
        replot(QCustomPlot::rpQueuedReplot);
    });
    setMinimumSize(260, 180);
    xAxis->setRange(0, 1);
    yAxis->setRange(0, 1);
    setNoAntialiasingOnDrag(true);
}

void LivePlot::scheduleReplot() {
    m_dirty = true;
    if (!m_timer.isActive()) m_timer.start();
}

void LivePlot::fitAxes() {
    rescaleAxes();
}

void LivePlot::setLegendWanted(bool wanted) {
    m_wantsLegend = wanted;
    legend->setVisible(wanted && legend->itemCount() > 0);
}

void LivePlot::setReplotInterval(int milliseconds) {
    m_timer.setInterval(std::max(1, milliseconds));
}

int LivePlot::pointCount() const {
    int count = 0;
    auto* self = const_cast<LivePlot*>(this); // QCustomPlot's accessors are not const
    for (int i = 0; i < self->plottableCount(); ++i)
        if (auto* graph = qobject_cast<QCPGraph*>(self->plottable(i)))
            count += graph->dataCount();
        else if (auto* bars = qobject_cast<QCPBars*>(self->plottable(i)))
            count += bars->dataCount();
    return count;
}

void LivePlot::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        scheduleReplot();
    }
    QCustomPlot::changeEvent(event);
}

void LivePlot::setTitle(const QString& title) {
    if (!m_title) {
        plotLayout()->insertRow(0);
        m_title = new QCPTextElement(this, title, QFont(font().family(), font().pointSize() + 1, QFont::Bold));
        plotLayout()->addElement(0, 0, m_title);
    }
    m_title->setText(title);
}

QColor LivePlot::colorFor(const QString& data) {
    if (data == QLatin1String("clean")) return QColor(31, 119, 180);
    if (data == QLatin1String("watermark")) return QColor(255, 127, 14);
    if (data == QLatin1String("poison")) return QColor(214, 39, 40);
    return QColor(90, 90, 90);
}

QString LivePlot::nameFor(const QString& data) {
    if (data == QLatin1String("clean")) return QCoreApplication::translate("pacd::ui::LivePlot", "clean");
    if (data == QLatin1String("watermark")) return QCoreApplication::translate("pacd::ui::LivePlot", "watermarked");
    if (data == QLatin1String("poison")) return QCoreApplication::translate("pacd::ui::LivePlot", "poisoned");
    return data;
}

} // namespace pacd::ui
