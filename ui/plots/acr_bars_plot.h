#pragma once
// ACR of the target class per data kind, mean ± standard deviation over the seeds' victims (Tables 2-4).
#include "plots/live_plot.h"
#include "results/run_record.h"

#include <QMap>

namespace pacd::ui {

class AcrBarsPlot : public LivePlot {
    Q_OBJECT
  public:
    explicit AcrBarsPlot(QWidget* parent = nullptr);
    void addVictim(const pacd::VictimResult& victim);
    void clearData() override;
    /// Mean and sample standard deviation shown for a data kind ({-1, 0} when none).
    QPair<double, double> shown(const QString& data) const;

  protected:
    void retranslate() override;
    /// Bars from 0, every data kind's slot visible, headroom for the error bars.
    void fitAxes() override;

  private:
    void rebuild();

    QMap<QString, QVector<double>> m_acrs;
    QVector<QPair<double, double>> m_shown;
    QStringList m_order{QStringLiteral("clean"), QStringLiteral("watermark"), QStringLiteral("poison")};
    QCPTextElement* m_caption = nullptr;
};

} // namespace pacd::ui
