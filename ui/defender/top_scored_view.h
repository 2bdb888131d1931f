#pragma once
// The training images a detector finds most suspicious: one row per detector, highest score first, each image with
// its score under it and a red frame when it is a poison. Painted to the widget's size (the images as large as the
// rows allow, as many columns as fit), with the widget's font, so that presentation mode's larger type applies.
#include "defender/defender_data.h"

#include <QImage>
#include <QWidget>

namespace pacd::ui {

class TopScoredView : public QWidget {
    Q_OBJECT
  public:
    /// One detector's highest-scored points and their images (same order).
    struct Row {
        QString detector;
        QVector<ScoredPoint> points;
        QVector<QImage> images;
    };

    explicit TopScoredView(QWidget* parent = nullptr);

    void setRows(const QVector<Row>& rows);
    const QVector<Row>& rows() const { return m_rows; }
    void clear();
    /// Images per row the current size shows (at most the rows' length).
    int columnsShown() const;
    /// Where image `column` of row `row` is painted (empty when it is not shown at this size).
    QRect cellRect(int row, int column) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

  protected:
    void paintEvent(QPaintEvent* event) override;

  private:
    /// Cell side and columns for the current size and font.
    struct Geometry {
        int label = 0, cell = 0, columns = 0, rowHeight = 0, gap = 4, text = 0;
    };
    Geometry geometry() const;

    QVector<Row> m_rows;
};

} // namespace pacd::ui
