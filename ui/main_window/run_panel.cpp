#include "main_window/run_panel.h"

#include <QCoreApplication>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

#include <cmath>

namespace pacd::ui {

RunPanel::RunPanel(QWidget* parent)
    : QWidget(parent), m_start(new QPushButton(this)), m_pause(new QPushButton(this)), m_cancel(new QPushButton(this)),
      m_stage(new QLabel(this)), m_stageBar(new QProgressBar(this)), m_stageEta(new QLabel(this)),
      m_overallLabel(new QLabel(this)), m_overall(new QProgressBar(this)), m_overallEta(new QLabel(this)),
      m_outcome(new QLabel(this)) {
    m_outcome->setObjectName(QStringLiteral("outcome"));
    m_outcome->setWordWrap(true);
    m_start->setObjectName(QStringLiteral("start"));
    m_pause->setObjectName(QStringLiteral("pause"));
    m_cancel->setObjectName(QStringLiteral("cancel"));
    m_overall->setObjectName(QStringLiteral("overallProgress"));
    m_stageBar->setObjectName(QStringLiteral("stageProgress"));
    m_start->setDefault(true);
    for (auto* bar : {m_stageBar, m_overall})
        bar->setRange(0, 1000);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_start, 2);
    buttons->addWidget(m_pause, 1);
    buttons->addWidget(m_cancel, 1);
    auto* grid = new QGridLayout;
    grid->addWidget(m_stage, 0, 0, 1, 2);
    grid->addWidget(m_stageBar, 1, 0);
    grid->addWidget(m_stageEta, 1, 1);
    grid->addWidget(m_overallLabel, 2, 0, 1, 2);
    grid->addWidget(m_overall, 3, 0);
    grid->addWidget(m_overallEta, 3, 1);
    grid->setColumnStretch(0, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addLayout(grid);
    layout->addWidget(m_outcome);
    connect(m_start, &QPushButton::clicked, this, &RunPanel::startClicked);
    connect(m_pause, &QPushButton::clicked, this, [this] {
        if (m_state == RunController::State::Paused)
            Q_EMIT resumeClicked();
        else
            Q_EMIT pauseClicked();
    });
    connect(m_cancel, &QPushButton::clicked, this, &RunPanel::cancelClicked);
    reset();
    setState(RunController::State::Idle);
}

QString RunPanel::durationText(double seconds) {
    const auto tr = [](const char* text) { return QCoreApplication::translate("pacd::ui::RunPanel", text); };
    if (seconds < 0 || !std::isfinite(seconds)) return QStringLiteral("—");
    const auto s = static_cast<long long>(std::llround(seconds));
    if (s >= 3600) return tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
    if (s >= 60) return tr("%1 min %2 s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    return tr("%1 s").arg(s);
}

void RunPanel::setOutcome(Outcome outcome, const QString& detail) {
    m_last.kind = outcome;
    m_last.stage = m_stageInfo.index + 1;
    m_last.total = m_stageInfo.total;
    m_last.seconds = m_progress.elapsedSeconds;
    m_last.detail = detail;
    retranslate();
}

void RunPanel::setCompact(bool compact) {
    m_compact = compact;
    // The whole run's bar and ETA stay (the ETA label says the time left); the stage's rows and the elapsed-time
    // line go, and the margins shrink, so that the strip takes little of a 720-pixel screen.
    for (QWidget* widget : {static_cast<QWidget*>(m_stage), static_cast<QWidget*>(m_stageBar), static_cast<QWidget*>(m_stageEta),
                            static_cast<QWidget*>(m_overallLabel)})
        widget->setVisible(!compact);
    const int margin = compact ? 2 : style()->pixelMetric(QStyle::PM_LayoutLeftMargin);
    layout()->setContentsMargins(margin, margin, margin, margin);
    retranslate(); // the outcome line's visibility
}

void RunPanel::clearOutcome() {
    m_last = {};
    retranslate();
}

void RunPanel::setEstimate(double seconds) {
    m_estimate = seconds;
    retranslate();
}

QString RunPanel::outcomeText() const {
    return m_outcome->text();
}

void RunPanel::setState(RunController::State state) {
    m_state = state;
    using S = RunController::State;
    m_start->setEnabled(state == S::Idle || state == S::Replaying); // Start ends a replay
    m_pause->setEnabled(state == S::Running || state == S::Paused);
    m_cancel->setEnabled(state == S::Running || state == S::Paused || state == S::Pausing || state == S::Replaying);
    retranslate();
}

void RunPanel::setProgress(const RunProgress& progress) {
    m_progress = progress;
    m_stageBar->setValue(static_cast<int>(std::lround(progress.stageFraction * 1000)));
    m_overall->setValue(static_cast<int>(std::lround(progress.overallFraction * 1000)));
    retranslate();
}

void RunPanel::setStage(const StageInfo& stage) {
    m_stageInfo = stage;
    m_stageBar->setValue(0);
    retranslate();
}

void RunPanel::reset() {
    m_progress = {};
    m_stageInfo = {};
    m_stageBar->setValue(0);
    m_overall->setValue(0);
    retranslate();
}

void RunPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void RunPanel::retranslate() {
    using S = RunController::State;
    m_start->setText(tr("Start"));
    m_start->setToolTip(
        tr("Poison the target class, retrain victims on clean, watermarked and poisoned data, and certify them."));
    m_pause->setText(m_state == S::Paused ? tr("Resume") : tr("Pause"));
    m_pause->setToolTip(tr("Pausing stops after the next checkpoint; resuming continues from it with the same results."));
    m_cancel->setText(tr("Cancel"));
    const QString stageName = m_stageInfo.name.isEmpty() ? QStringLiteral("—") : m_stageInfo.name;
    QString state;
    switch (m_state) {
    case S::Idle:
        state = tr("ready");
        break;
    case S::Running:
        state = tr("running");
        break;
    case S::Pausing:
        state = tr("pausing after the next checkpoint…");
        break;
    case S::Paused:
        state = tr("paused");
        break;
    case S::Cancelling:
        state = tr("cancelling…");
        break;
    case S::Replaying:
        state = tr("replay of a recorded run; Cancel stops it");
        break;
    }
    if (m_stageInfo.total > 0)
        m_stage->setText(tr("Stage %1 of %2: %3 (%4)").arg(m_stageInfo.index + 1).arg(m_stageInfo.total).arg(stageName, state));
    else
        m_stage->setText(tr("Stage: %1 (%2)").arg(stageName, state));
    m_stageEta->setText(tr("ETA %1").arg(durationText(m_progress.stageEtaSeconds)));
    m_overallLabel->setText(tr("Whole run: %1 elapsed").arg(durationText(m_progress.elapsedSeconds)));
    m_overallEta->setText(tr("ETA %1").arg(durationText(m_progress.overallEtaSeconds)));
    QString outcome;
    const QString detail = m_last.detail.isEmpty() ? QString() : QStringLiteral(": ") + m_last.detail;
    switch (m_last.kind) {
    case Outcome::Finished:
        outcome = tr("Last run finished in %1%2").arg(durationText(m_last.seconds), detail);
        break;
    case Outcome::Cancelled:
        outcome = tr("Last run cancelled in stage %1 of %2 after %3; Start resumes it from its last checkpoint")
                      .arg(m_last.stage)
                      .arg(m_last.total)
                      .arg(durationText(m_last.seconds));
        break;
    case Outcome::Failed:
        outcome = tr("Last run failed in stage %1 of %2 after %3%4")
                      .arg(m_last.stage)
                      .arg(m_last.total)
                      .arg(durationText(m_last.seconds), detail);
        break;
    case Outcome::None:
        break;
    }
    if (m_state == RunController::State::Idle && m_estimate >= 0) {
        const QString estimate = tr("Estimated duration of this run: %1 (cost model, 2-core CPU)").arg(durationText(m_estimate));
        outcome = outcome.isEmpty() ? estimate : outcome + QLatin1Char('\n') + estimate;
    }
    m_outcome->setText(outcome);
    m_outcome->setVisible(!m_compact && !outcome.isEmpty());
}

} // namespace pacd::ui
