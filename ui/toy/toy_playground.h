#pragma once
// The toy playground (App. D.2, Fig. 2): two 2-D Gaussians, the clean and the poisoned decision boundaries with
// their analytic counterparts, certified-radius circles around points the user places and drags, a heat map of
// the radius over the plane, and the poisons moving while ApproxGrad runs (replayable afterwards). The ε and σ
// sliders rerun the attack by themselves: a new value cancels a run under way, and the last result stays on show,
// greyed and marked stale, until the new one arrives.
#include "toy/toy_engine.h"

#include <QThread>
#include <QVector>
#include <QWidget>

#include <functional>
#include <optional>

class QCheckBox;
class QComboBox;
class QCPColorMap;
class QCPCurve;
class QCPGraph;
class QCPItemEllipse;
class QCPItemText;
class QCustomPlot;
class QDoubleSpinBox;
class QBoxLayout;
class QFormLayout;
class QGroupBox;
class QLabel;
class QMouseEvent;
class QProgressBar;
class QPushButton;
class QScrollArea;
class QSlider;
class QSpinBox;
class QTimer;

namespace pacd::ui {

class ToyWorker;

class ToyPlayground : public QWidget {
    Q_OBJECT
  public:
    /// What the radius heat map shows: nothing, or the certified radius of the clean or the poisoned classifier.
    enum class RadiusMap { Off, Clean, Poisoned };
    /// Quiet time after the last slider move before the attack reruns (the attack takes seconds).
    static constexpr int kRerunDelayMs = 400;

    explicit ToyPlayground(QWidget* parent = nullptr);
    ~ToyPlayground() override;

    /// The controls' values (ε, σ, upper steps, points per class; the rest as defaultToySettings()).
    ToySettings settings() const;
    void setSettings(const ToySettings& settings);
    bool isRunning() const { return m_running; }
    /// The last finished run, if any (it stays while a rerun is under way).
    const std::optional<ToyOutcome>& outcome() const { return m_outcome; }
    /// The settings the last finished run was made with.
    const ToySettings& outcomeSettings() const { return m_outcomeSettings; }
    QSlider* epsilonSlider() const { return m_epsilonSlider; }
    QSlider* sigmaSlider() const { return m_sigmaSlider; }
    /// Whether a slider or spin-box edit of ε or σ reruns the attack (default on).
    void setAutoRerun(bool on);
    bool autoRerun() const;
    /// Presentation mode: thicker boundaries and circles (the text follows the window's font).
    void setPresentation(bool on);
    void setRadiusMap(RadiusMap map);
    RadiusMap radiusMap() const { return m_mapKind; }
    /// The heat map's value in the cell holding (x, y): the certified radius there, positive on class −1's side,
    /// negative on class +1's; NaN when the map is off.
    double radiusMapValue(double x, double y) const;
    /// Upper steps recorded during the last run (for the replay).
    int recordedSteps() const { return static_cast<int>(m_recorded.size()); }
    bool isReplaying() const;
    /// True when the measured results on show were made with other ε, σ or points than the controls now hold:
    /// they are greyed and marked until the next run.
    bool isStale() const;
    /// The results panel's text (rich text), for tests.
    QString resultsText() const;
    /// The plot, for export.
    QCustomPlot* plot() const { return m_plot; }
    /// Poisons of the latest step or of the outcome (all of them; at most 500 per class are drawn).
    int poisonCount() const;

    /// A probe point: circles of its certified radius under the clean and the poisoned boundary (before a run:
    /// the analytic clean one). What a click on the plot does.
    void addProbe(double x, double y);
    /// Moves probe i (what dragging it does).
    void moveProbe(int i, double x, double y);
    void clearProbes();
    int probeCount() const { return static_cast<int>(m_probes.size()); }
    QPointF probePosition(int i) const;
    /// The probe panel's text: the last placed or dragged point's radii (tests).
    QString probeText() const;
    /// Radii of probe i: {clean, poisoned}; poisoned is −1 before a run has finished.
    QPair<double, double> probeRadii(int i) const;

  public Q_SLOTS:
    void start();
    void cancel();
    /// Plays the recorded upper steps again (poisons and the lower level's boundary), then shows the result.
    void replaySteps();

  Q_SIGNALS:
    void started();
    void stepped(qint64 step, qint64 total);
    void finished();
    void cancelled();
    void failed(const QString& message);

