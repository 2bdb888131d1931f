#include "session/replay_banner.h"

#include "engine/run_controller.h"

#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>

namespace pacd::ui {

ReplayBanner::ReplayBanner(QWidget* parent)
    : QFrame(parent), m_text(new QLabel(this)), m_speed(new QComboBox(this)), m_replay(new QPushButton(this)),
      m_close(new QToolButton(this)) {
    setObjectName(QStringLiteral("replayBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    QPalette tinted = palette();
    tinted.setColor(QPalette::Window, QColor(255, 248, 214));
    tinted.setColor(QPalette::WindowText, QColor(40, 40, 40));
    setPalette(tinted);
    m_text->setTextFormat(Qt::RichText);
    m_text->setWordWrap(true);
    for (int speed : speeds())
        m_speed->addItem(QStringLiteral("×%1").arg(speed), speed);
    setSpeed(10);
    m_close->setText(QStringLiteral("✕"));
    m_close->setAutoRaise(true);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 3, 4, 3);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_speed);
    layout->addWidget(m_replay);
    layout->addWidget(m_close);
    connect(m_replay, &QPushButton::clicked, this, [this] {
        if (m_mode == Mode::Replaying)
            Q_EMIT stopRequested();
        else
            Q_EMIT replayRequested(speed());
    });
    connect(m_speed, &QComboBox::currentIndexChanged, this, [this] { Q_EMIT speedChanged(speed()); });
    connect(m_close, &QToolButton::clicked, this, &ReplayBanner::closeRequested);
    hide();
    retranslate();
}

void ReplayBanner::showRun(const pacd::RunRecord& record, bool replayable) {
    m_record = record;
    m_replayable = replayable;
    m_mode = Mode::Recorded;
    retranslate();
    show();
}

void ReplayBanner::setMode(Mode mode, double wallSeconds) {
    m_mode = mode;
    m_wallSeconds = wallSeconds;
    retranslate();
}

double ReplayBanner::speed() const {
    return m_speed->currentData().toDouble();
}

void ReplayBanner::setSpeed(double speed) {
    const int at = m_speed->findData(static_cast<int>(speed));
    m_speed->setCurrentIndex(at >= 0 ? at : m_speed->findData(10));
}

QString ReplayBanner::text() const {
    return m_text->text();
}

void ReplayBanner::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::LocaleChange) retranslate();
    QFrame::changeEvent(event);
}

void ReplayBanner::retranslate() {
    m_replay->setText(m_mode == Mode::Replaying ? tr("Stop") : tr("Replay"));
    m_replay->setEnabled(m_replayable);
    m_replay->setToolTip(m_replayable ? tr("Replays the run as it was recorded, at the chosen speed, through the same "
                                           "live plots (pauses longer than %1 s are shortened)")
                                            .arg(locale().toString(RunController::kReplayMaxGapSeconds))
                                      : tr("This run has no event log (recorded before replays existed, or all of its "
                                           "stages were reused): it can be shown, not replayed"));
    m_speed->setToolTip(tr("Replay speed"));
    m_close->setToolTip(tr("Close the banner (the plots keep the run)"));
    const QString what =
        QString::fromStdString(m_record.preset.empty() ? m_record.name : m_record.preset + " · " + m_record.name);
    const auto started = QDateTime::fromString(QString::fromStdString(m_record.startedAt), Qt::ISODate);
    const QString when = started.isValid() ? locale().toString(started.toLocalTime(), QLocale::ShortFormat)
                                           : QString::fromStdString(m_record.startedAt);
    QString mode;
    switch (m_mode) {
    case Mode::Recorded:
        mode = tr("recorded run");
        break;
    case Mode::Replaying:
        mode = tr("replay ×%1").arg(speed());
        break;
    case Mode::Replayed:
        mode = tr("replayed ×%1 in %2 s").arg(speed()).arg(locale().toString(m_wallSeconds, 'f', 0));
        break;
    }
    m_text->setText(
        tr("<b>%1</b> — run #%2 of %3 · <b>%4</b>").arg(what.toHtmlEscaped()).arg(m_record.id).arg(when.toHtmlEscaped(), mode));
}

} // namespace pacd::ui
