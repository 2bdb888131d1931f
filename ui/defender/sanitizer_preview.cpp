#include "defender/sanitizer_preview.h"

#include "defender/defender_names.h"
#include "inspector/image_cell.h"
#include "inspector/image_render.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>
#include <exception>

namespace pacd::ui {
namespace {

QImage imageOf(const PlainImage& image) {
    if (image.pixels.empty()) return {};
    return imageFromFloats(image.pixels.data(), ImageShape{image.channels, image.height, image.width});
}

double maxAbsDifference(const PlainImage& a, const PlainImage& b) {
    if (a.pixels.size() != b.pixels.size() || a.pixels.empty()) return -1.0;
    double out = 0;
    for (std::size_t i = 0; i < a.pixels.size(); ++i)
        out = std::max(out, std::abs(double(a.pixels[i]) - double(b.pixels[i])));
    return out;
}

// The sanitisers a defender picks from (None is the absence of one).
const pacd::Sanitizer kKinds[] = {pacd::Sanitizer::BitDepth, pacd::Sanitizer::Jpeg, pacd::Sanitizer::Median,
                                  pacd::Sanitizer::Blur};

} // namespace

SanitizerPreview::SanitizerPreview(QWidget* parent) : QWidget(parent) {
    m_kind = new QComboBox;
    m_kind->setObjectName(QStringLiteral("sanitizerKind"));
    for (const auto kind : kKinds)
        m_kind->addItem(QString(), static_cast<int>(kind));
    m_kindLabel = new QLabel;
    m_kindLabel->setBuddy(m_kind);
    m_parameter = new QDoubleSpinBox;
    m_parameter->setObjectName(QStringLiteral("sanitizerParameter"));
    m_parameterLabel = new QLabel;
    m_parameterLabel->setBuddy(m_parameter);
    m_pair = new QSpinBox;
    m_pair->setObjectName(QStringLiteral("sanitizerPoison"));
    m_pairLabel = new QLabel;
    m_pairLabel->setBuddy(m_pair);
    // Two short lines rather than one long one: the panel shares its row with the ACR bars.
    auto* controls = new QGridLayout;
    controls->addWidget(m_kindLabel, 0, 0);
    controls->addWidget(m_kind, 0, 1);
    controls->addWidget(m_parameterLabel, 0, 2);
    controls->addWidget(m_parameter, 0, 3);
    controls->addWidget(m_pairLabel, 1, 0);
    controls->addWidget(m_pair, 1, 1, Qt::AlignLeft);
    controls->setColumnStretch(4, 1);

    auto* images = new QGridLayout;
    for (int i = 0; i < 3; ++i) {
        m_captions[i] = new QLabel;
        m_captions[i]->setAlignment(Qt::AlignCenter);
        m_cells[i] = new ImageCell;
        images->addWidget(m_captions[i], 0, i);
        images->addWidget(m_cells[i], 1, i, Qt::AlignHCenter);
    }
    images->setColumnStretch(3, 1);
    m_summary = new QLabel;
    m_summary->setWordWrap(true);
    m_summary->setAlignment(Qt::AlignTop | Qt::AlignLeft);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(controls);
    layout->addLayout(images);
    layout->addWidget(m_summary, 1);

    connect(m_kind, &QComboBox::currentIndexChanged, this, &SanitizerPreview::onKindChanged);
    connect(m_parameter, &QDoubleSpinBox::valueChanged, this, [this] {
        if (!m_updating) refresh();
    });
    connect(m_pair, &QSpinBox::valueChanged, this, [this](int value) {
        if (!m_updating) showPair(value - 1);
    });
    setSanitizer({pacd::Sanitizer::BitDepth, pacd::defaultSanitizerParameter(pacd::Sanitizer::BitDepth, false)});
    retranslate();
}

void SanitizerPreview::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void SanitizerPreview::retranslate() {
    m_kindLabel->setText(tr("Sanitiser"));
    for (int i = 0; i < m_kind->count(); ++i)
        m_kind->setItemText(i, DefenderNames::sanitizer(QString::fromStdString(
                                   pacd::nameOf(static_cast<pacd::Sanitizer>(m_kind->itemData(i).toInt())))));
    m_parameterLabel->setText(DefenderNames::parameterName(QString::fromStdString(pacd::nameOf(sanitizer().kind))));
    m_pairLabel->setText(tr("Poison"));
    m_pair->setToolTip(tr("One of the PACD poison set's images"));
    m_captions[0]->setText(tr("clean"));
    m_captions[1]->setText(tr("poisoned"));
    m_captions[2]->setText(tr("sanitised poisoned"));
    m_summary->setText(summaryText());
}

void SanitizerPreview::setPairs(const std::vector<PoisonPair>& pairs, const pacd::SanitizerSetting& initial) {
    m_pairs = pairs;
    m_updating = true;
    m_pair->setRange(pairs.empty() ? 0 : 1, static_cast<int>(pairs.size()));
    m_updating = false;
    const bool colour = !pairs.empty() && pairs.front().clean.channels == 3;
    setSanitizer(initial.kind == pacd::Sanitizer::None
                     ? pacd::SanitizerSetting{pacd::Sanitizer::BitDepth,
                                              pacd::defaultSanitizerParameter(pacd::Sanitizer::BitDepth, colour)}
                     : initial);
    showPair(pairs.empty() ? -1 : 0);
}

void SanitizerPreview::clear() {
    setPairs({}, {});
}

void SanitizerPreview::setSanitizer(const pacd::SanitizerSetting& setting) {
    m_updating = true;
    const int at = m_kind->findData(static_cast<int>(setting.kind));
    if (at >= 0) m_kind->setCurrentIndex(at);
    // Each parameter's range and step as the spec validator allows it (requireSanitizerParameter).
    switch (setting.kind) {
    case pacd::Sanitizer::BitDepth:
        m_parameter->setDecimals(0);
        m_parameter->setRange(1, 8);
        m_parameter->setSingleStep(1);
        break;
    case pacd::Sanitizer::Jpeg:
        m_parameter->setDecimals(0);
        m_parameter->setRange(1, 100);
        m_parameter->setSingleStep(5);
        break;
    case pacd::Sanitizer::Median:
        m_parameter->setDecimals(0);
        m_parameter->setRange(1, 15);
        m_parameter->setSingleStep(2);
        break;
    default:
        m_parameter->setDecimals(1);
        m_parameter->setRange(0.1, 10);
        m_parameter->setSingleStep(0.1);
        break;
    }
    m_parameter->setValue(setting.parameter);
    m_updating = false;
    retranslate();
    refresh();
}

pacd::SanitizerSetting SanitizerPreview::sanitizer() const {
    return {static_cast<pacd::Sanitizer>(m_kind->currentData().toInt()), m_parameter->value()};
}

void SanitizerPreview::onKindChanged() {
    if (m_updating) return;
    const auto kind = static_cast<pacd::Sanitizer>(m_kind->currentData().toInt());
    const bool colour = !m_pairs.empty() && m_pairs.front().clean.channels == 3;
    setSanitizer({kind, pacd::defaultSanitizerParameter(kind, colour)});
}

void SanitizerPreview::showPair(int index) {
    m_current = index >= 0 && index < static_cast<int>(m_pairs.size()) ? index : -1;
    m_updating = true;
    if (m_current >= 0) m_pair->setValue(m_current + 1);
    m_updating = false;
    refresh();
}

void SanitizerPreview::setZoom(int zoom) {
    for (auto* cell : m_cells)
        cell->setZoom(zoom);
}

void SanitizerPreview::refresh() {
    m_sanitized = {};
    m_before = m_after = -1.0;
    m_error.clear();
    if (m_current < 0) {
        for (auto* cell : m_cells)
            cell->setImage(QImage());
        m_summary->setText(summaryText());
        return;
    }
    const auto& pair = m_pairs[static_cast<std::size_t>(m_current)];
    m_cells[0]->setImage(imageOf(pair.clean));
    m_cells[1]->setImage(imageOf(pair.poisoned));
    m_before = maxAbsDifference(pair.poisoned, pair.clean);
    try {
        const auto setting = sanitizer();
        pacd::requireSanitizerParameter(setting.kind, setting.parameter, "sanitizer_param");
        m_sanitized = sanitizeImage(pair.poisoned, setting);
        // What survives: the difference between the sanitised poison and the sanitised clean image.
        m_after = maxAbsDifference(m_sanitized, sanitizeImage(pair.clean, setting));
    } catch (const std::exception& e) {
        m_error = QString::fromUtf8(e.what());
    }
    m_cells[2]->setImage(imageOf(m_sanitized));
    m_summary->setText(summaryText());
}

QString SanitizerPreview::summaryText() const {
    if (!m_error.isEmpty()) return m_error;
    if (m_current < 0) return tr("No PACD poisons in this run to sanitise.");
    const QLocale locale;
    const auto& pair = m_pairs[static_cast<std::size_t>(m_current)];
    return tr("Training image %1: the poison's largest pixel change ‖δ‖∞ %2, after sanitising both images %3.")
        .arg(pair.position)
        .arg(locale.toString(m_before, 'f', 3), locale.toString(m_after, 'f', 3));
}

} // namespace pacd::ui
