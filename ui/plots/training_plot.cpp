#include "plots/training_plot.h"

#include "plots/plot_caption.h"

namespace pacd::ui {

TrainingPlot::TrainingPlot(QWidget* parent) : LivePlot(parent) {
    m_caption = addPlotCaption(this);
    setLegendWanted(true);
    retranslate();
}

void TrainingPlot::addPoint(const QString& run, const QString& data, double epochs, double loss) {
    auto*& graph = m_graphs[run];
    if (!graph) {
        graph = addGraph();
        graph->setPen(QPen(colorFor(data), 1.5));
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 5));
        graph->setName(nameFor(data));
        graph->setProperty("data", data);
        if (m_legendShown.value(data)) graph->removeFromLegend();
        m_legendShown[data] = true;
    }
    graph->addData(epochs, loss);
    scheduleReplot();
}

void TrainingPlot::clearData() {
    clearGraphs();
    m_graphs.clear();
    m_legendShown.clear();
    scheduleReplot();
}

void TrainingPlot::retranslate() {
    if (m_caption) m_caption->setText(tr("Each victim trained from scratch on its data, loss per epoch"));
    setTitle(tr("Victim training"));
    xAxis->setLabel(tr("epoch"));
    yAxis->setLabel(tr("training loss"));
    for (auto* graph : std::as_const(m_graphs))
        graph->setName(nameFor(graph->property("data").toString()));
}

} // namespace pacd::ui
