#pragma once
// The attack as it runs (Alg. 1): the upper level's soft ACR of the target class (what the attack lowers) and
// the lower level's training loss, per upper step.
#include "plots/live_plot.h"

namespace pacd::ui {

class AttackPlot : public LivePlot {
    Q_OBJECT
  public:
    explicit AttackPlot(QWidget* parent = nullptr);
    /// One upper step's objectives.
    void addStep(double step, double upper, double lower);
    void clearData() override;

  protected:
    void retranslate() override;

  private:
    static constexpr int kWindow = 20; ///< steps in the moving average (one step's soft ACR is a noisy batch)
    QCPGraph* m_upperRaw;
    QCPGraph* m_upper;
    QVector<double> m_recent;
    QCPGraph* m_lower;
};

} // namespace pacd::ui