  protected:
    void changeEvent(QEvent* event) override;

  private:
    struct Probe {
        double x = 0, y = 0;
        QCPItemEllipse* clean = nullptr;
        QCPItemEllipse* poisoned = nullptr;
        QCPItemText* label = nullptr;
    };

    void buildPlot();
    /// The panel's compact layout (presentation mode): sliders beside their spin boxes, the progress beside Run.
    void setCompact(bool compact);
    void retranslate();
    /// Shows `text()` in the status line, and again in the new language after a switch.
    void setStatus(std::function<QString()> text);
    void showData(const ToyData& data);
    void onStep(const ToyStepView& step);
    void onFinished(const ToyOutcome& outcome);
    void onEnded();
    void onPlotClicked(QMouseEvent* event);
    void onPlotMoved(QMouseEvent* event);
    /// A user's edit of ε or σ: reruns after kRerunDelayMs of quiet (when on and there is a result to renew).
    void scheduleRerun();
    void rerun();
    void showStep(const ToyStepView& step);
    void refreshMap();
    void refreshProbeText();
    void refreshProbes();
    void refreshResults();
    void refreshAnalytic();
    void keepAspect();
    ToyLine cleanLine() const;
    ToyLine poisonedLine() const;

    QThread m_thread;
    ToyWorker* m_worker = nullptr;
    CancelToken m_cancel;
    bool m_running = false;
    std::optional<ToyOutcome> m_outcome;
    ToySettings m_outcomeSettings; ///< what m_outcome was measured with
    ToySettings m_runSettings;     ///< what the run under way measures
    bool m_restartPending = false; ///< a new value arrived during a run: start again when it has stopped
    bool m_applyingSettings = false;
    QVector<ToyStepView> m_recorded; ///< the steps shown during the last run
    int m_replayFrame = -1;
    int m_dragging = -1; ///< the probe under the mouse, −1 none
    int m_lastProbe = -1;
    RadiusMap m_mapKind = RadiusMap::Off;
    bool m_presentation = false;
    ToyData m_data;
    std::int64_t m_dataPoints = -1; ///< points per class of m_data (regenerated when the setting changes)
    QVector<Probe> m_probes;
    int m_poisonCount = 0;

    QDoubleSpinBox* m_epsilon = nullptr;
    QDoubleSpinBox* m_sigma = nullptr;
    QSlider* m_epsilonSlider = nullptr;
    QSlider* m_sigmaSlider = nullptr;
    QCheckBox* m_auto = nullptr;
    QComboBox* m_mapChoice = nullptr;
    QLabel* m_mapLabel = nullptr;
    QPushButton* m_replay = nullptr;
    QLabel* m_probeInfo = nullptr;
    QScrollArea* m_panelScroll = nullptr;
    QTimer* m_rerunTimer = nullptr;
    QTimer* m_replayTimer = nullptr;
    QCPColorMap* m_map = nullptr;
    QSpinBox* m_steps = nullptr;
    QSpinBox* m_points = nullptr;
    QFormLayout* m_form = nullptr;
    QBoxLayout* m_epsilonPair = nullptr; ///< ε's spin box and slider (setCompact turns it)
    QBoxLayout* m_sigmaPair = nullptr;
    QBoxLayout* m_buttons = nullptr;        ///< Run and Cancel (and the progress bar when compact)
    QBoxLayout* m_settingsLayout = nullptr; ///< the settings box's rows
    QBoxLayout* m_panel = nullptr;          ///< the left panel's rows
    QGroupBox* m_settingsBox = nullptr;
    QPushButton* m_clear = nullptr;
    QPushButton* m_run = nullptr;
    QPushButton* m_cancelButton = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    std::function<QString()> m_statusText;
    QLabel* m_results = nullptr;

    QCustomPlot* m_plot = nullptr;
    QCPGraph* m_positive = nullptr;
    QCPGraph* m_negative = nullptr;
    QCPGraph* m_poisons = nullptr;
    QCPGraph* m_means = nullptr;
    QCPGraph* m_probeMarks = nullptr;
    QCPCurve* m_cleanBoundary = nullptr;
    QCPCurve* m_poisonedBoundary = nullptr;
    QCPCurve* m_lowerBoundary = nullptr;
    QCPCurve* m_analyticClean = nullptr;
    QCPCurve* m_analyticPoisoned = nullptr;
};

} // namespace pacd::ui
