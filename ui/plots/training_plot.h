#pragma once
// Victim training curves: each retrained victim's loss against epochs, coloured by its data (clean, watermarked,
// poisoned); the poisoned victims' curves look like the clean ones, which is the point of a clean-label attack.
#include "plots/live_plot.h"

#include <QHash>

namespace pacd::ui {

class TrainingPlot : public LivePlot {
    Q_OBJECT
  public:
    explicit TrainingPlot(QWidget* parent = nullptr);
    /// One progress report of victim `run` ("train poison seed 1") whose data is `data`: loss at `epochs`.
    void addPoint(const QString& run, const QString& data, double epochs, double loss);
    void clearData() override;

  protected:
    void retranslate() override;

  private:
    QHash<QString, QCPGraph*> m_graphs;
    QHash<QString, bool> m_legendShown; ///< one legend entry per data kind, not per victim
    QCPTextElement* m_caption = nullptr;
};

} // namespace pacd::ui
