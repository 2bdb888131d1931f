#pragma once
// Start, pause/resume and cancel, with the stage's and the run's progress and ETA.
#include "engine/run_controller.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace pacd::ui {

class RunPanel : public QWidget {
    Q_OBJECT
  public:
    explicit RunPanel(QWidget* parent = nullptr);

    QPushButton* startButton() const { return m_start; }
    QPushButton* pauseButton() const { return m_pause; }
    QPushButton* cancelButton() const { return m_cancel; }
    QProgressBar* overallBar() const { return m_overall; }
    QProgressBar* stageBar() const { return m_stageBar; }

    /// "1 h 05 min", "3 min 20 s", "12 s"; "—" when unknown (< 0).
    static QString durationText(double seconds);

  public Q_SLOTS:
    void setState(pacd::ui::RunController::State state);
    void setProgress(const pacd::ui::RunProgress& progress);
    void setStage(const pacd::ui::StageInfo& stage);
    void reset();

  Q_SIGNALS:
    void startClicked();
    void pauseClicked();
    void resumeClicked();
    void cancelClicked();

  protected:
    void changeEvent(QEvent* event) override;

  private:
    void retranslate();

    QPushButton* m_start;
    QPushButton* m_pause;
    QPushButton* m_cancel;
    QLabel* m_stage;
    QProgressBar* m_stageBar;
    QLabel* m_stageEta;
    QLabel* m_overallLabel;
    QProgressBar* m_overall;
    QLabel* m_overallEta;
    RunController::State m_state = RunController::State::Idle;
    RunProgress m_progress;
    StageInfo m_stageInfo;
};

} // namespace pacd::ui
