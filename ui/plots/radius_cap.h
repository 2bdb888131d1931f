#pragma once
// The largest radius CERTIFY can give with n samples, σ·Φ⁻¹(α^(1/n)) (all n samples vote for the top class), drawn
// as a dashed vertical line with its value on the radius axes, and a warning over the plot when most points of a
// data kind sit at it: then n, not the model, limits their radii, and the drop a poisoning causes is understated.
#include "plots/qcustomplot_include.h"
#include "results/run_record.h"

#include <QMap>
#include <QPointer>

namespace pacd::ui {

/// σ·Φ⁻¹(α^(1/n)); 0 when the parameters are not valid (σ <= 0, n < 1, α outside (0, 1)).
double radiusCap(double sigma, qint64 n, double alpha);

/// Shares above which the warning shows: "most points".
inline constexpr double kCapWarningShare = 0.5;

/// The cap's line, label and warning on one plot.
class RadiusCapMarker {
  public:
    explicit RadiusCapMarker(QCustomPlot* plot);
    /// The cap of the current run (0 hides the line) and its n (for the label).
    void setCap(double cap, qint64 n);
    /// Where the warning sits, in fractions of the axis rectangle, and which of its corners is there (a free
    /// region of the plot: the histogram's middle, the certified-accuracy plot's bottom left).
    void setWarningPlace(double x, double y, Qt::Alignment alignment);
    /// Whether this plot draws the warning box at all (the line and label stay). The certified-accuracy plot does not:
    /// in presentation mode its axes are a few dozen pixels tall and the box covered the curves (the histogram
    /// beside it carries the same warning).
    void setWarningShown(bool shown);
    bool warningShown() const;
    double cap() const { return m_cap; }
    /// Records a victim's share of points at the cap (VictimResult::fractionAtCap).
    void addVictim(const pacd::VictimResult& victim);
    void clear();
    /// The warning shown, "" when none (tests).
    QString warning() const;
    /// Texts after a language change.
    void retranslate();

  private:
    void update();

    QCustomPlot* m_plot;
    QPointer<QCPItemStraightLine> m_line;
    QPointer<QCPItemText> m_label;
    QPointer<QCPItemText> m_warning;
    double m_cap = 0;
    qint64 m_n = 0;
    bool m_warningShown = true;
    QMap<QString, QVector<double>> m_shares; ///< per data kind, each victim's fraction at the cap
};

} // namespace pacd::ui
