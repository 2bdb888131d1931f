#pragma once
// One detector's ROC curves, one per poison kind (PACD, watermark, random ±ε) on the victims' training sets: poisons
// against the clean points of the target class, with the AUC and the TPR at 5 % FPR in the legend.
#include "defender/defender_data.h"
#include "plots/live_plot.h"

namespace pacd::ui {

class RocPlot : public LivePlot {
    Q_OBJECT
  public:
    explicit RocPlot(const QString& detector, QWidget* parent = nullptr);

    const QString& detector() const { return m_detector; }
    /// The curves shown (invalid series are left out).
    void setSeries(const QVector<RocSeries>& series);
    const QVector<RocSeries>& series() const { return m_series; }
    void clearData() override;
    int pointCount() const override;
    /// The legend's text of the shown series `i` ("PACD: AUC 0.34, TPR@5% 1.0 %": at 5 % false positives).
    QString legendText(int i) const;
    /// The curve as drawn for series `i` (tests).
    QVector<QPointF> drawnCurve(int i) const;

  protected:
    void retranslate() override;
    /// Both rates from 0 to 1, whatever the curves.
    void fitAxes() override;

  private:
    void rebuild();

    QString m_detector;
    QVector<RocSeries> m_series;
    QVector<QCPGraph*> m_graphs;
    QCPGraph* m_chance = nullptr;
    QCPItemStraightLine* m_fprLine = nullptr;
};

} // namespace pacd::ui
