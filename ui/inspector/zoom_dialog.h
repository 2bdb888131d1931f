#pragma once
#include <QDialog>
#include <QImage>

class QLabel;
class QSpinBox;

namespace pacd::ui {

/// One inspector image enlarged with nearest-neighbour zoom (every pixel a square), with a caption of its metrics.
class ZoomDialog : public QDialog {
    Q_OBJECT
  public:
    ZoomDialog(const QImage& image, const QString& title, const QString& caption, QWidget* parent = nullptr);

    int zoom() const;
    void setZoom(int zoom);
    /// The image as currently shown (its size is the image's times the zoom).
    QImage shownImage() const;

  private:
    void refresh();

    QImage m_image;
    QLabel* m_view = nullptr;
    QSpinBox* m_zoom = nullptr;
};

} // namespace pacd::ui
