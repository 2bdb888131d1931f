#include "plots/attack_plot.h"

namespace pacd::ui {

AttackPlot::AttackPlot(QWidget* parent) : LivePlot(parent) {
    yAxis2->setVisible(true);
    m_upper = addGraph(xAxis, yAxis);
    m_upper->setPen(QPen(QColor(214, 39, 40), 2));
    m_lower = addGraph(xAxis, yAxis2);
    m_lower->setPen(QPen(QColor(120, 120, 120), 1));
    legend->setVisible(true);
    axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    retranslate();
}

void AttackPlot::addStep(double step, double upper, double lower) {
    m_upper->addData(step, upper);
    m_lower->addData(step, lower);
    scheduleReplot();
}

void AttackPlot::clearData() {
    m_upper->data()->clear();
    m_lower->data()->clear();
    scheduleReplot();
}

void AttackPlot::retranslate() {
    setTitle(tr("Attack (Alg. 1)"));
    xAxis->setLabel(tr("upper step"));
    yAxis->setLabel(tr("soft ACR of the target class"));
    yAxis2->setLabel(tr("lower-level loss"));
    m_upper->setName(tr("upper level: soft ACR"));
    m_lower->setName(tr("lower level: loss"));
}

} // namespace pacd::ui
