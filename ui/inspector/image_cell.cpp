#include "inspector/image_cell.h"

#include <QMouseEvent>
#include <QPainter>

#include <algorithm>

namespace pacd::ui {

ImageCell::ImageCell(QWidget* parent) : QWidget(parent) {
    setCursor(Qt::PointingHandCursor);
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
}

void ImageCell::setImage(const QImage& image) {
    const bool resized = image.size() != m_image.size();
    m_image = image;
    if (resized) updateGeometry();
    update();
}

void ImageCell::setZoom(int zoom) {
    m_zoom = std::max(1, zoom);
    updateGeometry();
    update();
}

QSize ImageCell::sizeHint() const {
    return m_image.isNull() ? QSize(28, 28) * m_zoom : m_image.size() * m_zoom;
}

void ImageCell::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false); // nearest neighbour: the pixels are the data
    if (!m_image.isNull()) painter.drawImage(QRect(QPoint(0, 0), m_image.size() * m_zoom), m_image);
}

void ImageCell::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton && rect().contains(event->position().toPoint())) Q_EMIT clicked();
}

} // namespace pacd::ui
