#pragma once
// How the certified radii of the target class's test points are distributed, per data kind (all seeds pooled;
// radius 0 = wrong or abstained): poisoning moves mass towards 0.
#include "plots/live_plot.h"
#include "plots/radius_cap.h"
#include "results/run_record.h"

#include <QMap>

namespace pacd::ui {

class RadiusHistogramPlot : public LivePlot {
    Q_OBJECT
  public:
    static constexpr int kBins = 20;
    explicit RadiusHistogramPlot(QWidget* parent = nullptr);
    void addVictim(const pacd::VictimResult& victim);
    void clearData() override;
    /// Fraction of `data`'s points in each bin (tests).
    QVector<double> fractions(const QString& data) const;
    /// The run's radius cap σ·Φ⁻¹(α^(1/n)) (0 = unknown: no line): points at it are limited by n, not the model.
    void setRadiusCap(double cap, qint64 n);
    const RadiusCapMarker& capMarker() const { return m_cap; }

  protected:
    void retranslate() override;
    /// The radius axis runs a little past the largest radius and the cap (the cap's line stays inside).
    void fitAxes() override;

  private:
    void rebuild();

    QMap<QString, QVector<double>> m_radii;
    QMap<QString, QVector<double>> m_fractions;
    RadiusCapMarker m_cap;
    QCPTextElement* m_caption;
};

} // namespace pacd::ui
