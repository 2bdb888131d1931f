#pragma once
// A QCustomPlot that replots at a bounded rate: data may arrive hundreds of times a second, the plot redraws at
// most every `intervalMs` (default 100 ms, ≤ 10 Hz), and only when something changed.
#include "plots/qcustomplot_include.h"

#include <QTimer>

namespace pacd::ui {

class LivePlot : public QCustomPlot {
    Q_OBJECT
  public:
    explicit LivePlot(QWidget* parent = nullptr);

    /// Asks for a replot; it happens on the next tick of the rate limiter.
    void scheduleReplot();
    void setReplotInterval(int milliseconds);
    /// Replots done by the limiter so far (tests check that bursts coalesce).
    int replotCount() const { return m_replots; }
    /// Removes all data (a new run).
    virtual void clearData() = 0;
    /// Points in the plot's data (tests).
    virtual int pointCount() const;

  protected:
    void changeEvent(QEvent* event) override;
    /// Axis labels, legend names: called at construction and on language change.
    virtual void retranslate() = 0;
    /// Shows the legend once it has entries.
    void setLegendWanted(bool wanted);
    /// The title above the axes (created on first use).
    void setTitle(const QString& title);
    /// Fits the axes to the data before a replot (default: rescaleAxes()).
    virtual void fitAxes();
    /// A colour per data kind (clean / watermark / poison), the same in every plot.
    static QColor colorFor(const QString& data);
    /// A translated name per data kind.
    static QString nameFor(const QString& data);

  private:
    QCPTextElement* m_title = nullptr;
    bool m_wantsLegend = false;
    QTimer m_timer;
    int m_replots = 0;
    bool m_dirty = false;
};

} // namespace pacd::ui
