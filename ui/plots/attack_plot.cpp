#include "plots/attack_plot.h"

#include <numeric>

namespace pacd::ui {

AttackPlot::AttackPlot(QWidget* parent) : LivePlot(parent) {
    yAxis2->setVisible(true);
    m_upperRaw = addGraph(xAxis, yAxis);
    m_upperRaw->setPen(QPen(QColor(214, 39, 40, 70), 1));
    m_upper = addGraph(xAxis, yAxis);
    m_upper->setPen(QPen(QColor(214, 39, 40), 2.5));
    m_lower = addGraph(xAxis, yAxis2);
    m_lower->setPen(QPen(QColor(120, 120, 120), 1));
    setLegendWanted(true);
    axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight); // the curves start high
    retranslate();
}

void AttackPlot::addStep(double step, double upper, double lower) {
    m_upperRaw->addData(step, upper);
    m_recent << upper;
    if (m_recent.size() > kWindow) m_recent.removeFirst();
    m_upper->addData(step, std::accumulate(m_recent.begin(), m_recent.end(), 0.0) / m_recent.size());
    m_lower->addData(step, lower);
    scheduleReplot();
}

void AttackPlot::clearData() {
    m_upperRaw->data()->clear();
    m_upper->data()->clear();
    m_recent.clear();
    m_lower->data()->clear();
    scheduleReplot();
}

void AttackPlot::retranslate() {
    setTitle(tr("Attack (Alg. 1)"));
    xAxis->setLabel(tr("upper step"));
    yAxis->setLabel(tr("soft ACR of the target class"));
    yAxis2->setLabel(tr("lower-level loss"));
    m_upperRaw->setName(tr("upper level: soft ACR per step"));
    m_upper->setName(tr("upper level: soft ACR, mean of 20 steps"));
    m_lower->setName(tr("lower level: loss"));
}

} // namespace pacd::ui
