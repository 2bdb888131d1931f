#include "inspector/image_inspector.h"

#include "inspector/image_cell.h"
#include "inspector/image_render.h"
#include "inspector/zoom_dialog.h"

#include <QDoubleSpinBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPixmap>
#include <QScrollArea>
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
constexpr int kMaximumRows = 64; // further images of a preview are ignored

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

    auto* scroll = new QScrollArea;
    scroll->setWidget(m_grid);
    scroll->setWidgetResizable(true);
    m_empty = new QLabel;
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setEnabled(false);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(controls);
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
    refreshAll(); // the δ header and caption, each row's index and metrics
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

void ImageInspector::updateImages(const QVector<qint64>& rows, const QVector<QVector<float>>& poisoned,
                                  const QVector<QVector<float>>& base, int channels, int height, int width) {
    const ImageShape shape{channels, height, width};
    if (!shape.isValid()) {
        qWarning("ImageInspector: images of %d×%d×%d cannot be shown (1 or 3 channels)", channels, height, width);
        return;
    }
    QVector<Row> incoming;
    const auto count = std::min({rows.size(), poisoned.size(), base.size()});
    for (qsizetype i = 0; i < count && incoming.size() < kMaximumRows; ++i) {
        if (poisoned[i].size() != shape.size() || base[i].size() != shape.size()) {
            qWarning("ImageInspector: image %lld has %lld/%lld values, expected %d", static_cast<long long>(rows[i]),
                     static_cast<long long>(poisoned[i].size()), static_cast<long long>(base[i].size()), shape.size());
            continue;
        }
        Row row;
        row.index = rows[i];
        row.clean = base[i];
        row.poisoned = poisoned[i];
        row.metrics = perturbationMetrics(row.clean.constData(), row.poisoned.constData(), shape);
        incoming.push_back(row);
    }
    m_shape = shape;
    resizeRows(static_cast<int>(incoming.size()));
    for (int i = 0; i < incoming.size(); ++i) {
        auto& row = m_rows[i];
        row.index = incoming[i].index;
        row.clean = std::move(incoming[i].clean);
        row.poisoned = std::move(incoming[i].poisoned);
        row.metrics = incoming[i].metrics;
    }
    updateAutomaticAmplification();
    refreshAll();
}

void ImageInspector::clear() {
    resizeRows(0);
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
    m_empty->setVisible(count == 0);
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
        for (const auto& row : m_rows)
            scale = std::max(scale, row.metrics.linf);
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
