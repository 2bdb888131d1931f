#include "plots/plots_view.h"

#include "plan/vocabulary.h"
#include "plots/acr_bars_plot.h"
#include "plots/attack_plot.h"
#include "plots/certified_accuracy_plot.h"
#include "plots/radius_cap.h"
#include "plots/radius_histogram_plot.h"
#include "plots/result_card.h"
#include "plots/training_plot.h"

#include <QGridLayout>

namespace pacd::ui {

PlotsView::PlotsView(QWidget* parent)
    : QWidget(parent), m_attack(new AttackPlot(this)), m_training(new TrainingPlot(this)),
      m_certified(new CertifiedAccuracyPlot(this)), m_acr(new AcrBarsPlot(this)), m_histogram(new RadiusHistogramPlot(this)),
      m_card(new ResultCard(this)) {
    m_attack->setObjectName(QStringLiteral("attackPlot"));
    m_training->setObjectName(QStringLiteral("trainingPlot"));
    m_certified->setObjectName(QStringLiteral("certifiedAccuracyPlot"));
    m_acr->setObjectName(QStringLiteral("acrBarsPlot"));
    m_histogram->setObjectName(QStringLiteral("radiusHistogramPlot"));
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(2, 2, 2, 2);
    arrange(false);
}

void PlotsView::arrange(bool presentation) {
    auto* grid = static_cast<QGridLayout*>(layout());
    for (auto* plot : plots())
        grid->removeWidget(plot);
    grid->removeWidget(m_card);
    for (int i = 0; i < 3; ++i) {
        grid->setRowStretch(i, 0);
        grid->setColumnStretch(i, 0);
    }
    if (presentation) {
        // 16:9 screens: three plots a row, each about as wide as tall, instead of three rows of flat plots.
        grid->addWidget(m_attack, 0, 0);
        grid->addWidget(m_training, 0, 1);
        grid->addWidget(m_certified, 0, 2);
        grid->addWidget(m_acr, 1, 0);
        grid->addWidget(m_histogram, 1, 1);
        grid->addWidget(m_card, 1, 2);
        for (int i = 0; i < 3; ++i)
            grid->setColumnStretch(i, 1);
        // Equal rows: at 4:3 (tried for the top row's legends) the histogram's legend covered its cap warning.
        grid->setRowStretch(0, 1);
        grid->setRowStretch(1, 1);
    } else {
        grid->addWidget(m_attack, 0, 0);
        grid->addWidget(m_training, 0, 1);
        grid->addWidget(m_certified, 1, 0);
        grid->addWidget(m_acr, 1, 1);
        grid->addWidget(m_histogram, 2, 0);
        grid->addWidget(m_card, 2, 1);
    }
}

QList<LivePlot*> PlotsView::plots() const {
    return {m_attack, m_training, m_certified, m_acr, m_histogram};
}

void PlotsView::startRun(qint64 trainEpochs, pacd::AttackObjective objective) {
    m_trainEpochs = std::max<qint64>(1, trainEpochs);
    m_attack->setObjective(objective);
    m_attackStepOffset = 0;
    for (auto* plot : plots())
        plot->clearData();
    m_card->clear();
}

void PlotsView::addMetrics(const QVector<MetricSample>& samples) {
    for (const auto& sample : samples) {
        const auto& m = sample.metrics;
        if (sample.stage == QLatin1String("poison") && m.contains(QStringLiteral("upper"))) {
            m_attack->addStep(double(sample.step), m.value(QStringLiteral("upper")), m.value(QStringLiteral("lower")));
        } else if (sample.stage == QLatin1String("train-epoch") && sample.step > 0 && m.contains(QStringLiteral("loss"))) {
            // Per epoch, not per progress report: within an epoch the trainer reports a running mean that
            // restarts every epoch, which would draw a saw-tooth. One curve per victim (its plan stage).
            m_training->addPoint(sample.run, QString::fromStdString(pacd::nameOf(sample.dataKind)), double(sample.step),
                                 m.value(QStringLiteral("loss")));
        }
    }
}

void PlotsView::addVictim(const pacd::VictimResult& victim) {
    m_certified->addVictim(victim);
    m_acr->addVictim(victim);
    m_histogram->addVictim(victim);
    m_card->addVictim(victim);
}

void PlotsView::setCertification(double sigma, qint64 n, double alpha) {
    const double cap = radiusCap(sigma, n, alpha);
    m_certified->setRadiusCap(cap, n);
    m_histogram->setRadiusCap(cap, n);
}

void PlotsView::showRecord(const pacd::RunRecord& record) {
    for (auto* plot : plots())
        plot->clearData();
    m_card->clear();
    for (const auto& victim : record.victims)
        addVictim(victim);
}

void PlotsView::setPresentation(bool on) {
    arrange(on);
    for (auto* plot : plots())
        plot->setPresentation(on);
}

} // namespace pacd::ui
