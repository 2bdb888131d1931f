#include "defender/defense_acr_plot.h"

#include "defender/defender_names.h"

#include <cmath>

namespace pacd::ui {
namespace {
constexpr double kGroupWidth = 0.8; // of one row's slot, shared by its bars
// The preset's first row on top: row r at key rows − r (a reversed axis would do the same, but the layout checks
// of plot_geometry.h read tick spacing in the axis's own direction).
double keyOf(int row, int rows) {
    return rows - row;
}
} // namespace

DefenseAcrPlot::DefenseAcrPlot(QWidget* parent) : LivePlot(parent) {
    setLegendWanted(true);
    // Under the axes in one row: the bars fill the plot from the left, no corner of it stays free.
    axisRect()->insetLayout()->take(legend);
    const int legendRow = plotLayout()->rowCount();
    plotLayout()->addElement(legendRow, 0, legend);
    legend->setWrap(4);
    legend->setFillOrder(QCPLegend::foColumnsFirst, true);
    legend->setBorderPen(Qt::NoPen);
    legend->setMargins(QMargins(4, 0, 4, 0));
    plotLayout()->setRowStretchFactor(legendRow, 0.001);
    retranslate();
}

void DefenseAcrPlot::setRows(const QVector<DefenseRow>& rows, qint64 shownRunId) {
    m_rows = rows;
    m_shownRunId = shownRunId;
    rebuild();
}

void DefenseAcrPlot::clearData() {
    m_rows.clear();
    rebuild();
}

double DefenseAcrPlot::barValue(int row, const QString& data) const {
    if (row < 0 || row >= m_rows.size() || !m_bars.contains(data)) return -1.0;
    auto* bars = m_bars.value(data);
    // One bar per row and kind, at the row's key + the kind's offset within the row's group.
    for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it)
        if (std::abs(it->key - keyOf(row, m_rows.size())) < kGroupWidth / 2) return it->value;
    return -1.0;
}

QString DefenseAcrPlot::rowLabel(int row) const {
    if (row < 0 || row >= m_rows.size()) return {};
    return m_rows[row].runId == m_shownRunId && m_rows.size() > 1 ? tr("▸ %1").arg(m_rows[row].label) : m_rows[row].label;
}

void DefenseAcrPlot::rebuild() {
    clearPlottables();
    m_bars.clear();
    QStringList present;
    for (const auto& kind : victimKinds())
        for (const auto& row : std::as_const(m_rows))
            if (row.acr.contains(kind) && !present.contains(kind)) present << kind;
    const double width = kGroupWidth / std::max<int>(1, present.size());
    for (int k = 0; k < present.size(); ++k) {
        const QString& kind = present[k];
        auto* bars = new QCPBars(yAxis, xAxis); // rows on the vertical axis
        bars->setWidth(width);
        bars->setPen(Qt::NoPen);
        bars->setBrush(colorFor(kind));
        QVector<double> sds;
        bool spread = false;
        // Top to bottom in a row: clean, watermark, random, PACD, as in the legend.
        const double offset = ((present.size() - 1) / 2.0 - k) * width;
        // Bottom row first: the bars' data are sorted by key, and the error bars pair with them in that order.
        for (int r = int(m_rows.size()) - 1; r >= 0; --r) {
            if (!m_rows[r].acr.contains(kind)) continue;
            const auto [mean, sd] = m_rows[r].acr.value(kind);
            bars->addData(keyOf(r, m_rows.size()) + offset, mean);
            sds << sd;
            spread = spread || sd > 0;
        }
        if (spread) { // one seed per row has no spread to draw
            auto* errors = new QCPErrorBars(yAxis, xAxis);
            errors->setDataPlottable(bars);
            errors->setData(sds);
            errors->setPen(QPen(Qt::black, 1));
            errors->removeFromLegend();
        }
        m_bars.insert(kind, bars);
    }
    retranslate();
    scheduleReplot();
}

void DefenseAcrPlot::fitAxes() {
    double top = 0;
    for (const auto& row : std::as_const(m_rows))
        for (const auto& [mean, sd] : row.acr)
            top = std::max(top, mean + sd);
    xAxis->setRange(0, top > 0 ? top * 1.1 : 1.0);
    yAxis->setRange(0.5, std::max<int>(1, m_rows.size()) + 0.5);
}

void DefenseAcrPlot::retranslate() {
    setTitle(tr("ACR of the target class per defense"));
    xAxis->setLabel(tr("ACR"));
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (int r = 0; r < m_rows.size(); ++r)
        ticker->addTick(keyOf(r, m_rows.size()), rowLabel(r));
    yAxis->setTicker(ticker);
    for (auto it = m_bars.cbegin(); it != m_bars.cend(); ++it)
        it.value()->setName(DefenderNames::poisonKind(it.key()));
}

} // namespace pacd::ui
