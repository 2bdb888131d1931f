#pragma once
// The toy playground (App. D.2, Fig. 2): two 2-D Gaussians, the clean and the poisoned decision boundaries,
// certified-radius circles around clicked points, and the poisons moving while ApproxGrad runs.
#include "toy/toy_engine.h"

#include <QThread>
#include <QVector>
#include <QWidget>

#include <functional>
#include <optional>

class QCPCurve;
class QCPGraph;
class QCPItemEllipse;
class QCPItemText;
class QCustomPlot;
class QDoubleSpinBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QMouseEvent;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace pacd::ui {

class ToyWorker;

class ToyPlayground : public QWidget {
    Q_OBJECT
  public:
    explicit ToyPlayground(QWidget* parent = nullptr);
    ~ToyPlayground() override;

    /// The controls' values (ε, σ, upper steps, points per class; the rest as defaultToySettings()).
    ToySettings settings() const;
    void setSettings(const ToySettings& settings);
    bool isRunning() const { return m_running; }
    /// The last finished run, if any.
    const std::optional<ToyOutcome>& outcome() const { return m_outcome; }
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
    void clearProbes();
    int probeCount() const { return static_cast<int>(m_probes.size()); }
    /// Radii of probe i: {clean, poisoned}; poisoned is −1 before a run has finished.
    QPair<double, double> probeRadii(int i) const;

  public Q_SLOTS:
    void start();
    void cancel();

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
    void retranslate();
    /// Shows `text()` in the status line, and again in the new language after a switch.
    void setStatus(std::function<QString()> text);
    void showData(const ToyData& data);
    void onStep(const ToyStepView& step);
    void onFinished(const ToyOutcome& outcome);
    void onEnded();
    void onPlotClicked(QMouseEvent* event);
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
    ToyData m_data;
    std::int64_t m_dataPoints = -1; ///< points per class of m_data (regenerated when the setting changes)
    QVector<Probe> m_probes;
    int m_poisonCount = 0;

    QDoubleSpinBox* m_epsilon = nullptr;
    QDoubleSpinBox* m_sigma = nullptr;
    QSpinBox* m_steps = nullptr;
    QSpinBox* m_points = nullptr;
    QFormLayout* m_form = nullptr;
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
