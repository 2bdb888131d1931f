#include "defender/roc_plot.h"

#include "defender/defender_names.h"

#include <QLocale>

namespace pacd::ui {

RocPlot::RocPlot(const QString& detector, QWidget* parent) : LivePlot(parent), m_detector(detector) {
    setLegendWanted(true);
    // Chance: the diagonal a detector that scores at random follows (AUC 0.5).
    m_chance = addGraph();
    m_chance->setPen(QPen(QColor(150, 150, 150), 1, Qt::DashLine));
    m_chance->addData({0.0, 1.0}, {0.0, 1.0}, true);
    m_chance->removeFromLegend();
    // The 5 % false-positive rate the legend's TPR is read at.
    m_fprLine = new QCPItemStraightLine(this);
    m_fprLine->point1->setCoords(0.05, 0.0);
    m_fprLine->point2->setCoords(0.05, 1.0);
    m_fprLine->setPen(QPen(QColor(190, 190, 190), 1, Qt::DotLine));
    retranslate();
}

void RocPlot::setSeries(const QVector<RocSeries>& series) {
    m_series.clear();
    for (const auto& s : series)
        if (s.isValid()) m_series << s;
    rebuild();
}

void RocPlot::clearData() {
    m_series.clear();
    rebuild();
}

int RocPlot::pointCount() const {
    int count = 0;
    for (const auto& s : m_series)
        count += s.points.size();
    return count;
}

void RocPlot::rebuild() {
    for (auto* graph : std::as_const(m_graphs))
        removeGraph(graph);
    m_graphs.clear();
    for (const auto& s : std::as_const(m_series)) {
        auto* graph = addGraph();
        QVector<double> x, y;
        for (const auto& p : s.points) {
            x << p.x();
            y << p.y();
        }
        graph->setData(x, y, true); // sorted by FPR already: the curve keeps its order at equal FPR
        graph->setPen(QPen(colorFor(s.data), 2));
        m_graphs << graph;
    }
    retranslate();
    scheduleReplot();
}

QString RocPlot::legendText(int i) const {
    if (i < 0 || i >= m_series.size()) return {};
    const auto& s = m_series[i];
    const QLocale locale;
    return tr("%1: AUC %2, TPR@5% %3 %")
        .arg(DefenderNames::poisonKind(s.data), locale.toString(s.auc, 'f', 2), locale.toString(s.tprAt5 * 100.0, 'f', 1));
}

QVector<QPointF> RocPlot::drawnCurve(int i) const {
    QVector<QPointF> out;
    if (i < 0 || i >= m_graphs.size()) return out;
    for (auto it = m_graphs[i]->data()->constBegin(); it != m_graphs[i]->data()->constEnd(); ++it)
        out << QPointF(it->key, it->value);
    return out;
}

void RocPlot::fitAxes() {
    xAxis->setRange(0, 1);
    yAxis->setRange(0, 1.02);
}

void RocPlot::retranslate() {
    setTitle(DefenderNames::detector(m_detector));
    xAxis->setLabel(tr("false-positive rate"));
    yAxis->setLabel(tr("true-positive rate"));
    for (int i = 0; i < m_graphs.size(); ++i)
        m_graphs[i]->setName(legendText(i));
}

} // namespace pacd::ui
