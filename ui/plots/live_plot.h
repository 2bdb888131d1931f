#pragma once
// A QCustomPlot that replots at a bounded rate: data may arrive hundreds of times a second, the plot redraws at
// most every `intervalMs` (default 100 ms, ≤ 10 Hz), and only when something changed.
//
// Every plot's text follows its widget font together (title, axis and tick labels, legend: a window that enlarges
// its font for a projector enlarges all of it), and after each replot the plot mends its own layout: tick labels
// that collide are thinned (numbers) or rotated (category names), and an inset legend that covers data moves to a
// free corner of the axes, or below them when no corner is free (plot_geometry.h measures both).
#include "plots/qcustomplot_include.h"

#include <QHash>
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
    /// Presentation mode: pens of every curve, bar outline and error bar drawn `kPresentationPenScale` times as
    /// wide, so that a projector shows them (the text follows the window's font).
    void setPresentation(bool on);
    bool isPresentation() const { return m_presentation; }
    static constexpr double kPresentationPenScale = 2.0;

  protected:
    void changeEvent(QEvent* event) override;
    /// Axis labels, legend names: called at construction and on language change.
    virtual void retranslate() = 0;
    /// Shows the legend once it has entries.
    void setLegendWanted(bool wanted);
    /// Moves the legend out of the axes into a new row of the layout under them (it can never cover a curve there),
    /// `wrap` entries per row, as wide as the plot whether or not it has entries yet.
    void putLegendUnderAxes(int wrap, const QMargins& margins);
    /// The title above the axes (created on first use).
    void setTitle(const QString& title);
    /// Fits the axes to the data before a replot (default: rescaleAxes()).
    virtual void fitAxes();
    /// A colour per data kind (clean / watermark / poison), the same in every plot.
    static QColor colorFor(const QString& data);
    /// A translated name per data kind.
    static QString nameFor(const QString& data);

    void resizeEvent(QResizeEvent* event) override;

  private:
    /// Fonts from the widget's font and pens from the presentation scale, on every element there is now.
    void applyStyle();
    /// After a replot: thins or rotates colliding tick labels, moves a legend off the data; true when it changed
    /// something (another replot follows).
    bool mendLayout();
    bool placeLegend();

    /// Legends outside the axes (below them): as many entries per row as fit the width.
    bool fitLegendColumns();
    /// A title wider than the plot: broken into two lines at the space nearest its middle.
    bool fitTitle();
    /// Back to the plot's own choices (tick count, rotation, one-line title) before a new layout is mended.
    void resetMends();
    /// The category names of `axis` as the plot set them, if they were broken in two lines.
    void restoreCategories(QCPAxis* axis);

    QCPTextElement* m_title = nullptr;
    QString m_titleText;
    QHash<QCPAxis*, QPair<QString, QString>> m_labels;       ///< axis labels broken in two lines: {the plot's, broken}
    QHash<QCPTextElement*, QPair<QString, QString>> m_texts; ///< captions wrapped to the plot's width: {the plot's, wrapped}
    /// Category names broken in two lines, per axis: the ticker they were broken on and its names as the plot set them.
    QHash<QCPAxis*, QPair<QSharedPointer<QCPAxisTicker>, QMap<double, QString>>> m_categories;
    bool m_presentation = false;
    int m_mendPasses = 0; ///< replots since the last outside request that only mended the layout (bounded)
    bool m_wantsLegend = false;
    QTimer m_timer;
    int m_replots = 0;
    bool m_dirty = false;
};

} // namespace pacd::ui
