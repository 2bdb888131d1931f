#include "plots/acr_bars_plot.h"

#include "plots/plot_caption.h"

namespace pacd::ui {

AcrBarsPlot::AcrBarsPlot(QWidget* parent) : LivePlot(parent) {
    m_caption = addPlotCaption(this);
    retranslate();
}

void AcrBarsPlot::addVictim(const pacd::VictimResult& victim) {
    m_acrs[QString::fromStdString(victim.data)] << victim.acr;
    rebuild();
}

void AcrBarsPlot::clearData() {
    m_acrs.clear();
    rebuild();
}

QPair<double, double> AcrBarsPlot::shown(const QString& data) const {
    const int at = m_order.indexOf(data);
    return at >= 0 && at < m_shown.size() ? m_shown[at] : QPair<double, double>{-1.0, 0.0};
}

void AcrBarsPlot::rebuild() {
    clearPlottables();
    m_shown = QVector<QPair<double, double>>(m_order.size(), {-1.0, 0.0});
    for (int i = 0; i < m_order.size(); ++i) {
        const auto values = m_acrs.value(m_order[i]);
        if (values.isEmpty()) continue;
        std::vector<double> std(values.begin(), values.end());
        const auto [mean, sd] = pacd::meanAndSd(std);
        m_shown[i] = {mean, sd};
        auto* bars = new QCPBars(xAxis, yAxis);
        bars->setWidth(0.6);
        bars->setPen(Qt::NoPen);
        bars->setBrush(colorFor(m_order[i]));
        bars->addData(i + 1, mean);
        auto* errors = new QCPErrorBars(xAxis, yAxis);
        errors->setDataPlottable(bars);
        errors->addData(sd);
        errors->setPen(QPen(Qt::black, 1.5));
    }
    retranslate();
    scheduleReplot();
}

void AcrBarsPlot::fitAxes() {
    double top = 0;
    for (const auto& [mean, sd] : std::as_const(m_shown))
        top = std::max(top, mean + sd);
    xAxis->setRange(0.4, m_order.size() + 0.6);
    yAxis->setRange(0, top > 0 ? top * 1.15 : 1.0);
}

void AcrBarsPlot::retranslate() {
    if (m_caption) m_caption->setText(tr("The poisoned bar's drop is the attack's effect"));
    setTitle(tr("ACR of the target class (mean ± s.d. over seeds)"));
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (int i = 0; i < m_order.size(); ++i)
        ticker->addTick(i + 1, nameFor(m_order[i]));
    xAxis->setTicker(ticker);
    xAxis->setRange(0.4, m_order.size() + 0.6);
    yAxis->setLabel(tr("ACR"));
}

} // namespace pacd::ui
