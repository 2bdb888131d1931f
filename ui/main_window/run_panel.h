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

    /// How the last run ended; it stays on the panel until the next Start (clearOutcome()).
    enum class Outcome { None, Finished, Cancelled, Failed };
    /// Records the outcome against the stage and elapsed time shown now; `detail` is appended (the result's ACR
    /// change, the error).
    void setOutcome(Outcome outcome, const QString& detail = {});
    void clearOutcome();
    /// The whole run's expected duration before Start (the cost model's), < 0 = unknown.
    void setEstimate(double seconds);
    /// The outcome or estimate line as shown.
    QString outcomeText() const;
    /// Presentation mode's strip: the buttons and the whole run's progress only (the stage's bar and the outcome
    /// line hidden; the outcome stays recorded and shows again on leaving).
    void setCompact(bool compact);

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
    QLabel* m_outcome;
    struct {
        Outcome kind = Outcome::None;
        qint64 stage = 0, total = 0;
        double seconds = -1;
        QString detail;
    } m_last;
    double m_estimate = -1;
    bool m_compact = false;
    RunController::State m_state = RunController::State::Idle;
    RunProgress m_progress;
    StageInfo m_stageInfo;
};

} // namespace pacd::ui
