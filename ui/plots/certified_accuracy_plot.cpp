#include "plots/certified_accuracy_plot.h"

#include <algorithm>

namespace pacd::ui {

CertifiedAccuracyPlot::CertifiedAccuracyPlot(QWidget* parent) : LivePlot(parent) {
    setLegendWanted(true);
    // Certified accuracy only falls with the radius, from the clean accuracy near 1: the curves fill the top and
    // the bottom-left corner stays free.
    axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignLeft);
    retranslate();
}

void CertifiedAccuracyPlot::addVictim(const pacd::VictimResult& victim) {
    const QString data = QString::fromStdString(victim.data);
    auto* graph = addGraph();
    QPen pen(colorFor(data), 2);
    if (victim.seed % 2 == 1) pen.setStyle(Qt::DashLine); // tell seeds apart within a colour
    graph->setPen(pen);
    graph->setLineStyle(QCPGraph::lsStepLeft);
    graph->setName(nameFor(data));
    graph->setProperty("data", data);
    if (m_kindsInLegend.contains(data))
        graph->removeFromLegend();
    else
        m_kindsInLegend << data;
    const auto count = std::min(victim.radii.size(), victim.certifiedAccuracy.size());
    for (std::size_t i = 0; i < count; ++i)
        graph->addData(victim.radii[i], victim.certifiedAccuracy[i]);
    scheduleReplot();
}

void CertifiedAccuracyPlot::clearData() {
    clearGraphs();
    m_kindsInLegend.clear();
    scheduleReplot();
}

void CertifiedAccuracyPlot::fitAxes() {
    double reach = 0;
    for (int i = 0; i < graphCount(); ++i)
        for (auto it = graph(i)->data()->constBegin(); it != graph(i)->data()->constEnd(); ++it)
            if (it->value > 0) reach = std::max(reach, it->key);
    xAxis->setRange(0, reach > 0 ? reach * 1.25 : 1.0);
    yAxis->setRange(0, 1.02);
}

void CertifiedAccuracyPlot::retranslate() {
    setTitle(tr("Certified accuracy"));
    xAxis->setLabel(tr("ℓ2 radius"));
    yAxis->setLabel(tr("certified accuracy"));
    for (int i = 0; i < graphCount(); ++i)
        graph(i)->setName(nameFor(graph(i)->property("data").toString()));
}

} // namespace pacd::ui
