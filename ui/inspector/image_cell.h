#pragma once
#include <QImage>
#include <QWidget>

namespace pacd::ui {

/// One small image of the inspector's grid, drawn with nearest-neighbour scaling at an integer zoom (pixels stay
/// square and sharp); a click asks for the enlarged view.
class ImageCell : public QWidget {
    Q_OBJECT
  public:
    explicit ImageCell(QWidget* parent = nullptr);

    void setImage(const QImage& image);
    const QImage& image() const { return m_image; }
    /// Screen pixels per image pixel (default 3: MNIST 84 px, CIFAR-10 96 px).
    void setZoom(int zoom);
    QSize sizeHint() const override;

  Q_SIGNALS:
    void clicked();

  protected:
    void paintEvent(QPaintEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

  private:
    QImage m_image;
    int m_zoom = 3;
};

} // namespace pacd::ui
