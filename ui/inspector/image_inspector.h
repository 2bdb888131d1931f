#pragma once
// The image inspector: one row per poison, clean | poisoned | amplified δ, with L∞, L2, PSNR and SSIM; live. It
// keeps every poison it was given and shows a page of them ("Showing 1–8 of 582 poisons"), which the user
// scrolls, filters by image index and sorts by how visible the perturbation is.
#include "inspector/image_metrics.h"

#include <QImage>
#include <QVector>
#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QScrollBar;
class QSlider;

namespace pacd::ui {

class ImageCell;

/// Shows the attack's poisons next to their clean bases. The main window feeds it from its (throttled) poison
/// preview: updateImages() replaces the rows, keeping the widgets when the count is unchanged. A click on an image
/// enlarges it (nearest neighbour); the slider blends the poisoned column from clean (0 %) to poisoned (100 %).
class ImageInspector : public QWidget {
    Q_OBJECT
  public:
    enum Column { CleanColumn = 0, PoisonedColumn = 1, PerturbationColumn = 2, ColumnCount = 3 };
    /// The order of the rows: by image index, or the most visible perturbation first.
    enum class Order { Index = 0, LargestL2 = 1, LowestSsim = 2 };
    /// Rows on one page.
    static constexpr int kPageRows = 8;
    /// Poisons kept at most (a CIFAR-10 poison set of 5,000 images is 120 MB of floats at this cap).
    static constexpr int kMaximumKept = 5000;

    explicit ImageInspector(QWidget* parent = nullptr);

    /// The attack's ℓ∞ budget, for the caption and the automatic amplification 0.5/ε (δ = ±ε at the map's ends);
    /// 0 = unknown (the amplification then follows the largest |δ| shown).
    void setEpsilon(double epsilon);
    double epsilon() const { return m_epsilon; }
    /// Fixes the amplification k of the δ column (δ × k); 0 returns to automatic.
    void setAmplification(double amplification);
    double amplification() const { return m_amplification; }
    /// "δ × 5 (ε = 0.1)": the δ column's header.
    QString amplificationCaption() const;
    /// The poisoned column shows (1 − t)·clean + t·poisoned; t in [0, 1], default 1.
    void setBlend(double t);
    double blend() const;

    /// Rows shown now (one page); row i shows the i-th poison of the filtered, sorted list from firstShown().
    int rowCount() const { return static_cast<int>(m_rows.size()); }
    /// Poisons kept, and those the filter lets through.
    int keptCount() const { return static_cast<int>(m_all.size()); }
    int filteredCount() const { return static_cast<int>(m_visible.size()); }
    int firstShown() const { return m_first; }
    /// The whole poison set's size when known (a run's), 0 = unknown: "of 582" although fewer arrived yet.
    void setPoisonTotal(qint64 total);
    /// "Showing 1–8 of 582 poisons — scroll or filter".
    QString countText() const;
    /// Shows the page starting at the `first` poison of the filtered list (clamped).
    void scrollTo(int first);
    /// Image indices to show: "17", "100-200", "3, 17, 40-45"; empty shows all. Returns false (and shows all)
    /// when the text is not understood.
    bool setFilter(const QString& text);
    void setOrder(Order order);
    int cellCount() const { return rowCount() * ColumnCount; }
    /// The image shown in a cell (unscaled), or a null image out of range.
    QImage cellImage(int row, int column) const;
    PerturbationMetrics metrics(int row) const;
    qint64 rowIndex(int row) const;
    /// The whole grid (headers, images, metrics) as rendered, for export as PNG.
    QImage gridImage() const;

  public Q_SLOTS:
    /// Replaces the poisons: `rows` names each image (its training-file index), `poisoned` and `base` hold C×H×W
    /// floats in [0, 1] of the given shape (1 or 3 channels). Entries of the wrong length are skipped.
    void updateImages(const QVector<qint64>& rows, const QVector<QVector<float>>& poisoned, const QVector<QVector<float>>& base,
                      int channels, int height, int width);
    /// Adds or updates poisons by index, keeping the others (a live run's previews, one batch at a time).
    void mergeImages(const QVector<qint64>& rows, const QVector<QVector<float>>& poisoned, const QVector<QVector<float>>& base,
                     int channels, int height, int width);
    void clear();
    /// Opens the enlarged view of a cell (what a click does).
    void openCell(int row, int column);

  Q_SIGNALS:
    void cellClicked(int row, int column);

  protected:
    void changeEvent(QEvent* event) override;

  private:
    struct Entry {
        qint64 index = 0;
        QVector<float> clean, poisoned;
        PerturbationMetrics metrics;
    };
    struct Row {
        qint64 index = 0;
        QVector<float> clean, poisoned;
        PerturbationMetrics metrics;
        QLabel* label = nullptr;
        ImageCell* cells[ColumnCount] = {};
        QLabel* metricsLabel = nullptr;
    };

    /// Checks and adds images into m_all (replacing an entry of the same index); false when the shape is unusable.
    bool take(const QVector<qint64>& rows, const QVector<QVector<float>>& poisoned, const QVector<QVector<float>>& base,
              int channels, int height, int width);
    /// Filter, order, page: which entries the rows show.
    void refilter();
    void showPage();
    void resizeRows(int count);
    void refreshRow(int row);
    void refreshAll();
    void updateAutomaticAmplification();
    void updateCaption();
    void updateBlendLabel();
    void retranslate();

    QVector<Entry> m_all;                    ///< by index
    QVector<int> m_visible;                  ///< positions in m_all that pass the filter, in the chosen order
    QVector<QPair<qint64, qint64>> m_ranges; ///< the filter's index ranges (empty: all)
    Order m_order = Order::Index;
    int m_first = 0;
    qint64 m_total = 0;
    QVector<Row> m_rows;
    ImageShape m_shape;
    double m_epsilon = 0.0;
    double m_amplification = 1.0;
    bool m_automaticAmplification = true;

    QLabel* m_caption = nullptr;
    QLabel* m_legend = nullptr;
    QLabel* m_legendLow = nullptr;
    QLabel* m_legendHigh = nullptr;
    QLabel* m_headers[ColumnCount] = {}; ///< above the image columns; δ's is the amplification caption
    QLabel* m_indexHeader = nullptr;
    QLabel* m_metricsHeader = nullptr;
    QLabel* m_blendLabel = nullptr;
    QLabel* m_empty = nullptr;
    QLabel* m_count = nullptr;
    QLineEdit* m_filter = nullptr;
    QComboBox* m_orderBox = nullptr;
    QScrollBar* m_pager = nullptr;
    QDoubleSpinBox* m_amplificationBox = nullptr;
    QSlider* m_blend = nullptr;
    QWidget* m_grid = nullptr;
    QGridLayout* m_gridLayout = nullptr;
};

} // namespace pacd::ui
