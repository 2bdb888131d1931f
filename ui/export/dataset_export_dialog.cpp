#include "export/dataset_export_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace pacd::ui {
namespace {

QHBoxLayout* withBrowse(QLineEdit* edit, QPushButton* button) {
    auto* row = new QHBoxLayout;
    row->addWidget(edit, 1);
    row->addWidget(button);
    return row;
}

} // namespace

DatasetExportDialog::DatasetExportDialog(QWidget* parent) : QDialog(parent) {
    qRegisterMetaType<DatasetExportResult>();
    m_watcher = new QFutureWatcher<DatasetExportResult>(this);
    connect(m_watcher, &QFutureWatcher<DatasetExportResult>::finished, this, [this] { onFinished(m_watcher->result()); });
    setWindowTitle(tr("Export poisoned training set"));
    m_manifest = new QLineEdit;
    m_manifest->setPlaceholderText(tr("poison-set manifest (.json)"));
    auto* browseManifest = new QPushButton(tr("Browse…"));
    connect(browseManifest, &QPushButton::clicked, this, [this] {
        const QString file =
            QFileDialog::getOpenFileName(this, tr("Poison set"), m_manifest->text(), tr("Poison-set manifest (*.json)"));
        if (!file.isEmpty()) m_manifest->setText(file);
    });
    m_outDir = new QLineEdit(QDir::home().filePath(QStringLiteral("poisoned-export")));
    auto* browseOut = new QPushButton(tr("Browse…"));
    connect(browseOut, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Output folder"), m_outDir->text());
        if (!dir.isEmpty()) m_outDir->setText(dir);
    });
    m_format = new QComboBox;
    m_format->addItem(tr("IDX, 8-bit (what other tools read; pixels rounded)"), QStringLiteral("idx"));
    m_format->addItem(tr("IDX, float32 (exact poisons)"), QStringLiteral("idx-float"));
    m_format->addItem(tr("PNG class folders (8-bit)"), QStringLiteral("png"));
    m_subset = new QSpinBox;
    m_subset->setRange(0, 10'000'000);
    m_subset->setSpecialValueText(tr("whole training part"));
    m_subset->setToolTip(tr("The stratified subset the poisons were made on (the attack's --subset)"));
    m_splitSeed = new QSpinBox;
    m_splitSeed->setRange(0, 2'000'000'000);
    m_splitSeed->setToolTip(tr("Seed of the train/validation split and the subset (the attack's --split-seed)"));
    m_poisonsOnly = new QCheckBox(tr("Only the poisoned images"));
    m_status = new QLabel;
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* form = new QFormLayout;
    form->addRow(tr("Poison set"), withBrowse(m_manifest, browseManifest));
    form->addRow(tr("Output folder"), withBrowse(m_outDir, browseOut));
    form->addRow(tr("Format"), m_format);
    form->addRow(tr("Subset"), m_subset);
    form->addRow(tr("Split seed"), m_splitSeed);
    form->addRow(QString(), m_poisonsOnly);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    auto* exportButton = m_buttons->addButton(tr("Export"), QDialogButtonBox::AcceptRole);
    connect(exportButton, &QPushButton::clicked, this, &DatasetExportDialog::startExport);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);
    resize(560, sizeHint().height());
}

DatasetExportRequest DatasetExportDialog::request() const {
    DatasetExportRequest request;
    request.manifest = m_manifest->text();
    request.outDir = m_outDir->text();
    request.dataDir = m_dataDir;
    request.format = m_format->currentData().toString();
    request.subset = m_subset->value();
    request.splitSeed = static_cast<quint64>(m_splitSeed->value());
    request.poisonsOnly = m_poisonsOnly->isChecked();
    return request;
}

void DatasetExportDialog::setRequest(const DatasetExportRequest& request) {
    m_manifest->setText(request.manifest);
    m_outDir->setText(request.outDir);
    m_dataDir = request.dataDir;
    m_format->setCurrentIndex(std::max(0, m_format->findData(request.format)));
    m_subset->setValue(static_cast<int>(request.subset));
    m_splitSeed->setValue(static_cast<int>(request.splitSeed));
    m_poisonsOnly->setChecked(request.poisonsOnly);
}

void DatasetExportDialog::startExport() {
    if (m_busy) return;
    const auto job = request();
    if (job.manifest.isEmpty() || job.outDir.isEmpty()) {
        m_status->setText(tr("Choose a poison set and an output folder."));
        return;
    }
    setBusy(true);
    m_status->setText(tr("Exporting…"));
    // The export reads the data set and writes thousands of files: off the GUI thread, on the global pool. The job
    // owns a copy of the request and touches no widget; the watcher (a child of the dialog) brings the result back
    // to the GUI thread, and a dialog closed meanwhile takes its watcher with it, so the result is dropped.
    m_watcher->setFuture(QtConcurrent::run([job] { return exportPoisonedDataset(job); }));
}

void DatasetExportDialog::setBusy(bool busy) {
    m_busy = busy;
    for (auto* button : m_buttons->buttons())
        if (m_buttons->buttonRole(button) == QDialogButtonBox::AcceptRole) button->setEnabled(!busy);
}

void DatasetExportDialog::onFinished(const DatasetExportResult& result) {
    setBusy(false);
    m_status->setText(result.ok ? tr("Wrote %1 images (%2 poisons of class %3) to %4.")
                                      .arg(result.points)
                                      .arg(result.poisons)
                                      .arg(result.target)
                                      .arg(QDir::toNativeSeparators(m_outDir->text()))
                                : tr("Export failed: %1").arg(result.error));
    Q_EMIT exportFinished(result);
}

} // namespace pacd::ui
