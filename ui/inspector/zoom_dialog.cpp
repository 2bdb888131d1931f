#include "inspector/zoom_dialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace pacd::ui {

ZoomDialog::ZoomDialog(const QImage& image, const QString& title, const QString& caption, QWidget* parent)
    : QDialog(parent), m_image(image) {
    setWindowTitle(title);
    m_view = new QLabel;
    m_view->setAlignment(Qt::AlignCenter);
    auto* scroll = new QScrollArea;
    scroll->setWidget(m_view);
    scroll->setWidgetResizable(true);
    scroll->setAlignment(Qt::AlignCenter);

    m_zoom = new QSpinBox;
    m_zoom->setRange(1, 64);
    m_zoom->setSuffix(tr(" ×"));
    m_zoom->setToolTip(tr("Screen pixels per image pixel (nearest neighbour: no smoothing)"));
    // MNIST (28 px) and CIFAR-10 (32 px) both fill about 400 screen pixels.
    m_zoom->setValue(std::max(1, 400 / std::max(1, std::max(image.width(), image.height()))));
    connect(m_zoom, &QSpinBox::valueChanged, this, &ZoomDialog::refresh);

    auto* captionLabel = new QLabel(caption);
    captionLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Zoom")));
    controls->addWidget(m_zoom);
    controls->addStretch();
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(scroll, 1);
    layout->addWidget(captionLabel);
    layout->addLayout(controls);
    layout->addWidget(buttons);
    resize(480, 560);
    refresh();
}

int ZoomDialog::zoom() const {
    return m_zoom->value();
}
void ZoomDialog::setZoom(int zoom) {
    m_zoom->setValue(zoom);
}

QImage ZoomDialog::shownImage() const {
    return m_view->pixmap().toImage();
}

void ZoomDialog::refresh() {
    const QSize size = m_image.size() * m_zoom->value();
    m_view->setPixmap(QPixmap::fromImage(m_image.scaled(size, Qt::IgnoreAspectRatio, Qt::FastTransformation)));
}

} // namespace pacd::ui
