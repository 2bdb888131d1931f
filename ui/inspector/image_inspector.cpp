#include "inspector/image_inspector.h"

#include "inspector/image_cell.h"
#include "inspector/image_render.h"
#include "inspector/zoom_dialog.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPixmap>
#include <QRegularExpression>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QSlider>
#include <QVBoxLayout>
#include <QtDebug>

#include <algorithm>
#include <cmath>

namespace pacd::ui {
namespace {

constexpr int kHeaderRow = 0;
constexpr int kFirstImageColumn = 1; // column 0 of the grid holds the row's index label
constexpr int kMetricsColumn = kFirstImageColumn + ImageInspector::ColumnCount;

QString number(double value, int digits = 3) {
    return QLocale().toString(value, 'g', digits);
}

QString psnrText(double psnr) {
    return std::isinf(psnr) ? QStringLiteral("∞") : QLocale().toString(psnr, 'f', 1);
}

// 3 screen pixels per image pixel for MNIST / CIFAR-10 sizes, fewer for larger images.
int cellZoom(const ImageShape& shape) {
    return std::max(1, 96 / std::max(shape.height, shape.width));
}

} // namespace

ImageInspector::ImageInspector(QWidget* parent) : QWidget(parent) {
    m_caption = new QLabel;
    m_amplificationBox = new QDoubleSpinBox;
    m_amplificationBox->setRange(0.0, 1000.0);
    m_amplificationBox->setDecimals(1);
    connect(m_amplificationBox, &QDoubleSpinBox::valueChanged, this, [this](double value) { setAmplification(value); });

    m_legend = new QLabel;
    m_legend->setPixmap(QPixmap::fromImage(perturbationLegend(120, 12)));
    m_legendLow = new QLabel;
    m_legendHigh = new QLabel;

    m_blend = new QSlider(Qt::Horizontal);
    m_blend->setRange(0, 100);
    m_blend->setValue(100);
    m_blendLabel = new QLabel;
    connect(m_blend, &QSlider::valueChanged, this, [this] {
        updateBlendLabel();
        refreshAll();
    });

    auto* controls = new QHBoxLayout;
    controls->addWidget(m_caption);
    controls->addWidget(m_amplificationBox);
    controls->addSpacing(12);
    controls->addWidget(m_legendLow);
    controls->addWidget(m_legend);
    controls->addWidget(m_legendHigh);
    controls->addStretch();
    controls->addWidget(m_blendLabel);
    controls->addWidget(m_blend, 1);

    m_grid = new QWidget;
    m_grid->setAutoFillBackground(true);
    m_gridLayout = new QGridLayout(m_grid);
    m_gridLayout->setHorizontalSpacing(10);
    m_gridLayout->setVerticalSpacing(6);
    m_gridLayout->setSizeConstraint(QLayout::SetMinAndMaxSize);
    m_gridLayout->setAlignment(Qt::AlignTop | Qt::AlignLeft); // rows stay packed at the top of the scroll area
    for (int column = 0; column < ColumnCount; ++column) {
        m_headers[column] = new QLabel;
        m_headers[column]->setAlignment(Qt::AlignCenter);
        m_gridLayout->addWidget(m_headers[column], kHeaderRow, kFirstImageColumn + column);
    }
    m_indexHeader = new QLabel;
    m_gridLayout->addWidget(m_indexHeader, kHeaderRow, 0);
    m_metricsHeader = new QLabel;
    m_gridLayout->addWidget(m_metricsHeader, kHeaderRow, kMetricsColumn);

    m_count = new QLabel;
    m_count->setObjectName(QStringLiteral("poisonCount"));
    m_filter = new QLineEdit;
    m_filter->setObjectName(QStringLiteral("poisonFilter"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString& text) {
        const bool understood = setFilter(text);
        m_filter->setStyleSheet(understood ? QString() : QStringLiteral("QLineEdit { border: 1px solid #c33; }"));
    });
    m_orderBox = new QComboBox;
    m_orderBox->addItems({QString(), QString(), QString()}); // texts: retranslate()
    connect(m_orderBox, &QComboBox::currentIndexChanged, this, [this](int index) { setOrder(static_cast<Order>(index)); });
    m_pager = new QScrollBar(Qt::Horizontal);
    m_pager->setObjectName(QStringLiteral("poisonPager"));
    m_pager->setSingleStep(1);
    m_pager->setPageStep(kPageRows);
    connect(m_pager, &QScrollBar::valueChanged, this, [this](int value) {
        if (value == m_first) return;
        m_first = value;
        showPage();
    });
    auto* browse = new QHBoxLayout;
    browse->addWidget(m_count);
    browse->addWidget(m_pager, 1);
    browse->addWidget(m_orderBox);
    browse->addWidget(m_filter);

    auto* scroll = new QScrollArea;
    scroll->setWidget(m_grid);
    scroll->setWidgetResizable(true);
    m_empty = new QLabel;
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setEnabled(false);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addLayout(browse);
    layout->addWidget(m_empty);
    layout->addWidget(scroll, 1);
    retranslate();
}

void ImageInspector::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void ImageInspector::retranslate() {
    m_amplificationBox->setSpecialValueText(tr("auto"));
    m_amplificationBox->setPrefix(tr("δ × "));
    m_amplificationBox->setToolTip(
        tr("Amplification of the perturbation in the δ column; \"auto\" maps ±ε to the ends of the colour map"));
    m_legend->setToolTip(tr("Colour of the amplified perturbation: blue negative, white zero, red positive"));
    m_blend->setToolTip(tr("Blend the poisoned column from the clean image (0 %) to the poison (100 %)"));
    updateBlendLabel();
    m_headers[CleanColumn]->setText(tr("Clean"));
    m_headers[PoisonedColumn]->setText(tr("Poisoned"));
    m_indexHeader->setText(tr("Index"));
    m_metricsHeader->setText(tr("L∞ · L2 · PSNR · SSIM"));
    m_empty->setText(tr("No poisons yet: they appear here while an attack runs."));
    m_filter->setPlaceholderText(tr("Filter: index, e.g. 17 or 100-200"));
    m_filter->setToolTip(tr("Show only these training-image indices: single numbers and ranges, separated by commas"));
    m_orderBox->setItemText(static_cast<int>(Order::Index), tr("by index"));
    m_orderBox->setItemText(static_cast<int>(Order::LargestL2), tr("largest L2 first"));
    m_orderBox->setItemText(static_cast<int>(Order::LowestSsim), tr("lowest SSIM first"));
    m_orderBox->setToolTip(tr("Order of the poisons: the most visible perturbations first, or by image index"));
    m_pager->setToolTip(tr("Scroll through all poisons, %1 at a time").arg(kPageRows));
    m_count->setText(countText());
    refreshAll(); // the δ header and caption, each row's index and metrics
}

QString ImageInspector::countText() const {
    if (m_all.isEmpty()) return {};
    const QLocale locale;
    const int shown = rowCount();
    const QString range =
        shown > 0 ? tr("%1–%2").arg(locale.toString(m_first + 1), locale.toString(m_first + shown)) : QStringLiteral("0");
    const qint64 of = std::max<qint64>(m_total, keptCount());
    if (!m_ranges.isEmpty())
        return tr("Showing %1 of %2 matching poisons (%3 in all) — scroll or filter")
            .arg(range, locale.toString(filteredCount()), locale.toString(of));
    if (of > keptCount())
        return tr("Showing %1 of %2 poisons (%3 received so far) — scroll or filter")
            .arg(range, locale.toString(of), locale.toString(keptCount()));
    return tr("Showing %1 of %2 poisons — scroll or filter").arg(range, locale.toString(of));
}

void ImageInspector::setPoisonTotal(qint64 total) {
    m_total = std::max<qint64>(0, total);
    m_count->setText(countText());
}

void ImageInspector::scrollTo(int first) {
    m_first = std::clamp(first, 0, std::max(0, filteredCount() - kPageRows));
    showPage();
}

bool ImageInspector::setFilter(const QString& text) {
    m_ranges.clear();
    bool understood = true;
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    static const QRegularExpression range(QStringLiteral("^(\\d+)(?:-(\\d+))?$"));
    for (const QString& token : text.split(separators, Qt::SkipEmptyParts)) {
        const auto match = range.match(token);
        if (!match.hasMatch()) {
            understood = false;
            continue;
        }
        const qint64 low = match.captured(1).toLongLong();
        const qint64 high = match.captured(2).isEmpty() ? low : match.captured(2).toLongLong();
        m_ranges.push_back({std::min(low, high), std::max(low, high)});
    }
    if (!understood) m_ranges.clear();
    m_first = 0;
    refilter();
    return understood;
}

void ImageInspector::setOrder(Order order) {
    m_order = order;
    {
        const QSignalBlocker blocker(m_orderBox);
        m_orderBox->setCurrentIndex(static_cast<int>(order));
    }
    m_first = 0;
    refilter();
}

void ImageInspector::updateBlendLabel() {
    m_blendLabel->setText(tr("Clean → poisoned: %1 %").arg(m_blend->value()));
}

void ImageInspector::setEpsilon(double epsilon) {
    m_epsilon = std::max(0.0, epsilon);
    updateAutomaticAmplification();
    refreshAll();
}

void ImageInspector::setAmplification(double amplification) {
    m_automaticAmplification = !(amplification > 0);
    if (!m_automaticAmplification) m_amplification = amplification;
    {
        const QSignalBlocker blocker(m_amplificationBox);
        m_amplificationBox->setValue(m_automaticAmplification ? 0.0 : amplification);
    }
    updateAutomaticAmplification();
    refreshAll();
}

QString ImageInspector::amplificationCaption() const {
    if (m_epsilon > 0) return tr("δ × %1 (ε = %2)").arg(number(m_amplification), number(m_epsilon));
    return tr("δ × %1").arg(number(m_amplification));
}

void ImageInspector::setBlend(double t) {
    m_blend->setValue(static_cast<int>(std::lround(std::clamp(t, 0.0, 1.0) * 100.0)));
}

double ImageInspector::blend() const {
    return m_blend->value() / 100.0;
}

QImage ImageInspector::cellImage(int row, int column) const {
    if (row < 0 || row >= rowCount() || column < 0 || column >= ColumnCount) return {};
    return m_rows[row].cells[column]->image();
}

PerturbationMetrics ImageInspector::metrics(int row) const {
    return row >= 0 && row < rowCount() ? m_rows[row].metrics : PerturbationMetrics{};
}

qint64 ImageInspector::rowIndex(int row) const {
    return row >= 0 && row < rowCount() ? m_rows[row].index : -1;
}

QImage ImageInspector::gridImage() const {
    m_grid->adjustSize();
    return m_grid->grab().toImage();
}

bool ImageInspector::take(const QVector<qint64>& rows, const QVector<QVector<float>>& poisoned,
                          const QVector<QVector<float>>& base, int channels, int height, int width) {
    const ImageShape shape{channels, height, width};
    if (!shape.isValid()) {
        qWarning("ImageInspector: images of %d×%d×%d cannot be shown (1 or 3 channels)", channels, height, width);
        return false;
    }
    if (shape.channels != m_shape.channels || shape.height != m_shape.height || shape.width != m_shape.width) m_all.clear();
    m_shape = shape;
    const auto count = std::min({rows.size(), poisoned.size(), base.size()});
    for (qsizetype i = 0; i < count; ++i) {
        if (poisoned[i].size() != shape.size() || base[i].size() != shape.size()) {
            qWarning("ImageInspector: image %lld has %lld/%lld values, expected %d", static_cast<long long>(rows[i]),
                     static_cast<long long>(poisoned[i].size()), static_cast<long long>(base[i].size()), shape.size());
            continue;
        }
        Entry entry;
        entry.index = rows[i];
        entry.clean = base[i];
        entry.poisoned = poisoned[i];
        entry.metrics = perturbationMetrics(entry.clean.constData(), entry.poisoned.constData(), shape);
        // Kept in index order: a poison seen again (the next attack epoch) replaces its older self.
        const auto at = std::lower_bound(m_all.begin(), m_all.end(), entry.index,
                                         [](const Entry& e, qint64 index) { return e.index < index; });
        if (at != m_all.end() && at->index == entry.index)
            *at = std::move(entry);
        else if (m_all.size() < kMaximumKept)
            m_all.insert(at, std::move(entry));
    }
    return true;
}

void ImageInspector::updateImages(const QVector<qint64>& rows, const QVector<QVector<float>>& poisoned,
                                  const QVector<QVector<float>>& base, int channels, int height, int width) {
    m_all.clear();
    m_first = 0;
    if (!take(rows, poisoned, base, channels, height, width)) return;
    updateAutomaticAmplification();
    refilter();
}

void ImageInspector::mergeImages(const QVector<qint64>& rows, const QVector<QVector<float>>& poisoned,
                                 const QVector<QVector<float>>& base, int channels, int height, int width) {
    if (!take(rows, poisoned, base, channels, height, width)) return;
    updateAutomaticAmplification();
    refilter();
}

void ImageInspector::clear() {
    m_all.clear();
    m_total = 0;
    m_first = 0;
    refilter();
}

void ImageInspector::refilter() {
    m_visible.clear();
    for (int i = 0; i < m_all.size(); ++i) {
        const qint64 index = m_all[i].index;
        if (m_ranges.isEmpty() || std::any_of(m_ranges.begin(), m_ranges.end(),
                                              [index](const auto& r) { return index >= r.first && index <= r.second; }))
            m_visible.push_back(i);
    }
    if (m_order == Order::LargestL2)
        std::stable_sort(m_visible.begin(), m_visible.end(),
                         [this](int a, int b) { return m_all[a].metrics.l2 > m_all[b].metrics.l2; });
    else if (m_order == Order::LowestSsim)
        std::stable_sort(m_visible.begin(), m_visible.end(),
                         [this](int a, int b) { return m_all[a].metrics.ssim < m_all[b].metrics.ssim; });
    m_first = std::clamp(m_first, 0, std::max(0, filteredCount() - kPageRows));
    {
        const QSignalBlocker blocker(m_pager);
        m_pager->setRange(0, std::max(0, filteredCount() - kPageRows));
        m_pager->setValue(m_first);
    }
    m_pager->setEnabled(filteredCount() > kPageRows);
    showPage();
}

void ImageInspector::showPage() {
    const int count = std::clamp(filteredCount() - m_first, 0, kPageRows);
    resizeRows(count);
    for (int i = 0; i < count; ++i) {
        const auto& entry = m_all[m_visible[m_first + i]];
        auto& row = m_rows[i];
        row.index = entry.index;
        row.clean = entry.clean;
        row.poisoned = entry.poisoned;
        row.metrics = entry.metrics;
    }
    {
        const QSignalBlocker blocker(m_pager);
        m_pager->setValue(m_first);
    }
    m_empty->setVisible(m_all.isEmpty());
    m_count->setText(countText());
    refreshAll();
}

void ImageInspector::openCell(int row, int column) {
    if (row < 0 || row >= rowCount() || column < 0 || column >= ColumnCount) return;
    const auto& r = m_rows[row];
    const QString names[] = {tr("Clean image #%1"), tr("Poisoned image #%1"), tr("Perturbation of image #%1")};
    const QString caption = tr("L∞ %1 · L2 %2 · PSNR %3 dB · SSIM %4")
                                .arg(number(r.metrics.linf), number(r.metrics.l2), psnrText(r.metrics.psnr),
                                     QLocale().toString(r.metrics.ssim, 'f', 4)) +
                            (column == PerturbationColumn ? QStringLiteral("\n") + amplificationCaption() : QString());
    auto* dialog = new ZoomDialog(cellImage(row, column), names[column].arg(r.index), caption, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void ImageInspector::resizeRows(int count) {
    while (rowCount() > count) {
        auto row = m_rows.takeLast();
        delete row.label;
        delete row.metricsLabel;
        for (auto* cell : row.cells)
            delete cell;
    }
    while (rowCount() < count) {
        const int index = rowCount();
        const int gridRow = kHeaderRow + 1 + index;
        Row row;
        row.label = new QLabel;
        row.label->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_gridLayout->addWidget(row.label, gridRow, 0);
        for (int column = 0; column < ColumnCount; ++column) {
            auto* cell = new ImageCell;
            connect(cell, &ImageCell::clicked, this, [this, index, column] {
                Q_EMIT cellClicked(index, column);
                openCell(index, column);
            });
            m_gridLayout->addWidget(cell, gridRow, kFirstImageColumn + column, Qt::AlignCenter);
            row.cells[column] = cell;
        }
        row.metricsLabel = new QLabel;
        row.metricsLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_gridLayout->addWidget(row.metricsLabel, gridRow, kMetricsColumn);
        m_rows.push_back(row);
    }
}

void ImageInspector::refreshRow(int index) {
    auto& row = m_rows[index];
    const int zoom = cellZoom(m_shape);
    const float* clean = row.clean.constData();
    const float* poisoned = row.poisoned.constData();
    row.label->setText(tr("#%1").arg(row.index));
    row.cells[CleanColumn]->setImage(imageFromFloats(clean, m_shape));
    row.cells[PoisonedColumn]->setImage(blend() >= 1.0 ? imageFromFloats(poisoned, m_shape)
                                                       : blendedImage(clean, poisoned, m_shape, blend()));
    row.cells[PerturbationColumn]->setImage(perturbationImage(clean, poisoned, m_shape, m_amplification));
    for (auto* cell : row.cells)
        cell->setZoom(zoom);
    row.metricsLabel->setText(tr("L∞ %1\nL2 %2\nPSNR %3 dB\nSSIM %4")
                                  .arg(number(row.metrics.linf), number(row.metrics.l2), psnrText(row.metrics.psnr),
                                       QLocale().toString(row.metrics.ssim, 'f', 4)));
}

void ImageInspector::refreshAll() {
    updateCaption();
    for (int i = 0; i < rowCount(); ++i)
        refreshRow(i);
}

void ImageInspector::updateAutomaticAmplification() {
    if (!m_automaticAmplification) return;
    double scale = m_epsilon;
    if (!(scale > 0))
        for (const auto& entry : m_all)
            scale = std::max(scale, entry.metrics.linf);
    m_amplification = scale > 0 ? 0.5 / scale : 1.0;
}

void ImageInspector::updateCaption() {
    const QString caption = amplificationCaption();
    m_caption->setText(caption);
    m_headers[PerturbationColumn]->setText(caption);
    const double end = 0.5 / m_amplification; // the δ at either end of the map
    m_legendLow->setText(tr("−%1").arg(number(end, 2)));
    m_legendHigh->setText(tr("+%1").arg(number(end, 2)));
}

} // namespace pacd::ui
