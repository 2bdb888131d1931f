#include "export/plot_export_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

namespace pacd::ui {

PlotExportDialog::PlotExportDialog(QCustomPlot& plot, QWidget* parent) : QDialog(parent), m_plot(plot) {
    setWindowTitle(tr("Export plot"));
    m_path = new QLineEdit(QDir::home().filePath(QStringLiteral("plot.png")));
    auto* browseButton = new QPushButton(tr("Browse…"));
    connect(browseButton, &QPushButton::clicked, this, &PlotExportDialog::browse);
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browseButton);

    m_format = new QComboBox;
    m_format->addItem(tr("PNG (raster)"), static_cast<int>(PlotFormat::Png));
    m_format->addItem(tr("PDF (vector)"), static_cast<int>(PlotFormat::Pdf));
    m_format->addItem(tr("SVG (vector)"), static_cast<int>(PlotFormat::Svg));
    connect(m_format, &QComboBox::currentIndexChanged, this, [this] {
        // Keep the file's suffix in step with the chosen format.
        QFileInfo info(m_path->text());
        const auto format = static_cast<PlotFormat>(m_format->currentData().toInt());
        m_path->setText(info.dir().filePath(info.completeBaseName() + QLatin1Char('.') + plotFormatSuffix(format)));
        refreshSummary();
    });
    connect(m_path, &QLineEdit::editingFinished, this, [this] {
        const int index = m_format->findData(static_cast<int>(plotFormatForFile(m_path->text())));
        const QSignalBlocker blocker(m_format);
        m_format->setCurrentIndex(index);
        refreshSummary();
    });

    m_unit = new QComboBox;
    m_unit->addItem(tr("pixels"), static_cast<int>(SizeUnit::Pixels));
    m_unit->addItem(tr("centimetres"), static_cast<int>(SizeUnit::Centimetres));
    m_width = new QDoubleSpinBox;
    m_height = new QDoubleSpinBox;
    for (auto* box : {m_width, m_height}) {
        box->setRange(0.5, 20000);
        box->setDecimals(1);
        connect(box, &QDoubleSpinBox::valueChanged, this, &PlotExportDialog::refreshSummary);
    }
    m_dpi = new QSpinBox;
    m_dpi->setRange(10, 2400);
    m_dpi->setSuffix(tr(" dpi"));
    connect(m_dpi, &QSpinBox::valueChanged, this, &PlotExportDialog::refreshSummary);
    m_summary = new QLabel;

    auto* sizeRow = new QHBoxLayout;
    sizeRow->addWidget(m_width);
    sizeRow->addWidget(new QLabel(QStringLiteral("×")));
    sizeRow->addWidget(m_height);
    sizeRow->addWidget(m_unit);

    auto* form = new QFormLayout;
    form->addRow(tr("File"), pathRow);
    form->addRow(tr("Format"), m_format);
    form->addRow(tr("Size"), sizeRow);
    form->addRow(tr("Resolution"), m_dpi);
    form->addRow(QString(), m_summary);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &PlotExportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);

    setSettings(PlotExportSettings{});
    connect(m_unit, &QComboBox::currentIndexChanged, this, &PlotExportDialog::onUnitChanged);
}

PlotExportSettings PlotExportDialog::settings() const {
    PlotExportSettings settings;
    settings.format = static_cast<PlotFormat>(m_format->currentData().toInt());
    settings.unit = static_cast<SizeUnit>(m_unit->currentData().toInt());
    settings.width = m_width->value();
    settings.height = m_height->value();
    settings.dpi = m_dpi->value();
    return settings;
}

void PlotExportDialog::setSettings(const PlotExportSettings& settings) {
    const QSignalBlocker unitBlocker(m_unit);
    m_format->setCurrentIndex(m_format->findData(static_cast<int>(settings.format)));
    m_unit->setCurrentIndex(m_unit->findData(static_cast<int>(settings.unit)));
    m_lastUnit = m_unit->currentIndex();
    m_width->setValue(settings.width);
    m_height->setValue(settings.height);
    m_dpi->setValue(settings.dpi);
    refreshSummary();
}

QString PlotExportDialog::path() const {
    return m_path->text();
}
void PlotExportDialog::setPath(const QString& path) {
    m_path->setText(path);
    Q_EMIT m_path->editingFinished();
}

void PlotExportDialog::browse() {
    const QString chosen = QFileDialog::getSaveFileName(this, tr("Export plot"), m_path->text(),
                                                        tr("PNG image (*.png);;PDF document (*.pdf);;SVG drawing (*.svg)"));
    if (!chosen.isEmpty()) setPath(chosen);
}

void PlotExportDialog::onUnitChanged() {
    // Convert the numbers so that the size on paper stays the same when the unit changes.
    const double perCm = m_dpi->value() / 2.54;
    const bool toCm = static_cast<SizeUnit>(m_unit->currentData().toInt()) == SizeUnit::Centimetres;
    if (m_unit->currentIndex() != m_lastUnit) {
        m_width->setValue(toCm ? m_width->value() / perCm : m_width->value() * perCm);
        m_height->setValue(toCm ? m_height->value() / perCm : m_height->value() * perCm);
    }
    m_lastUnit = m_unit->currentIndex();
    refreshSummary();
}

void PlotExportDialog::refreshSummary() {
    const auto s = settings();
    const QSize pixels = exportPixelSize(s);
    const QSizeF mm = exportMillimetres(s);
    m_summary->setText(tr("%1 × %2 pixels, %3 × %4 cm")
                           .arg(pixels.width())
                           .arg(pixels.height())
                           .arg(QLocale().toString(mm.width() / 10.0, 'f', 1), QLocale().toString(mm.height() / 10.0, 'f', 1)));
}

void PlotExportDialog::accept() {
    QString error;
    if (!exportPlot(m_plot, m_path->text(), settings(), &error)) {
        QMessageBox::critical(this, tr("Export plot"), error);
        return;
    }
    QDialog::accept();
}

} // namespace pacd::ui
