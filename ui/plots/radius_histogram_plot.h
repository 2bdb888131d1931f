#pragma once
// How the certified radii of the target class's test points are distributed, per data kind (all seeds pooled;
// radius 0 = wrong or abstained): poisoning moves mass towards 0.
#include "plots/live_plot.h"
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

  protected:
    void retranslate() override;

  private:
    void rebuild();

    QMap<QString, QVector<double>> m_radii;
    QMap<QString, QVector<double>> m_fractions;
};

} // namespace pacd::ui
