#include "plots/attack_plot.h"

#include "plots/plot_caption.h"

#include <numeric>

namespace pacd::ui {

AttackPlot::AttackPlot(QWidget* parent) : LivePlot(parent) {
    yAxis2->setVisible(true);
    m_upperRaw = addGraph(xAxis, yAxis);
    // Per step: noisy, so lighter than the mean, but dark and wide enough to read on a projector.
    m_upperRaw->setPen(QPen(QColor(214, 39, 40, 130), 1.5));
    m_upper = addGraph(xAxis, yAxis);
    m_upper->setPen(QPen(QColor(214, 39, 40), 2.5));
    m_lower = addGraph(xAxis, yAxis2);
    m_lower->setPen(QPen(QColor(120, 120, 120), 1));
    setLegendWanted(true);
    // Three curves on two axes leave no corner free for an inset legend (soft ACR rises while the loss falls),
    // so it sits under the axes, two entries per row.
    putLegendUnderAxes(2, QMargins(4, 0, 4, 2));
    m_caption = addPlotCaption(this);
    retranslate();
}

void AttackPlot::setObjective(pacd::AttackObjective objective) {
    m_objective = objective;
    retranslate();
    scheduleReplot();
}

void AttackPlot::addStep(double step, double upper, double lower) {
    if (m_objective == pacd::AttackObjective::CrossEntropy) upper = -upper; // ξ = −CE: show the loss it raises
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
    yAxis2->setLabel(tr("lower-level loss"));
    if (m_objective == pacd::AttackObjective::CrossEntropy) {
        yAxis->setLabel(tr("target-class cross-entropy (Eq. 4)"));
        m_upperRaw->setName(tr("cross-entropy per step"));
        m_upper->setName(tr("cross-entropy, mean of 20 steps"));
    } else {
        yAxis->setLabel(tr("soft ACR of the target class"));
        m_upperRaw->setName(tr("soft ACR per step"));
        m_upper->setName(tr("soft ACR, mean of 20 steps"));
    }
    m_lower->setName(tr("lower-level loss"));
    m_caption->setText(m_objective == pacd::AttackObjective::CrossEntropy
                           ? tr("The attack raises the target class's validation loss; the victims retrained on the "
                                "poisons show the effect")
                           : tr("Soft ACR may rise at first: the lower level is still learning.\nThe drop shows in the "
                                "victims retrained on the poisons (ACR bars)."));
}

} // namespace pacd::ui
