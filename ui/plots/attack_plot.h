#pragma once
// The attack as it runs (Alg. 1): the upper level's objective on the target class (PACD: the soft ACR it lowers;
// Eq. 4: the cross-entropy it raises) and the lower level's training loss, per upper step.
#include "attack/pacd_config.h"
#include "plots/live_plot.h"

namespace pacd::ui {

class AttackPlot : public LivePlot {
    Q_OBJECT
  public:
    explicit AttackPlot(QWidget* parent = nullptr);
    /// One upper step's objectives; `upper` is ξ as the attack minimises it (Eq. 4's is −CE, shown as CE).
    void addStep(double step, double upper, double lower);
    /// What the upper curve is (labels and sign); clears nothing.
    void setObjective(pacd::AttackObjective objective);
    pacd::AttackObjective objective() const { return m_objective; }
    void clearData() override;

  protected:
    void retranslate() override;

  private:
    static constexpr int kWindow = 20; ///< steps in the moving average (one step's soft ACR is a noisy batch)
    QCPGraph* m_upperRaw;
    QCPGraph* m_upper;
    QVector<double> m_recent;
    QCPGraph* m_lower;
    pacd::AttackObjective m_objective = pacd::AttackObjective::SoftAcr;
    QCPTextElement* m_caption;
};

} // namespace pacd::ui
