#pragma once
// The perturbation budget ε (ℓ∞, images in [0, 1]): a slider for quick exploration, a spin box for exact
// values, and the budget in 8-bit pixel levels (ε·255), which is how people judge imperceptibility.
#include <QWidget>

class QDoubleSpinBox;
class QLabel;
class QSlider;

namespace pacd::ui {

class EpsilonControl : public QWidget {
    Q_OBJECT
  public:
    /// The slider covers [0, kSliderMax] in steps of 0.001; the spin box the whole valid range [0, 1].
    static constexpr double kSliderMax = 0.3;

    explicit EpsilonControl(QWidget* parent = nullptr);
    double value() const;
    QDoubleSpinBox* spinBox() const { return m_spin; }
    QSlider* slider() const { return m_slider; }
    /// The pixel-level label's text, e.g. "≈ 25.5 / 255".
    QString pixelText() const;

  public Q_SLOTS:
    void setValue(double epsilon);

  Q_SIGNALS:
    void valueChanged(double epsilon);

  protected:
    void changeEvent(QEvent* event) override;

  private:
    void retranslate();
    void updatePixelLabel();

    QSlider* m_slider;
    QDoubleSpinBox* m_spin;
    QLabel* m_pixels;
};

} // namespace pacd::ui
