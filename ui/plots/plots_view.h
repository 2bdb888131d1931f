#pragma once
// The live plots of a run side by side, fed by the run controller's signals (or by a stored run record).
#include "attack/pacd_config.h"
#include "engine/run_types.h"

#include <QWidget>

namespace pacd::ui {

class AcrBarsPlot;
class AttackPlot;
class CertifiedAccuracyPlot;
class LivePlot;
class RadiusHistogramPlot;
class ResultCard;
class TrainingPlot;

class PlotsView : public QWidget {
    Q_OBJECT
  public:
    explicit PlotsView(QWidget* parent = nullptr);

    AttackPlot* attackPlot() const { return m_attack; }
    TrainingPlot* trainingPlot() const { return m_training; }
    CertifiedAccuracyPlot* certifiedAccuracyPlot() const { return m_certified; }
    AcrBarsPlot* acrBarsPlot() const { return m_acr; }
    RadiusHistogramPlot* radiusHistogramPlot() const { return m_histogram; }
    ResultCard* resultCard() const { return m_card; }
    /// Every plot, for export.
    QList<LivePlot*> plots() const;

  public Q_SLOTS:
    /// A new run: empties every plot; `trainEpochs` scales the training curves' x axis.
    void startRun(qint64 trainEpochs, pacd::AttackObjective objective = pacd::AttackObjective::SoftAcr);
    void addMetrics(const QVector<pacd::ui::MetricSample>& samples);
    void addVictim(const pacd::VictimResult& victim);
    /// The run's certification (σ, n, α): the radius cap σ·Φ⁻¹(α^(1/n)) on the histogram and the certified-accuracy
    /// axes. Kept until the next call (a new run's plan sets it before Start).
    void setCertification(double sigma, qint64 n, double alpha);
    /// Shows a finished (stored) run: its victims' curves, bars and histograms.
    void showRecord(const pacd::RunRecord& record);
    /// Presentation mode: the plots in two rows of three (wider than tall, like a projector), with thicker pens;
    /// their text follows the window's font.
    void setPresentation(bool on);

  private:
    void arrange(bool presentation);

    AttackPlot* m_attack;
    TrainingPlot* m_training;
    CertifiedAccuracyPlot* m_certified;
    AcrBarsPlot* m_acr;
    RadiusHistogramPlot* m_histogram;
    ResultCard* m_card;
    qint64 m_trainEpochs = 1;
    double m_attackStepOffset = 0; ///< a resumed attack restarts its step count: keep the curve going
};

} // namespace pacd::ui
