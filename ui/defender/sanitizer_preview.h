#pragma once
// A sanitiser's effect on one poison: clean | poisoned | sanitised poisoned, through core's sanitiser (the function
// the sanitised victims' training sets go through), with how much of the perturbation survives it: δ between the
// poisoned and the clean image before, and between both after sanitising. One 28×28 or 32×32 image takes well under a
// millisecond, so it runs on the GUI thread; the images themselves arrive from the tab's loader.
#include "defender/defender_images.h"

#include <QWidget>

#include <vector>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;

namespace pacd::ui {

class ImageCell;

class SanitizerPreview : public QWidget {
    Q_OBJECT
  public:
    explicit SanitizerPreview(QWidget* parent = nullptr);

    /// The poisons to choose from (a poison set's first ones) and the sanitiser to start with (None: bit-depth).
    void setPairs(const std::vector<PoisonPair>& pairs, const pacd::SanitizerSetting& initial);
    void clear();
    /// Shows pair `index` (0-based) through the current sanitiser.
    void showPair(int index);
    void setSanitizer(const pacd::SanitizerSetting& setting);
    pacd::SanitizerSetting sanitizer() const;
    int currentPair() const { return m_current; }
    /// What is shown now (tests): the sanitised poisoned image, and the ℓ∞ norms of δ before and after.
    const PlainImage& sanitized() const { return m_sanitized; }
    double deltaBefore() const { return m_before; }
    double deltaAfter() const { return m_after; }
    QString summaryText() const;
    /// Images at `zoom` screen pixels per pixel.
    void setZoom(int zoom);

  protected:
    void changeEvent(QEvent* event) override;

  private:
    void retranslate();
    void onKindChanged();
    void refresh();

    std::vector<PoisonPair> m_pairs;
    int m_current = -1;
    PlainImage m_sanitized;
    double m_before = -1.0, m_after = -1.0;
    QString m_error;
    bool m_updating = false;

    QLabel* m_kindLabel = nullptr;
    QComboBox* m_kind = nullptr;
    QLabel* m_parameterLabel = nullptr;
    QDoubleSpinBox* m_parameter = nullptr;
    QLabel* m_pairLabel = nullptr;
    QSpinBox* m_pair = nullptr;
    QLabel* m_captions[3] = {nullptr, nullptr, nullptr};
    ImageCell* m_cells[3] = {nullptr, nullptr, nullptr};
    QLabel* m_summary = nullptr;
};

} // namespace pacd::ui
