#pragma once
// Certified accuracy against radius (Cohen et al.'s curve) of every certified victim, coloured by its data and
// dashed by its seed: the poisoned victims' curves fall earlier. Drawn from the stored per-point radii, so each
// curve steps exactly at its points' radii (the 0.25 grid only for records without them), with the n-limited
// radius cap marked.
#include "plots/live_plot.h"
#include "plots/radius_cap.h"
#include "results/run_record.h"

#include <QPointF>

namespace pacd::ui {

class CertifiedAccuracyPlot : public LivePlot {
    Q_OBJECT
  public:
    explicit CertifiedAccuracyPlot(QWidget* parent = nullptr);
    void addVictim(const pacd::VictimResult& victim);
    void clearData() override;
    /// The run's radius cap σ·Φ⁻¹(α^(1/n)) (0 = unknown: no line).
    void setRadiusCap(double cap, qint64 n);
    const RadiusCapMarker& capMarker() const { return m_cap; }
    /// The step function of certified accuracy from per-point radii (0 = wrong or abstained): (0, share with
    /// radius > 0), then at each distinct radius r ascending (r, share with radius > r). Drawn with the value of a
    /// point held up to the next one (QCPGraph::lsStepLeft).
    static QVector<QPointF> steps(const std::vector<double>& pointRadii);
    /// The curve drawn for victim i in arrival order (tests).
    QVector<QPointF> curve(int victim) const;

  protected:
    void retranslate() override;
    /// The radius axis ends a little past the largest radius any victim certifies, and past the cap.
    void fitAxes() override;

  private:
    QPen seedPen(const QColor& color, int seedOrder) const;
    QCPGraph* seedLegendGraph(int seedOrder);

    QStringList m_kindsInLegend;
    QVector<qint64> m_seeds;           ///< seeds in arrival order: the order picks the dash style
    QVector<QCPGraph*> m_victimGraphs; ///< one per victim
    QVector<QCPGraph*> m_seedGraphs;   ///< legend-only entries "seed s" in grey, one per seed
    RadiusCapMarker m_cap;
    QCPTextElement* m_caption;
};

} // namespace pacd::ui
