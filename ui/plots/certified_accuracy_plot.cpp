#include "plots/certified_accuracy_plot.h"

#include "plots/plot_caption.h"

#include <algorithm>

namespace pacd::ui {

CertifiedAccuracyPlot::CertifiedAccuracyPlot(QWidget* parent) : LivePlot(parent), m_cap(this) {
    setLegendWanted(true);
    // Colours (data) and dash styles (seeds): under the axes, kinds in the first row and seeds in the second, never
    // over a curve.
    putLegendUnderAxes(3, QMargins(4, 0, 4, 0));
    m_caption = addPlotCaption(this);
    // The curves fill the top from the clean accuracy near 1 down: the bottom left stays free for the warning.
    m_cap.setWarningPlace(0.01, 0.98, Qt::AlignLeft | Qt::AlignBottom);
    m_cap.setWarningShown(false); // the histogram shows it where there is room; this plot keeps the cap line
    retranslate();
}

QVector<QPointF> CertifiedAccuracyPlot::steps(const std::vector<double>& pointRadii) {
    QVector<QPointF> out;
    if (pointRadii.empty()) return out;
    std::vector<double> radii(pointRadii);
    std::sort(radii.begin(), radii.end());
    const double count = static_cast<double>(radii.size());
    auto above = [&](double r) { // share of points with a radius strictly above r
        return static_cast<double>(radii.end() - std::upper_bound(radii.begin(), radii.end(), r)) / count;
    };
    out << QPointF(0.0, above(0.0));
    for (std::size_t i = 0; i < radii.size(); ++i)
        if (radii[i] > 0.0 && (i == 0 || radii[i] != radii[i - 1])) out << QPointF(radii[i], above(radii[i]));
    return out;
}

QVector<QPointF> CertifiedAccuracyPlot::curve(int victim) const {
    QVector<QPointF> out;
    if (victim < 0 || victim >= m_victimGraphs.size()) return out;
    for (auto it = m_victimGraphs[victim]->data()->constBegin(); it != m_victimGraphs[victim]->data()->constEnd(); ++it)
        out << QPointF(it->key, it->value);
    return out;
}

QPen CertifiedAccuracyPlot::seedPen(const QColor& color, int seedOrder) const {
    static const Qt::PenStyle styles[] = {Qt::SolidLine, Qt::DashLine, Qt::DotLine, Qt::DashDotLine, Qt::DashDotDotLine};
    QPen pen(color, 2);
    pen.setStyle(styles[seedOrder % 5]);
    return pen;
}

QCPGraph* CertifiedAccuracyPlot::seedLegendGraph(int seedOrder) {
    // A grey entry per seed, no data: tells the dash styles apart once for every colour.
    auto* graph = addGraph();
    graph->setPen(seedPen(QColor(90, 90, 90), seedOrder));
    graph->setProperty("seed", m_seeds[seedOrder]);
    return graph;
}

void CertifiedAccuracyPlot::addVictim(const pacd::VictimResult& victim) {
    const QString data = QString::fromStdString(victim.data);
    int seedOrder = static_cast<int>(m_seeds.indexOf(victim.seed));
    if (seedOrder < 0) {
        m_seeds << victim.seed;
        seedOrder = static_cast<int>(m_seeds.size()) - 1;
    }
    auto* graph = addGraph();
    graph->setPen(seedPen(colorFor(data), seedOrder));
    graph->setLineStyle(QCPGraph::lsStepLeft);
    graph->setProperty("data", data);
    graph->removeFromLegend();
    m_victimGraphs << graph;
    if (!m_kindsInLegend.contains(data)) {
        // The colour's entry: a solid line of the kind, whatever seed came first.
        m_kindsInLegend << data;
        auto* entry = addGraph();
        entry->setPen(QPen(colorFor(data), 2));
        entry->setProperty("data", data);
        entry->setName(nameFor(data));
        for (auto* seed : std::as_const(m_seedGraphs)) { // seeds stay after the kinds
            seed->removeFromLegend();
            seed->addToLegend();
        }
    }
    if (seedOrder >= m_seedGraphs.size()) {
        m_seedGraphs << seedLegendGraph(seedOrder);
        retranslate();
    }
    if (!victim.pointRadii.empty()) {
        for (const auto& p : steps(victim.pointRadii))
            graph->addData(p.x(), p.y());
    } else { // a record from before per-point radii were kept: its grid
        const auto count = std::min(victim.radii.size(), victim.certifiedAccuracy.size());
        for (std::size_t i = 0; i < count; ++i)
            graph->addData(victim.radii[i], victim.certifiedAccuracy[i]);
    }
    m_cap.addVictim(victim);
    scheduleReplot();
}

void CertifiedAccuracyPlot::clearData() {
    clearGraphs();
    m_kindsInLegend.clear();
    m_seeds.clear();
    m_victimGraphs.clear();
    m_seedGraphs.clear();
    m_cap.clear();
    scheduleReplot();
}

void CertifiedAccuracyPlot::setRadiusCap(double cap, qint64 n) {
    m_cap.setCap(cap, n);
    scheduleReplot();
}

void CertifiedAccuracyPlot::fitAxes() {
    double reach = m_cap.cap();
    for (auto* graph : std::as_const(m_victimGraphs))
        for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it)
            reach = std::max(reach, it->key);
    xAxis->setRange(0, reach > 0 ? reach * 1.1 : 1.0);
    yAxis->setRange(0, 1.02);
}

void CertifiedAccuracyPlot::retranslate() {
    setTitle(tr("Certified accuracy"));
    xAxis->setLabel(tr("ℓ2 radius"));
    yAxis->setLabel(tr("certified accuracy"));
    m_caption->setText(tr("Share of test points certified at ≥ this radius · colour = data, dash = seed"));
    for (int i = 0; i < graphCount(); ++i) {
        auto* g = graph(i);
        if (g->property("seed").isValid())
            g->setName(tr("seed %1").arg(g->property("seed").toLongLong()));
        else if (g->property("data").isValid())
            g->setName(nameFor(g->property("data").toString()));
    }
    m_cap.retranslate();
}

} // namespace pacd::ui
