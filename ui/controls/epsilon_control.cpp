#include "controls/epsilon_control.h"

#include <QDoubleSpinBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>

#include <cmath>

namespace pacd::ui {

namespace {
constexpr int kSliderSteps = 300; // 0.001 per step over [0, kSliderMax]
}

EpsilonControl::EpsilonControl(QWidget* parent)
    : QWidget(parent), m_slider(new QSlider(Qt::Horizontal, this)), m_spin(new QDoubleSpinBox(this)), m_pixels(new QLabel(this)) {
    m_slider->setRange(0, kSliderSteps);
    m_spin->setRange(0.0, 1.0);
    m_spin->setDecimals(4);
    m_spin->setSingleStep(0.005);
    m_pixels->setMinimumWidth(m_pixels->fontMetrics().horizontalAdvance(QStringLiteral("≈ 255.0 / 255 ")));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_slider, 1);
    layout->addWidget(m_spin);
    layout->addWidget(m_pixels);
    connect(m_slider, &QSlider::valueChanged, this, [this](int step) {
        // The slider is coarse: moving it must not disturb a finer spin-box value that rounds to the same step.
        if (std::lround(m_spin->value() / kSliderMax * kSliderSteps) != step) m_spin->setValue(step * kSliderMax / kSliderSteps);
    });
    connect(m_spin, &QDoubleSpinBox::valueChanged, this, [this](double epsilon) {
        const QSignalBlocker block(m_slider);
        m_slider->setValue(static_cast<int>(std::lround(std::min(epsilon, kSliderMax) / kSliderMax * kSliderSteps)));
        updatePixelLabel();
        Q_EMIT valueChanged(epsilon);
    });
    setValue(0.1);
    retranslate();
}

double EpsilonControl::value() const {
    return m_spin->value();
}

void EpsilonControl::setValue(double epsilon) {
    m_spin->setValue(epsilon);
    updatePixelLabel();
}

QString EpsilonControl::pixelText() const {
    return m_pixels->text();
}

void EpsilonControl::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void EpsilonControl::retranslate() {
    const QString tip = tr("ℓ∞ budget of each poison's perturbation on images in [0, 1] (§3.3; paper: MNIST 0.1, "
                           "CIFAR-10 0.03, App. E.3). The label gives it in 8-bit pixel levels.");
    m_slider->setToolTip(tip);
    m_spin->setToolTip(tip);
    updatePixelLabel();
}

void EpsilonControl::updatePixelLabel() {
    m_pixels->setText(tr("≈ %1 / 255").arg(m_spin->value() * 255.0, 0, 'f', 1));
    m_pixels->setToolTip(tr("ε in pixel levels: each pixel moves by at most this many of 255 levels"));
}

} // namespace pacd::ui
