#pragma once
// Certified accuracy against radius (Cohen et al.'s curve) of every certified victim, coloured by its data: the
// poisoned victims' curves fall earlier.
#include "plots/live_plot.h"
#include "results/run_record.h"

namespace pacd::ui {

class CertifiedAccuracyPlot : public LivePlot {
    Q_OBJECT
  public:
    explicit CertifiedAccuracyPlot(QWidget* parent = nullptr);
    void addVictim(const pacd::VictimResult& victim);
    void clearData() override;

  protected:
    void retranslate() override;
    /// The radius axis ends a little past the largest radius any victim certifies (the grid runs further).
    void fitAxes() override;

  private:
    QStringList m_kindsInLegend;
};

} // namespace pacd::ui
