#pragma once
// The strip above the tabs while a stored run is shown: which run it is (preset or spec, when it ran, its id), and
// whether the plots show the recorded run or its replay at ×N, with the speed and Replay / Stop. A lecturer runs
// the attack before class and replays it in class; the banner keeps the audience from taking it for a live run.
#include "results/run_record.h"

#include <QFrame>

class QComboBox;
class QLabel;
class QPushButton;
class QToolButton;

namespace pacd::ui {

class ReplayBanner : public QFrame {
    Q_OBJECT
  public:
    enum class Mode { Recorded, Replaying, Replayed };
    explicit ReplayBanner(QWidget* parent = nullptr);

    /// Shows the banner for `record`; `replayable` = it has an event log (else Replay is off, with the reason).
    void showRun(const pacd::RunRecord& record, bool replayable);
    void setMode(Mode mode, double wallSeconds = 0);
    Mode mode() const { return m_mode; }
    double speed() const;
    void setSpeed(double speed);
    /// The banner's line as shown (tests, screenshots).
    QString text() const;
    QPushButton* replayButton() const { return m_replay; }

    /// The speeds offered (×).
    static QVector<int> speeds() { return {1, 2, 5, 10, 20, 30, 60}; }

  Q_SIGNALS:
    void replayRequested(double speed);
    void stopRequested();
    void speedChanged(double speed);
    void closeRequested();

  protected:
    void changeEvent(QEvent* event) override;

  private:
    void retranslate();

    pacd::RunRecord m_record;
    bool m_replayable = false;
    Mode m_mode = Mode::Recorded;
    double m_wallSeconds = 0;
    QLabel* m_text;
    QComboBox* m_speed;
    QPushButton* m_replay;
    QToolButton* m_close;
};

} // namespace pacd::ui
