#pragma once
// The ACR of the target class per defense row of a preset (no defense, each filter, each sanitiser) and per victim
// data kind (clean, watermark, random ±ε, PACD): what a defense costs the clean victim and what it wins back
// against the poisons. Horizontal bars, so that the rows' names read across.
#include "defender/defender_data.h"
#include "plots/live_plot.h"

namespace pacd::ui {

class DefenseAcrPlot : public LivePlot {
    Q_OBJECT
  public:
    explicit DefenseAcrPlot(QWidget* parent = nullptr);

    /// The rows, top to bottom; `shownRunId` (the run the tab shows) is marked with an arrow.
    void setRows(const QVector<DefenseRow>& rows, qint64 shownRunId);
    const QVector<DefenseRow>& rows() const { return m_rows; }
    void clearData() override;
    /// The bar's value for row `row` and data kind `data` (−1 when it has no bar).
    double barValue(int row, const QString& data) const;
    /// The row's name on the axis.
    QString rowLabel(int row) const;

  protected:
    void retranslate() override;
    /// ACR from 0 with headroom; the rows top to bottom.
    void fitAxes() override;

  private:
    void rebuild();

    QVector<DefenseRow> m_rows;
    qint64 m_shownRunId = 0;
    QMap<QString, QCPBars*> m_bars;
};

} // namespace pacd::ui
