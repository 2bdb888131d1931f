#include "plots/radius_histogram_plot.h"

#include "plots/plot_caption.h"

#include <algorithm>

namespace pacd::ui {

RadiusHistogramPlot::RadiusHistogramPlot(QWidget* parent) : LivePlot(parent), m_cap(this) {
    setLegendWanted(true);
    m_caption = addPlotCaption(this);
    // The middle bins hold little: the warning goes there, as far below the legend as the axes allow (centred at
    // 0.76 of the height it met the legend's last row in presentation mode, where the axes are ~120 px tall).
    m_cap.setWarningPlace(0.5, 0.97, Qt::AlignHCenter | Qt::AlignBottom);
    // Mass gathers at 0 (wrong or abstained) and at the n-limited cap on the right: the legend goes between.
    axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignHCenter);
    retranslate();
}

void RadiusHistogramPlot::addVictim(const pacd::VictimResult& victim) {
    auto& radii = m_radii[QString::fromStdString(victim.data)];
    for (double r : victim.pointRadii)
        radii << r;
    m_cap.addVictim(victim);
    rebuild();
}

void RadiusHistogramPlot::clearData() {
    m_radii.clear();
    m_cap.clear();
    rebuild();
}

QVector<double> RadiusHistogramPlot::fractions(const QString& data) const {
    return m_fractions.value(data);
}

void RadiusHistogramPlot::rebuild() {
    clearGraphs();
    m_fractions.clear();
    double top = 0;
    for (const auto& radii : std::as_const(m_radii))
        for (double r : radii)
            top = std::max(top, r);
    const double width = top > 0 ? top / kBins : 1.0 / kBins;
    for (const QString& data : {QStringLiteral("clean"), QStringLiteral("watermark"), QStringLiteral("poison")}) {
        const auto radii = m_radii.value(data);
        if (radii.isEmpty()) continue;
        QVector<double> counts(kBins, 0.0);
        for (double r : radii)
            counts[std::clamp(static_cast<int>(r / width), 0, kBins - 1)] += 1.0;
        for (auto& c : counts)
            c /= radii.size();
        m_fractions[data] = counts;
        auto* graph = addGraph();
        graph->setPen(QPen(colorFor(data), 2));
        graph->setLineStyle(QCPGraph::lsStepLeft);
        graph->setName(nameFor(data));
        for (int b = 0; b < kBins; ++b)
            graph->addData(b * width, counts[b]);
        graph->addData(kBins * width, counts[kBins - 1]); // closes the last step
    }
    scheduleReplot();
}

void RadiusHistogramPlot::setRadiusCap(double cap, qint64 n) {
    m_cap.setCap(cap, n);
    scheduleReplot();
}

void RadiusHistogramPlot::fitAxes() {
    rescaleAxes();
    double top = m_cap.cap();
    for (const auto& radii : std::as_const(m_radii))
        for (double r : radii)
            top = std::max(top, r);
    xAxis->setRange(0, top > 0 ? top * 1.08 : 1.0);
    yAxis->setRange(0, std::max(0.05, yAxis->range().upper * 1.1));
}

void RadiusHistogramPlot::retranslate() {
    setTitle(tr("Certified radii of the target class"));
    m_caption->setText(tr("Seeds pooled · 0 = wrong or abstained · dashed line = cap"));
    m_cap.retranslate();
    xAxis->setLabel(tr("ℓ2 radius"));
    yAxis->setLabel(tr("fraction of points"));
    if (!m_radii.isEmpty()) rebuild(); // legend names
}

} // namespace pacd::ui
